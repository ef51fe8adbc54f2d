/**
 * The relay serving the built client: a file that disappears after the
 * relay started (the client rebuilt under a running relay) is a 404 for that
 * request, never a crash of the process every board shares.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from '../../server/http.js';
import { createLogger } from '../../server/log.js';

let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built client', () => {
  it('answers a file removed after start with 404 and keeps serving', async () => {
    dir = mkdtempSync(join(tmpdir(), 'client-files-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>board</title>');
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    const handler = createHttpHandler({ clientDir: dir, health: () => ({}), ready: () => true, metrics: async () => '', apis: [], log: createLogger('error', () => {}) });
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const bundle = await fetch(`${base}/assets/app-1.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
    // A rebuild replaces the hashed bundle while the relay runs.
    rmSync(join(dir, 'assets', 'app-1.js'));
    writeFileSync(join(dir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await fetch(`${base}/assets/app-1.js`)).status).toBe(404);
    const page = await fetch(`${base}/b/some-board`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>board</title>');
    expect((await fetch(`${base}/assets/app-2.js`)).status).toBe(200);
  });
});
