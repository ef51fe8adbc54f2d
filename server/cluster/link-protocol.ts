/**
 * The relay-to-relay link's messages (docs/scale-out.md). A relay that is
 * not a board's owner forwards its clients of that board over one link to
 * the owner; the owner answers each client, and sends each committed
 * update once per relay, which fans it out. One binary WebSocket message
 * per link message, lib0 encoding:
 *
 *   varuint type, then
 *   OPEN      1  varuint conn, string board, string role, string address   edge -> owner: a client connected
 *   FRAME     2  varuint conn, bytes frame                                 edge -> owner: a message from it
 *   CLOSE     3  varuint conn, varuint code, string reason                 owner -> edge: close that client
 *   SEND      4  varuint conn, bytes frame                                 owner -> edge: a message for it
 *   BROADCAST 5  string board, varuint except (0: none), bytes frame       owner -> edge: for every client
 *                                                                          of the board there but one
 *   LEAVE     6  varuint conn                                              edge -> owner: its socket closed
 *
 * `conn` numbers a client on the edge that opened it (1, 2, …, per link
 * and direction: both relays may forward clients over one link, so every
 * message's direction says whose number it is).
 * Frames are the y-websocket protocol's, as the client sent or receives
 * them.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type LinkMessage =
  | { type: 'open'; conn: number; board: string; role: string; address: string }
  | { type: 'frame'; conn: number; frame: Uint8Array }
  | { type: 'close'; conn: number; code: number; reason: string }
  | { type: 'send'; conn: number; frame: Uint8Array }
  | { type: 'broadcast'; board: string; except: number; frame: Uint8Array }
  | { type: 'leave'; conn: number };

const TYPES = { open: 1, frame: 2, close: 3, send: 4, broadcast: 5, leave: 6 } as const;

export function encodeLinkMessage(message: LinkMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES[message.type]);
  switch (message.type) {
    case 'open':
      encoding.writeVarUint(encoder, message.conn);
      encoding.writeVarString(encoder, message.board);
      encoding.writeVarString(encoder, message.role);
      encoding.writeVarString(encoder, message.address);
      break;
    case 'frame':
    case 'send':
      encoding.writeVarUint(encoder, message.conn);
      encoding.writeVarUint8Array(encoder, message.frame);
      break;
    case 'close':
      encoding.writeVarUint(encoder, message.conn);
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'broadcast':
      encoding.writeVarString(encoder, message.board);
      encoding.writeVarUint(encoder, message.except);
      encoding.writeVarUint8Array(encoder, message.frame);
      break;
    case 'leave':
      encoding.writeVarUint(encoder, message.conn);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on anything that is not a whole link message: only relays holding CLUSTER_SECRET send them. */
export function decodeLinkMessage(bytes: Uint8Array): LinkMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  let message: LinkMessage;
  switch (type) {
    case TYPES.open:
      message = { type: 'open', conn: decoding.readVarUint(decoder), board: decoding.readVarString(decoder), role: decoding.readVarString(decoder), address: decoding.readVarString(decoder) };
      break;
    case TYPES.frame:
      message = { type: 'frame', conn: decoding.readVarUint(decoder), frame: decoding.readVarUint8Array(decoder) };
      break;
    case TYPES.close:
      message = { type: 'close', conn: decoding.readVarUint(decoder), code: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) };
      break;
    case TYPES.send:
      message = { type: 'send', conn: decoding.readVarUint(decoder), frame: decoding.readVarUint8Array(decoder) };
      break;
    case TYPES.broadcast:
      message = { type: 'broadcast', board: decoding.readVarString(decoder), except: decoding.readVarUint(decoder), frame: decoding.readVarUint8Array(decoder) };
      break;
    case TYPES.leave:
      message = { type: 'leave', conn: decoding.readVarUint(decoder) };
      break;
    default:
      throw new Error(`unknown link message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a link message');
  return message;
}
