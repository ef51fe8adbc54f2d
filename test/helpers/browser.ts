/**
 * Headless Chromium for the browser tests, driven by playwright-core.
 * Which Chromium: CHROME_PATH when set, else Debian's /usr/bin/chromium when
 * present, else the one inside the @sparticuz/chromium npm package, so a
 * fresh machine needs nothing beyond `npm install`. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Without these, Chromium as root on a closed network stalls or refuses to start. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function findChromium(): Promise<{ executablePath: string; args: string[] }> {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROME_PATH points at ${explicit}, which does not exist`);
    return { executablePath: explicit, args: FLAGS };
  }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: FLAGS };
  // Only the binary: the package's own flags are tuned for AWS Lambda
  // (--single-process, --disable-web-security, ...) and make contexts crash.
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: [...FLAGS, '--use-angle=swiftshader'] };
}

/** `extraArgs`: more Chromium flags, e.g. `--host-resolver-rules=MAP lan.test 127.0.0.1` for a host name that is not a secure context. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args: [...args, ...extraArgs], headless: true });
}
