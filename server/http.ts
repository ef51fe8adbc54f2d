/**
 * Plain HTTP on the relay's port: `GET /health`, and the built client
 * (dist/client) with `/b/<boardId>` answered by the app's index.html.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { BOARD_PATH } from './paths.js';

export interface HealthSource {
  (): Record<string, unknown>;
}

/** Answers the paths it owns and returns true, or returns false. */
export type ApiHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean>;

export function createHttpHandler(clientDir: string, health: HealthSource, api: ApiHandler) {
  const haveClient = existsSync(join(clientDir, 'index.html'));
  const assets = haveClient
    ? sirv(clientDir, {
        etag: true,
        setHeaders(response, pathname) {
          // Hashed bundles never change; the page and the service worker must be revalidated.
          const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
          response.setHeader('cache-control', cache);
        },
      })
    : null;

  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ status: 'ok', ...health() }));
      return;
    }
    if (path.startsWith('/api/')) {
      void api(request, response, path);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (assets === null) {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('The client is not built. Run `npm run build` (npm start does it for you).\n');
      return;
    }
    // The app routes /b/<boardId> itself: hand it index.html.
    if (BOARD_PATH.test(path)) request.url = '/index.html';
    assets(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found\n');
    });
  };
}
