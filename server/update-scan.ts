/**
 * A first look at a client's update, before Yjs decodes it: decoding builds
 * an object for every struct (and a whole Y.Doc for every sub-document), so
 * what would be too costly is refused from the bytes alone, in one pass
 * that allocates nothing per struct.
 *
 * The update format (Yjs v1, the only one the y-websocket protocol carries):
 *
 *   update    = varUint(#clients) { varUint(#structs) varUint(client) varUint(clock) struct* } deleteSet
 *   struct    = uint8(info) body
 *     info & 0x1f = 0   GC:    varUint(length)
 *     info & 0x1f = 10  Skip:  varUint(length)
 *     otherwise         Item:  [origin id if info & 0x80] [right origin id if info & 0x40]
 *                              [parent if neither: varUint(1) varString(root name) | varUint(0) id]
 *                              [varString(key) if neither and info & 0x20]
 *                              content, by info & 0x1f:
 *       1 deleted   varUint(length)         5 embed    varString(JSON)
 *       2 JSON      varUint(n) varString*n  6 format   varString(key) varString(JSON)
 *       3 binary    varUint8Array           7 type     varUint(type ref) [varString(name) for XML elements and hooks]
 *       4 string    varString               8 any      varUint(n) any*n (lib0's encoding, below)
 *                                           9 sub-document: refused
 *   id        = varUint(client) varUint(clock)
 *   deleteSet = varUint(#clients) { varUint(client) varUint(#ranges) { varUint(clock) varUint(length) } }
 *   any       = uint8(tag): 127 undefined, 126 null, 125 varInt, 124 float32, 123 float64, 122 bigint64,
 *               121 false, 120 true, 119 varString, 118 object: varUint(n) {varString(key) any}*n,
 *               117 array: varUint(n) any*n, 116 varUint8Array
 *
 * A Yjs v2 update read this way leaves bytes over (or fails earlier): it is
 * refused as malformed rather than applied as an empty update.
 */
import * as decoding from 'lib0/decoding';
import { MAX_VALUE_DEPTH } from '../shared/document-limits.js';
import { CloseCode, ProtocolError } from './protocol.js';

export interface ScanLimits {
  /** Structs, values inside them and deleted ranges, counted together. */
  maxEntries: number;
}

export interface ScanResult {
  /** What the update holds, counted as in `maxEntries`. */
  entries: number;
}

const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_XML_TEXT = 6;
const CONTENT_DOC = 9;

export function scanUpdate(update: Uint8Array, limits: ScanLimits): ScanResult {
  const decoder = decoding.createDecoder(update);
  let entries = 0;
  const count = (n: number) => {
    entries += n;
    if (entries > limits.maxEntries) {
      throw new ProtocolError(CloseCode.tooBig, `the update holds more than ${limits.maxEntries} entries (MAX_UPDATE_ENTRIES); send it in smaller parts`, 'update-entries');
    }
  };
  try {
    const clients = decoding.readVarUint(decoder);
    for (let c = 0; c < clients; c++) {
      const structs = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // client
      decoding.readVarUint(decoder); // clock
      for (let s = 0; s < structs; s++) {
        count(1);
        readStruct(decoder, count);
      }
    }
    const deleted = decoding.readVarUint(decoder);
    for (let c = 0; c < deleted; c++) {
      decoding.readVarUint(decoder); // client
      const ranges = decoding.readVarUint(decoder);
      count(ranges);
      for (let r = 0; r < ranges; r++) {
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
      }
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(CloseCode.malformed, `not a Yjs update: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError(CloseCode.malformed, 'not a Yjs v1 update: bytes left over (the y-websocket protocol carries v1 updates only)');
  }
  return { entries };
}

function readStruct(decoder: decoding.Decoder, count: (n: number) => void): void {
  const info = decoding.readUint8(decoder);
  const content = info & 0x1f;
  if (content === 0 || content === 10) {
    decoding.readVarUint(decoder);
    return;
  }
  const hasOrigin = (info & 0x80) !== 0;
  const hasRightOrigin = (info & 0x40) !== 0;
  if (hasOrigin) readId(decoder);
  if (hasRightOrigin) readId(decoder);
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(decoder) === 1) skipString(decoder);
    else readId(decoder);
    if ((info & 0x20) !== 0) skipString(decoder);
  }
  switch (content) {
    case 1:
      decoding.readVarUint(decoder);
      return;
    case 2: {
      const n = decoding.readVarUint(decoder);
      count(n);
      for (let i = 0; i < n; i++) {
        const json = decoding.readVarString(decoder);
        if (json !== 'undefined') readJson(json);
      }
      return;
    }
    case 3:
    case 4:
      skipString(decoder);
      return;
    case 5:
      readJson(decoding.readVarString(decoder));
      return;
    case 6:
      skipString(decoder);
      readJson(decoding.readVarString(decoder));
      return;
    case 7: {
      const ref = decoding.readVarUint(decoder);
      if (ref > TYPE_XML_TEXT) throw new Error(`unknown shared type ${ref}`);
      if (ref === TYPE_XML_ELEMENT || ref === TYPE_XML_HOOK) skipString(decoder);
      return;
    }
    case 8: {
      const n = decoding.readVarUint(decoder);
      count(n);
      for (let i = 0; i < n; i++) skipAny(decoder, count);
      return;
    }
    case CONTENT_DOC:
      throw new ProtocolError(CloseCode.policy, 'sub-documents are not part of a board');
    default:
      throw new Error(`unknown content type ${content}`);
  }
}

/** JSON that Yjs parses as it decodes (legacy JSON content, embeds, formats): checked the same way, so it cannot fail halfway through an apply. */
function readJson(json: string): void {
  JSON.parse(json);
}

function readId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

/** Skips a varString (a varUint8Array of UTF-8) without decoding or copying it. */
function skipString(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new Error('unexpected end of the update');
  decoder.pos += length;
}

/**
 * Skips one lib0 `any` value without recursion: `pending` counts, per open
 * object or array, how many values it still holds (an object's key is read
 * when its value comes up). One array serves every call (a scan never
 * re-enters), so a plain value costs no allocation.
 */
const pending: { left: number; object: boolean }[] = [];
function skipAny(decoder: decoding.Decoder, count: (n: number) => void): void {
  pending.length = 0; // left over if the last scan threw
  for (;;) {
    const tag = decoding.readUint8(decoder);
    switch (tag) {
      case 127: case 126: case 121: case 120:
        break;
      case 125:
        decoding.readVarInt(decoder);
        break;
      case 124:
        decoding.readFloat32(decoder);
        break;
      case 123:
        decoding.readFloat64(decoder);
        break;
      case 122:
        decoding.readBigInt64(decoder);
        break;
      case 119:
      case 116:
        skipString(decoder);
        break;
      case 118:
      case 117: {
        const n = decoding.readVarUint(decoder);
        count(n);
        if (pending.length + 1 > MAX_VALUE_DEPTH) {
          throw new ProtocolError(CloseCode.policy, `a value nests deeper than ${MAX_VALUE_DEPTH} levels`);
        }
        pending.push({ left: n, object: tag === 118 });
        break;
      }
      default:
        throw new Error(`unknown value tag ${tag}`);
    }
    // Close every container that is complete; stop when the outermost value is.
    for (;;) {
      const top = pending.at(-1);
      if (top === undefined) return;
      if (top.left > 0) break;
      pending.pop();
    }
    const top = pending.at(-1)!;
    top.left--;
    if (top.object) skipString(decoder); // the key of the value that follows
  }
}
