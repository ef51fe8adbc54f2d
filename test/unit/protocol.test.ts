import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  CloseCode,
  ProtocolError,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseClientMessage,
} from '../../server/protocol.js';

function codeOf(frame: Uint8Array): number {
  try {
    parseClientMessage(frame);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as ProtocolError).code;
  }
  throw new Error('the frame was accepted');
}

describe('the wire format', () => {
  const doc = new Y.Doc();
  doc.getMap('items').set('x', 1);
  const update = Y.encodeStateAsUpdate(doc);

  it('reads back what it writes', () => {
    expect(parseClientMessage(encodeSyncStep1(Y.encodeStateVector(doc)))).toEqual({
      kind: 'sync-step-1',
      stateVector: Y.encodeStateVector(doc),
    });
    expect(parseClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update });
    expect(parseClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(parseClientMessage(encodeAwareness(new Uint8Array([0])))).toEqual({ kind: 'awareness', update: new Uint8Array([0]) });
    expect(parseClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('rejects every truncation of a valid message as malformed', () => {
    const frame = encodeUpdate(update);
    for (let length = 0; length < frame.length; length++) {
      expect(codeOf(frame.subarray(0, length))).toBe(CloseCode.malformed);
    }
  });

  it('rejects trailing bytes: one message per frame', () => {
    const frame = encodeUpdate(update);
    const doubled = new Uint8Array([...frame, ...frame]);
    expect(codeOf(doubled)).toBe(CloseCode.malformed);
  });

  it('refuses message types a client may not send', () => {
    const auth = encoding.createEncoder();
    encoding.writeVarUint(auth, 2);
    encoding.writeVarUint(auth, 0);
    expect(codeOf(encoding.toUint8Array(auth))).toBe(CloseCode.policy);
    expect(codeOf(new Uint8Array([127]))).toBe(CloseCode.policy);
  });
});
