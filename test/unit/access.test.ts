/**
 * Invite roles have one definition (shared/access.ts) for the relay and the
 * app, and names of their own: a read-only invite is a *viewer*; an
 * *observer* is a session participant who does not vote. The app reads its
 * role from its token with the same code the relay uses after checking the
 * signature. Tokens made before the rename ("observer") still work, as
 * viewers.
 */
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import * as Y from 'yjs';
import { ACCESS_ROLES, readInvite, toAccessRole } from '../../shared/access.js';
import { joinSession, readSession, startSession } from '../../shared/index.js';
import { signInvite, verifyInvite } from '../../server/access.js';
import { roleOf } from '../../client/session/access.js';

const SECRET = 'unit-secret-0123456789-abcdefghijklmnop';
const HOUR = Date.now() + 3_600_000;

/** A token as the relay signed them before the rename. */
function legacyToken(board: string, role: string): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, b: board, r: role, exp: Math.floor(HOUR / 1000) })).toString('base64url');
  return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
}

describe('invite roles', () => {
  it('are facilitator, member, viewer and requester, none of them a session role', () => {
    expect(ACCESS_ROLES).toEqual(['facilitator', 'member', 'viewer', 'requester']);
    const doc = new Y.Doc();
    startSession(doc, { facilitator: { id: 'fay', name: 'Fay' }, agenda: [], now: 0 });
    joinSession(doc, { id: 'oli', name: 'Oli' }, 'observer');
    const sessionRoles = new Set(readSession(doc)!.participants.map((p) => p.role as string));
    for (const role of ACCESS_ROLES) expect(sessionRoles.has(role)).toBe(false);
  });

  it('read in the app as the relay signed and checks them', () => {
    for (const role of ACCESS_ROLES) {
      const token = signInvite(SECRET, { board: 'b1', role, expiresAt: HOUR });
      const checked = verifyInvite(SECRET, token, 'b1');
      expect(readInvite(token)).toEqual(checked);
      expect(checked.role).toBe(role);
      expect(roleOf(token)).toBe(role);
    }
    // No token: a relay without invites trusts everyone; a token the app cannot read gets the least.
    expect(roleOf(null)).toBe('facilitator');
    expect(roleOf('not-a-token')).toBe('viewer');
    expect(readInvite('eyJ2IjoxfQ.x')).toBeNull();
  });

  it('accept an observer token made before the rename as a viewer', () => {
    const token = legacyToken('b2', 'observer');
    expect(verifyInvite(SECRET, token, 'b2').role).toBe('viewer');
    expect(readInvite(token)?.role).toBe('viewer');
    expect(roleOf(token)).toBe('viewer');
    expect(toAccessRole('observer')).toBe('viewer');
    expect(toAccessRole('voter')).toBeNull();
    expect(() => verifyInvite(SECRET, legacyToken('b2', 'voter'), 'b2')).toThrow(/malformed/);
  });
});
