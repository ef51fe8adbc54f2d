/**
 * Plain HTTP on the relay's port: `GET /health` (liveness), `GET /ready`
 * (readiness: 503 while starting or draining), `GET /metrics` (Prometheus),
 * the JSON API (`/api/...`, answered by the first handler that owns the
 * path), and the built client (dist/client) with `/b/<boardId>` answered by
 * the app's index.html. Every response carries the security headers below.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import serveStatic from 'serve-static';
import { AccessError } from './access.js';
import { HttpError, sendJson } from './http-json.js';
import { BOARD_PATH } from './paths.js';
import type { Logger } from './log.js';
import { isLoopback } from './loopback.js';

/** Answers the paths it owns and returns true, or returns false. May throw HttpError or AccessError. */
export type ApiHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean>;

export interface HttpOptions {
  clientDir: string;
  health: () => Record<string, unknown>;
  ready: () => boolean;
  metrics: () => Promise<string>;
  apis: ApiHandler[];
  log: Logger;
}

const HOST = /^[A-Za-z0-9.:[\]-]{1,255}$/;

/**
 * Whether the browser may count this page's origin as potentially
 * trustworthy: HTTPS (here or at a proxy in front) or a loopback host.
 * Elsewhere, plain HTTP at a LAN address say, it ignores
 * Cross-Origin-Opener-Policy and logs an error for it on every page load.
 */
function maybeTrustworthy(request: IncomingMessage, host: string | undefined): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted === true || request.headers['x-forwarded-proto'] === 'https') return true;
  // The Host header's name, without its port (the header was checked against HOST above).
  return host !== undefined && isLoopback(host.replace(/:\d+$/, ''));
}

/**
 * The page may run only its own scripts and styles and talk only to this
 * relay (its own origin, and its WebSocket on the same host); no other site
 * may frame it; links leak no URL (invite tokens travel in URLs).
 */
function securityHeaders(request: IncomingMessage, response: ServerResponse): void {
  const host = request.headers.host;
  const relay = host !== undefined && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  response.setHeader(
    'content-security-policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${relay}`,
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  if (maybeTrustworthy(request, host)) response.setHeader('cross-origin-opener-policy', 'same-origin');
}

export function createHttpHandler(options: HttpOptions) {
  const { clientDir, health, ready, metrics, apis, log } = options;
  const haveClient = existsSync(join(clientDir, 'index.html'));
  // serve-static (send) looks each file up per request and answers a read that fails, say a bundle
  // replaced by a rebuild under a running relay, with an error status instead of an unhandled stream error.
  const assets = haveClient
    ? serveStatic(clientDir, {
        etag: true,
        index: ['index.html'],
        redirect: false,
        setHeaders(response, path) {
          // Hashed bundles never change; the page and the service worker must be revalidated.
          const cache = path.startsWith(join(clientDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache';
          response.setHeader('cache-control', cache);
        },
      })
    : null;

  async function api(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    try {
      for (const handle of apis) if (await handle(request, response, path)) return;
      throw new HttpError(404, 'not found');
    } catch (error) {
      if (error instanceof HttpError || error instanceof AccessError) sendJson(response, error.status, { error: error.message });
      else {
        log.error('api request failed', { path, error: String(error) });
        sendJson(response, 500, { error: 'internal error' });
      }
    }
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    securityHeaders(request, response);
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/health') return sendJson(response, 200, { status: 'ok', ...health() });
    if (path === '/ready') return sendJson(response, ready() ? 200 : 503, { ready: ready() });
    if (path === '/metrics') {
      metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
          response.end(text);
        },
        (error: unknown) => {
          log.error('metrics failed', { error: String(error) });
          sendJson(response, 500, { error: 'metrics failed' });
        },
      );
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
    // The app routes /b/<boardId> and /b/<boardId>/request itself: hand it index.html.
    if (BOARD_PATH.test(path)) request.url = '/index.html';
    assets(request, response, (error?: unknown) => {
      // A missing file comes here without an error; a file that exists but cannot be read, with one.
      const failed = error !== undefined && error !== null;
      if (failed) log.warn('client file failed', { path, error: String(error) });
      if (response.headersSent) return void response.destroy();
      response.writeHead(failed ? 500 : 404, { 'content-type': 'text/plain' });
      response.end(failed ? 'The file could not be read\n' : 'Not found\n');
    });
  };
}
