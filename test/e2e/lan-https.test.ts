/**
 * The same network address over HTTPS served by the relay itself
 * (TLS_CERT_FILE, TLS_KEY_FILE): a secure context, so the service worker
 * registers and a board reloads with no network, which plain HTTP at a
 * network address cannot give (lan.test.ts). Chromium maps lan.test to
 * 127.0.0.1 and trusts exactly the test's self-signed certificate, as a
 * teammate's browser would trust one from the organisation's CA.
 */
import { describe, expect, it } from 'vitest';
import { makeCertificate } from '../helpers/certificate.js';
import { SHOTS, addItems, browserSuite, openBoard, rowTitles } from './board-helpers.js';

const certificate = makeCertificate();
const suite = browserSuite({ TLS_CERT_FILE: certificate.certFile, TLS_KEY_FILE: certificate.keyFile }, [
  '--host-resolver-rules=MAP lan.test 127.0.0.1',
  `--ignore-certificate-errors-spki-list=${certificate.spki}`,
]);

describe('a board over HTTPS on a local network', () => {
  it('is a secure context, so it reloads with no network', async () => {
    expect(suite.relay.httpUrl).toMatch(/^https:/);
    const url = `https://lan.test:${suite.relay.port}/b/lan-https-${Date.now()}`;
    const errors: string[] = [];
    const { context, page } = await openBoard(suite.browser, url, { name: 'Ana', errors });
    suite.track(context);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle, sw: 'serviceWorker' in navigator }))).toEqual({
      secure: true,
      subtle: 'object',
      sw: true,
    });
    await addItems(page, ['Kept for the train', 'And this']);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await page.reload();
    await expect.poll(() => rowTitles(page)).toEqual(['Kept for the train', 'And this']);
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await page.screenshot({ path: `${SHOTS}lan-https-offline.png` });
    // Offline, Chromium logs each failed reconnect and request; anything else is a fault.
    expect(errors.filter((error) => !/WebSocket connection .* failed|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
  });
});
