/**
 * What `npm start` prints and what `npm run invite` links to: one address,
 * the same host and the relay's real port, so that the board opens at one
 * origin (the offline copy, my name and recent boards live per origin). With
 * HOST=0.0.0.0 that address is one teammates can reach: a non-loopback IPv4
 * address of this machine. (Nothing here connects to it: the tests only
 * read what is printed.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SECRET = 'start-line-secret-0123456789-abcdefghij';
const relays: RelayProcess[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.kill()));
});

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RelayProcess> {
  const relay = await startRelayProcess(dataDir, { AUTH_SECRET: SECRET, ...env });
  relays.push(relay);
  return relay;
}

/** `npm run invite -- new facilitator` with only AUTH_SECRET and DATA_DIR set, as the README tells people to run it. */
async function invite(dataDir: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: SECRET, DATA_DIR: dataDir };
  for (const name of ['PORT', 'HOST', 'PUBLIC_URL', 'TLS_CERT_FILE', 'TLS_KEY_FILE']) delete env[name];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/invite-cli.ts', 'new', 'facilitator'], { cwd: ROOT, env });
  return stdout.trim();
}

const startUrl = (relay: RelayProcess) => /listening on (\S+)/.exec(relay.stdout())![1]!;

describe('the start line and the invite command', () => {
  it('print the same address, with the port the relay really listens on', async () => {
    const dataDir = tempDataDir();
    const relay = await start(dataDir);
    expect(startUrl(relay)).toBe(`http://127.0.0.1:${relay.port}`);
    const link = await invite(dataDir);
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${relay.port}/b/[A-Za-z0-9_-]{22}\\?invite=`));
    // And the link gets the facilitator in.
    const url = new URL(link);
    const response = await fetch(`${relay.httpUrl}/api${url.pathname.replace('/b/', '/boards/')}/access?token=${url.searchParams.get('invite')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'facilitator' });
  });

  it('with HOST=0.0.0.0, print an address on the network that teammates can reach', async () => {
    const dataDir = tempDataDir();
    const relay = await start(dataDir, { HOST: '0.0.0.0' });
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
      .map((entry) => `http://${entry!.address}:${relay.port}`);
    const printed = startUrl(relay);
    if (lan.length === 0) expect(printed).toBe(`http://127.0.0.1:${relay.port}`);
    else {
      expect(lan).toContain(printed);
      // Every other way in is listed too, the loopback one marked as this machine's only.
      for (const url of lan) expect(relay.stdout()).toContain(url);
      expect(relay.stdout()).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${relay.port} \\(this machine only\\)`));
    }
    expect((await invite(dataDir)).startsWith(`${printed}/b/`)).toBe(true);
  });
});
