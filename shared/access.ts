/**
 * Invites (docs/security.md): the roles an invite grants and the readable
 * part of an invite token. One definition for the relay, which signs and
 * checks tokens (server/access.ts), and the app, which reads its own role
 * from its token without asking the relay (offline too).
 *
 *   token   = base64url(payload) "." base64url(HMAC-SHA256(AUTH_SECRET, base64url(payload)))
 *   payload = {"v":1,"b":"<board id>","r":"facilitator"|"member"|"viewer"|"requester","exp":<unix seconds>}
 *
 * Anyone holding a token can read its payload; only the relay, which knows
 * the secret, can sign one, so what `readInvite` says is a claim until the
 * relay has checked it.
 *
 * A *requester* (a stakeholder outside the team) may only file new
 * requests into the board's intake inbox (shared/intake/).
 *
 * A *viewer* sees the board and changes nothing. It is not a grooming
 * session's *observer*, a participant who does not vote (session.ts).
 * Tokens signed before that rename say "observer" for a viewer; they are
 * read as viewers.
 */
export const ACCESS_ROLES = ['facilitator', 'member', 'viewer', 'requester'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface Invite {
  board: string;
  role: AccessRole;
  /** Milliseconds since the epoch; the token is refused from then on. */
  expiresAt: number;
}

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}

/** The role a token, an API call or a peer names, reading the old "observer" as viewer; null for anything else. */
export function toAccessRole(value: unknown): AccessRole | null {
  if (value === 'observer') return 'viewer';
  return isAccessRole(value) ? value : null;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The payload part of a token for `invite` (the relay signs it). */
export function encodeInvitePayload(invite: Invite): string {
  return toBase64Url(JSON.stringify({ v: 1, b: invite.board, r: invite.role, exp: Math.floor(invite.expiresAt / 1000) }));
}

/** What a token's payload part says, or null if it is not one. */
export function decodeInvitePayload(payload: string): Invite | null {
  let fields: { v?: unknown; b?: unknown; r?: unknown; exp?: unknown };
  try {
    fields = JSON.parse(fromBase64Url(payload)) as typeof fields;
  } catch {
    return null;
  }
  const role = toAccessRole(fields?.r);
  if (fields?.v !== 1 || typeof fields.b !== 'string' || role === null || typeof fields.exp !== 'number') return null;
  return { board: fields.b, role, expiresAt: fields.exp * 1000 };
}

/** What a whole token claims, unchecked (only the relay can check the signature), or null if it is not a token. */
export function readInvite(token: string): Invite | null {
  const [payload, signature, extra] = token.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  return decodeInvitePayload(payload);
}
