/**
 * Invite tokens: who may open a board, and in which role. Only used when the
 * relay runs with AUTH_SECRET; without it a board's unguessable id is its key.
 *
 *   token   = base64url(payload) "." base64url(HMAC-SHA256(AUTH_SECRET, base64url(payload)))
 *   payload = {"v":1,"b":"<board id>","r":"facilitator"|"member"|"observer","exp":<unix seconds>}
 *
 * The payload is readable by anyone holding the token (the client reads its
 * own role from it); only the relay, which knows the secret, can make one.
 * A token is checked before the WebSocket upgrade and on every API call:
 * missing, malformed, forged or expired -> 401; another board's -> 403.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ACCESS_ROLES = ['facilitator', 'member', 'observer'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface Invite {
  board: string;
  role: AccessRole;
  /** Milliseconds since the epoch; the token is refused from then on. */
  expiresAt: number;
}

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

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}

export function signInvite(secret: string, invite: Invite): string {
  if (secret.length === 0) throw new Error('signInvite: the secret is empty');
  if (!isAccessRole(invite.role)) throw new Error(`signInvite: role must be one of ${ACCESS_ROLES.join(', ')}; got ${JSON.stringify(invite.role)}`);
  if (!Number.isFinite(invite.expiresAt)) throw new Error('signInvite: expiresAt must be a time in milliseconds');
  const payload = Buffer.from(JSON.stringify({ v: 1, b: invite.board, r: invite.role, exp: Math.floor(invite.expiresAt / 1000) })).toString('base64url');
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
  let fields: { v?: unknown; b?: unknown; r?: unknown; exp?: unknown };
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof fields;
  } catch {
    throw new AccessError(401, 'the invite token is malformed');
  }
  if (fields.v !== 1 || typeof fields.b !== 'string' || !isAccessRole(fields.r) || typeof fields.exp !== 'number') {
    throw new AccessError(401, 'the invite token is malformed');
  }
  if (fields.exp * 1000 <= now) throw new AccessError(401, 'the invite token has expired');
  if (fields.b !== board) throw new AccessError(403, 'the invite token is for another board');
  return { board: fields.b, role: fields.r, expiresAt: fields.exp * 1000 };
}
