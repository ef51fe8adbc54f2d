/**
 * Connections that have not finished their HTTP request. A socket that
 * opens and never completes its headers holds a file descriptor; Node reaps
 * it only after about two minutes, and it is not yet a WebSocket the
 * per-address connection cap sees. So each new TCP connection counts toward
 * MAX_HANDSHAKES_PER_ADDRESS until its first request (or upgrade) arrives,
 * and is destroyed if that takes longer than HANDSHAKE_TIMEOUT_MS. A trusted
 * proxy's connections (client-address.ts) time out but are not capped: it
 * opens them for many clients at once.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { AddressCounter } from './limits.js';
import type { Metrics } from './metrics.js';
import { trustsForwarded, type TrustProxy } from './client-address.js';

export function guardHandshakes(server: Server, options: { perAddress: number; timeoutMs: number; trustProxy: TrustProxy; metrics: Metrics }): void {
  const pending = new AddressCounter(options.perAddress);
  const waiting = new Map<Socket, { address: string | null; timer: NodeJS.Timeout }>();
  const done = (socket: Socket) => {
    const entry = waiting.get(socket);
    if (entry === undefined) return;
    waiting.delete(socket);
    clearTimeout(entry.timer);
    if (entry.address !== null) pending.remove(entry.address);
  };
  server.on('connection', (socket: Socket) => {
    // The peer's own address: a request has not said whom it forwards for yet.
    const address = socket.remoteAddress ?? 'unknown';
    // A trusted proxy on this machine opens connections for many clients at once (a reconnect storm): not capped.
    const capped = !trustsForwarded(address, options.trustProxy);
    if (capped && !pending.tryAdd(address)) {
      options.metrics.limitClose('handshakes-per-address');
      socket.destroy();
      return;
    }
    const timer = setTimeout(() => {
      options.metrics.limitClose('handshake-timeout');
      done(socket);
      socket.destroy();
    }, options.timeoutMs);
    timer.unref();
    waiting.set(socket, { address: capped ? address : null, timer });
    socket.once('close', () => done(socket));
  });
  // Over HTTPS (tls.ts) a request's socket is the TLS socket around the TCP socket 'connection' saw.
  const tcp = (socket: Socket) => (socket as Socket & { _parent?: Socket | null })._parent ?? socket;
  server.on('request', (request: { socket: Socket }) => done(tcp(request.socket)));
  server.on('upgrade', (request: { socket: Socket }) => done(tcp(request.socket)));
}
