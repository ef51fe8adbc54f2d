/**
 * The y-websocket wire format, as the stock `WebsocketProvider` speaks it.
 *
 * Every WebSocket frame is binary and holds exactly one message. Integers are
 * lib0 variable-length unsigned ints (varUint); byte strings are a varUint
 * length followed by the bytes (varUint8Array).
 *
 *   message        = varUint(messageType) payload
 *   messageType 0  sync:
 *       varUint(0) varUint8Array(stateVector)   sync step 1: "here is what I have"
 *       varUint(1) varUint8Array(update)        sync step 2: "here is what you lack"
 *       varUint(2) varUint8Array(update)        an incremental document update
 *   messageType 1  awareness: varUint8Array(awarenessUpdate)
 *                  (y-protocols/awareness: per client id a clock and a JSON state)
 *   messageType 2  auth: varUint(0) varString(reason) = permission denied
 *                  (only ever sent by a server; a client sending it is an error)
 *   messageType 3  query awareness: no payload; answered with every known
 *                  awareness state
 *
 * A session: on open each side sends sync step 1; each answers the other's
 * with sync step 2; from then on both send updates. The client is "synced"
 * once it has the server's step 2, so the relay sends nothing before the
 * board has finished loading from storage, and answers a returning client
 * only after committing that client's own step 2 (connection.ts).
 *
 * Parsing is strict: a truncated message, a message with trailing bytes or an
 * unknown type is an error, and the relay closes that socket.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { LimitName } from './metrics.js';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** WebSocket close codes the relay uses, with the reason it gives. */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect later. */
  restart: 1012,
  /** The relay cannot keep this connection now: its client stopped reading, or the relay is at its board limit. Reconnect. */
  tryAgainLater: 1013,
  /** The message could not be parsed, or Yjs rejected its content. */
  malformed: 1007,
  /** A text frame, a message type a client may not send, or a rate limit passed (the reason says which). */
  policy: 1008,
  /** The frame is larger than MAX_MESSAGE_BYTES. */
  tooBig: 1009,
  /** Storage failed; the client should reconnect and resend. */
  internal: 1011,
} as const;

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** The limit passed, when that is why (counted in /metrics). */
    readonly limit?: LimitName,
  ) {
    super(message);
  }
}

function malformed(message: string): never {
  throw new ProtocolError(CloseCode.malformed, message);
}

function readUint(decoder: decoding.Decoder, what: string): number {
  if (!decoding.hasContent(decoder)) malformed(`truncated message: missing ${what}`);
  try {
    return decoding.readVarUint(decoder);
  } catch {
    return malformed(`truncated message: bad ${what}`);
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = readUint(decoder, `${what} length`);
  if (length > decoder.arr.length - decoder.pos) malformed(`truncated message: ${what} is cut short`);
  return decoding.readUint8Array(decoder, length);
}

/** Parses one client frame. Throws ProtocolError with the close code to use. */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = readUint(decoder, 'message type');
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const step = readUint(decoder, 'sync step');
      if (step === SYNC_STEP_1) message = { kind: 'sync-step-1', stateVector: readBytes(decoder, 'state vector') };
      else if (step === SYNC_STEP_2) message = { kind: 'sync-step-2', update: readBytes(decoder, 'update') };
      else if (step === SYNC_UPDATE) message = { kind: 'update', update: readBytes(decoder, 'update') };
      else return malformed(`unknown sync step ${step}`);
      break;
    }
    case MESSAGE_AWARENESS:
      message = { kind: 'awareness', update: readBytes(decoder, 'awareness update') };
      break;
    case MESSAGE_QUERY_AWARENESS:
      message = { kind: 'query-awareness' };
      break;
    default:
      throw new ProtocolError(CloseCode.policy, `message type ${type} is not accepted from clients`);
  }
  if (decoding.hasContent(decoder)) malformed('trailing bytes after the message: one message per frame');
  return message;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => syncMessage(SYNC_STEP_1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => syncMessage(SYNC_STEP_2, update);
export const encodeUpdate = (update: Uint8Array): Uint8Array => syncMessage(SYNC_UPDATE, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}

/**
 * Keeps the entries of an awareness update whose client id `keep` accepts
 * (y-protocols/awareness: varUint(count), then per entry varUint(clientId)
 * varUint(clock) varString(JSON state)). Returns the update itself when every
 * entry is kept, a smaller update when some are, null when none are.
 */
export function filterAwareness(update: Uint8Array, keep: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
    }
  } catch {
    return malformed('awareness update is cut short');
  }
  const kept = entries.filter((entry) => keep(entry.clientId));
  if (kept.length === entries.length) return update;
  if (kept.length === 0) return null;
  return frame((e) => {
    encoding.writeVarUint(e, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.state);
    }
  });
}
