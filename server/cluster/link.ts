/**
 * One relay-to-relay link: a WebSocket between two relays of a cluster,
 * carrying link-protocol.ts messages both ways. The relay that needs the
 * other dials `<its RELAY_URL>/cluster` and proves it holds CLUSTER_SECRET:
 *
 *   x-relay-id:    the dialing relay's id
 *   x-relay-time:  now, in ms
 *   x-relay-nonce: random, base64url
 *   x-relay-auth:  hex HMAC-SHA256(CLUSTER_SECRET, "<id>\n<time>\n<nonce>")
 *
 * accepted within LINK_CLOCK_SKEW_MS of the receiver's clock, each nonce
 * once (a handshake seen on the wire cannot be replayed). Clients cannot
 * open a link: they do not know the secret. A link that misses its
 * pings is ended, and the clients it carried reconnect.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { decodeLinkMessage, encodeLinkMessage, type LinkMessage } from './link-protocol.js';

const LINK_CLOCK_SKEW_MS = 60_000;
/** A link silent for two of these is ended. */
export const LINK_PING_MS = 1000;
/** Past this much unsent, the other relay is not reading: the link is ended rather than hold more. */
const MAX_LINK_BUFFER_BYTES = 64 * 1024 * 1024;

const mac = (secret: string, id: string, time: string, nonce: string) => createHmac('sha256', secret).update(`${id}\n${time}\n${nonce}`).digest('hex');

export function linkHeaders(secret: string, relayId: string, now = Date.now(), nonce = randomBytes(16).toString('base64url')): Record<string, string> {
  const time = String(now);
  return { 'x-relay-id': relayId, 'x-relay-time': time, 'x-relay-nonce': nonce, 'x-relay-auth': mac(secret, relayId, time, nonce) };
}

/** Nonces accepted within the skew window, with when each may be forgotten. */
const seenNonces = new Map<string, number>();

/** The dialing relay's id if its headers prove it holds the secret, once; null otherwise. */
export function verifyLinkHeaders(secret: string, headers: IncomingHttpHeaders, now = Date.now()): string | null {
  const [id, time, nonce, auth] = [headers['x-relay-id'], headers['x-relay-time'], headers['x-relay-nonce'], headers['x-relay-auth']];
  if (typeof id !== 'string' || typeof time !== 'string' || typeof nonce !== 'string' || typeof auth !== 'string' || id === '' || nonce.length > 64) return null;
  if (!/^\d+$/.test(time) || Math.abs(now - Number(time)) > LINK_CLOCK_SKEW_MS) return null;
  const expected = Buffer.from(mac(secret, id, time, nonce));
  const given = Buffer.from(auth);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  for (const [seen, until] of seenNonces) if (until < now) seenNonces.delete(seen);
  if (seenNonces.has(nonce)) return null;
  seenNonces.set(nonce, now + 2 * LINK_CLOCK_SKEW_MS);
  return id;
}

export class Link {
  private alive = true;
  private open = true;
  private nextConn = 1;
  private readonly pinger: NodeJS.Timeout;

  constructor(
    /** The relay at the other end. */
    readonly relayId: string,
    private readonly socket: WebSocket,
    onMessage: (message: LinkMessage, link: Link) => void,
    private readonly onClose: (link: Link) => void,
    onBadMessage: (error: Error) => void,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => {
      this.alive = true;
      let message: LinkMessage;
      try {
        message = decodeLinkMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        onBadMessage(error as Error);
        return this.close();
      }
      onMessage(message, this);
    });
    socket.on('pong', () => (this.alive = true));
    socket.on('close', () => this.ended());
    socket.on('error', () => this.ended());
    this.pinger = setInterval(() => {
      if (!this.alive) return this.close();
      this.alive = false;
      socket.ping();
    }, LINK_PING_MS);
    this.pinger.unref();
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** A number for a client this side forwards over the link. */
  newConn(): number {
    return this.nextConn++;
  }

  send(message: LinkMessage): void {
    if (!this.open || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_LINK_BUFFER_BYTES) return this.close();
    this.socket.send(encodeLinkMessage(message));
  }

  close(): void {
    this.socket.terminate();
    this.ended();
  }

  private ended(): void {
    if (!this.open) return;
    this.open = false;
    clearInterval(this.pinger);
    this.onClose(this);
  }
}
