import { describe, expect, it } from 'vitest';
import { decodeLinkMessage, encodeLinkMessage, type LinkMessage } from '../../server/cluster/link-protocol.js';
import { linkHeaders, verifyLinkHeaders } from '../../server/cluster/link.js';

const SECRET = 'cluster-secret-0123456789-abcdefghijkl';

describe('the relay-to-relay link', () => {
  it('reads back every message it writes', () => {
    const messages: LinkMessage[] = [
      { type: 'open', conn: 1, board: 'b0ard', role: 'member', address: '10.0.0.7' },
      { type: 'frame', conn: 300, frame: new Uint8Array([0, 1, 2]) },
      { type: 'close', conn: 2, code: 1012, reason: 'moved' },
      { type: 'send', conn: 2, frame: new Uint8Array([9]) },
      { type: 'broadcast', board: 'b0ard', except: 0, frame: new Uint8Array([7, 7]) },
      { type: 'leave', conn: 70_000 },
    ];
    for (const message of messages) expect(decodeLinkMessage(encodeLinkMessage(message))).toEqual(message);
  });

  it('refuses unknown types and trailing bytes', () => {
    expect(() => decodeLinkMessage(new Uint8Array([42]))).toThrow(/unknown link message type 42/);
    const leave = encodeLinkMessage({ type: 'leave', conn: 1 });
    expect(() => decodeLinkMessage(new Uint8Array([...leave, 0]))).toThrow(/trailing bytes/);
  });

  it('accepts a handshake signed with the secret once, and no replay of it', () => {
    const headers = linkHeaders(SECRET, 'relay-a');
    expect(verifyLinkHeaders(SECRET, headers)).toBe('relay-a');
    expect(verifyLinkHeaders(SECRET, headers)).toBeNull();
    expect(verifyLinkHeaders('another secret that is just as long as it', linkHeaders(SECRET, 'relay-b'))).toBeNull();
    expect(verifyLinkHeaders(SECRET, linkHeaders(SECRET, 'relay-c', Date.now() - 5 * 60_000))).toBeNull();
    expect(verifyLinkHeaders(SECRET, { ...linkHeaders(SECRET, 'relay-d'), 'x-relay-id': 'relay-e' })).toBeNull();
  });
});
