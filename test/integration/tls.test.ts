/**
 * The relay serving HTTPS itself (TLS_CERT_FILE, TLS_KEY_FILE), with a
 * self-signed certificate made here by openssl: /health over HTTPS and the
 * stock y-websocket client over wss:// work; a bad file stops the relay at
 * start with a message that names the variable and the path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { makeCertificate } from '../helpers/certificate.js';
import { connectClient, waitFor, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

let dir: string;
let cert: Buffer;
let relay: RelayProcess | undefined;
const clients: Client[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
  cert = makeCertificate(dir, 'relay').cert;
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay?.kill();
});

/** `ws` trusting the test certificate, for the stock provider. */
class TrustingSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { ca: cert });
  }
}
const TrustingWebSocket = TrustingSocket as unknown as typeof WebSocket;

function httpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca: cert }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('HTTPS on the relay itself', () => {
  it('serves /health over HTTPS and syncs stock clients over wss://', async () => {
    // A short handshake timeout: a TLS connection that has sent its request must not be taken for a slow handshake.
    relay = await startRelayProcess(tempDataDir(), { TLS_CERT_FILE: join(dir, 'relay.crt'), TLS_KEY_FILE: join(dir, 'relay.key'), HANDSHAKE_TIMEOUT_MS: '200' });
    expect(relay.stdout()).toContain(`listening on https://127.0.0.1:${relay.port}`);
    expect(relay.syncUrl).toBe(`wss://127.0.0.1:${relay.port}/sync`);

    const health = await httpsGet(`${relay.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });

    const a = connectClient(relay.syncUrl, 'tls-board', undefined, TrustingWebSocket);
    const b = connectClient(relay.syncUrl, 'tls-board', undefined, TrustingWebSocket);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    let drops = 0;
    for (const client of [a, b]) client.provider.on('status', ({ status }: { status: string }) => status === 'disconnected' && drops++);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // five handshake timeouts
    a.doc.getMap('m').set('over', 'tls');
    await waitFor(() => b.doc.getMap('m').get('over') === 'tls', 'the edit to arrive over wss');
    expect(drops).toBe(0);
  });

  it('stops at start with a message naming a missing or unusable certificate or key', async () => {
    const { certFile, keyFile } = makeCertificate(dir, 'other');
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    const cases: [Record<string, string>, RegExp][] = [
      [{ TLS_CERT_FILE: join(dir, 'missing.crt'), TLS_KEY_FILE: keyFile }, /TLS_CERT_FILE.*missing\.crt/],
      [{ TLS_CERT_FILE: certFile, TLS_KEY_FILE: join(dir, 'missing.key') }, /TLS_KEY_FILE.*missing\.key/],
      [{ TLS_CERT_FILE: certFile }, /TLS_KEY_FILE/],
      [{ TLS_KEY_FILE: keyFile }, /TLS_CERT_FILE/],
      [{ TLS_CERT_FILE: garbage, TLS_KEY_FILE: keyFile }, /TLS_CERT_FILE.*garbage\.pem/],
      // Another certificate's key.
      [{ TLS_CERT_FILE: join(dir, 'relay.crt'), TLS_KEY_FILE: keyFile }, /TLS_CERT_FILE.*TLS_KEY_FILE|TLS_KEY_FILE.*TLS_CERT_FILE/],
    ];
    for (const [env, message] of cases) {
      const outcome = await startRelayProcess(tempDataDir(), env).then(
        async (started) => `started on ${started.httpUrl}, stopped again: ${await started.kill()}`,
        (error: Error) => error.message,
      );
      expect(outcome, JSON.stringify(env)).toMatch(message);
    }
  });
});
