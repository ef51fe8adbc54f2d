/**
 * Invite tokens: signing and checking them. Only used when the relay runs
 * with AUTH_SECRET; without it a board's unguessable id is its key. The
 * roles and the token format are defined in shared/access.ts, which the app
 * uses to read its own role.
 *
 * A token is checked before the WebSocket upgrade and on every API call:
 * missing, malformed, forged or expired -> 401; another board's -> 403.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ACCESS_ROLES, decodeInvitePayload, encodeInvitePayload, isAccessRole, type Invite } from '../shared/access.js';

export { ACCESS_ROLES, isAccessRole, toAccessRole, type AccessRole, type Invite } from '../shared/access.js';

export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

const MAX_TOKEN_LENGTH = 1024;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signInvite(secret: string, invite: Invite): string {
  if (secret.length === 0) throw new Error('signInvite: the secret is empty');
  if (!isAccessRole(invite.role)) throw new Error(`signInvite: role must be one of ${ACCESS_ROLES.join(', ')}; got ${JSON.stringify(invite.role)}`);
  if (!Number.isFinite(invite.expiresAt)) throw new Error('signInvite: expiresAt must be a time in milliseconds');
  const payload = encodeInvitePayload(invite);
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The facilitator's invite a token carries for `board`, or an AccessError (401, or 403 for any other role). */
export function verifyFacilitator(secret: string, token: string | null | undefined, board: string, now = Date.now()): Invite {
  const invite = verifyInvite(secret, token, board, now);
  if (invite.role !== 'facilitator') throw new AccessError(403, 'only a facilitator can do this');
  return invite;
}

/** The invite a token carries for `board`, or an AccessError saying why not. */
export function verifyInvite(secret: string, token: string | null | undefined, board: string, now = Date.now()): Invite {
  if (token === null || token === undefined || token === '') throw new AccessError(401, 'an invite token is required');
  if (token.length > MAX_TOKEN_LENGTH) throw new AccessError(401, 'the invite token is malformed');
  const [payload, signature, extra] = token.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) throw new AccessError(401, 'the invite token is malformed');
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AccessError(401, 'the invite token is not signed by this relay');
  const invite = decodeInvitePayload(payload);
  if (invite === null) throw new AccessError(401, 'the invite token is malformed');
  if (invite.expiresAt <= now) throw new AccessError(401, 'the invite token has expired');
  if (invite.board !== board) throw new AccessError(403, 'the invite token is for another board');
  return invite;
}
