/**
 * Whose connection is this: the address the per-address limits count.
 *
 * Behind a reverse proxy every socket comes from the proxy, so the client's
 * own address is the last entry of `X-Forwarded-For` (the one the proxy
 * added; entries before it are whatever the client sent). By default that
 * header is believed only from a peer on this machine (a proxy on the same
 * host, the common deployment): a remote client cannot use it to pose as
 * many addresses. `TRUST_PROXY=true` believes it from any peer (a proxy on
 * another host), `false` never.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { isLoopback } from './loopback.js';

export type TrustProxy = boolean | 'loopback';

/** Whether a connection from `peer` is a proxy whose X-Forwarded-For is believed. */
export function trustsForwarded(peer: string | undefined, trustProxy: TrustProxy): boolean {
  return trustProxy === true || (trustProxy === 'loopback' && isLoopback(peer));
}

export function clientAddress(request: IncomingMessage, trustProxy: TrustProxy): string {
  const peer = request.socket.remoteAddress;
  const trusted = trustsForwarded(peer, trustProxy);
  const forwarded = trusted ? request.headers['x-forwarded-for'] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(',').at(-1)?.trim();
  return last !== undefined && isIP(last) !== 0 ? last : (peer ?? 'unknown');
}
