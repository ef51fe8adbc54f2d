/**
 * Invites (docs/security.md): when the relay requires them, a board's link
 * carries `?invite=<token>`. The token is kept per board in localStorage and
 * taken out of the address bar, so that copying the address never hands my
 * role to someone else; the Invite dialog makes links for others.
 *
 * The token's payload is readable (only the relay can sign one), so my role
 * is known without asking the relay, offline too: shared/access.ts reads it,
 * as the relay does once it has checked the signature. Without a token the
 * relay either needs none (everyone may do everything) or will refuse the
 * socket; `checkAccess` tells which.
 */
import { readInvite, type AccessRole } from '../../shared/access.js';

export type { AccessRole } from '../../shared/access.js';

const INVITE = 'refinement-board.invite:';

/** This board's invite: from the address bar (then stored and removed from it), or stored earlier. */
export function takeInvite(boardId: string): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('invite');
  if (fromLink) {
    localStorage.setItem(INVITE + boardId, fromLink);
    url.searchParams.delete('invite');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return localStorage.getItem(INVITE + boardId);
}

/** The role a token grants; a relay without invites trusts everyone fully, and a token that cannot be read gets the least. */
export function roleOf(token: string | null): AccessRole {
  if (token === null) return 'facilitator';
  return readInvite(token)?.role ?? 'viewer';
}

/** `?token=` for the relay's API, or nothing. */
export const tokenQuery = (token: string | null): string => (token === null ? '' : `?token=${encodeURIComponent(token)}`);

export type AccessCheck = { ok: true; auth: boolean } | { ok: false; reason: string };

/** Asks the relay whether this tab may open the board; offline counts as yes (the socket will tell later). */
export async function checkAccess(boardId: string, token: string | null): Promise<AccessCheck> {
  try {
    const response = await fetch(`/api/boards/${boardId}/access${tokenQuery(token)}`, { cache: 'no-store' });
    const body = (await response.json()) as { auth?: boolean; error?: string };
    if (response.ok) return { ok: true, auth: body.auth === true };
    if (response.status === 401 || response.status === 403) return { ok: false, reason: body.error ?? 'this board needs an invite' };
    return { ok: true, auth: false };
  } catch {
    return { ok: true, auth: false };
  }
}

/** Makes an invite link for `role`, valid for `days` (a facilitator's token only). */
export async function createInvite(boardId: string, token: string | null, role: AccessRole, days: number): Promise<string> {
  const response = await fetch(`/api/boards/${boardId}/invites${tokenQuery(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, days }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `the relay answered ${response.status}`);
  // A requester's link opens the request form, the only page that role has.
  return `${window.location.origin}/b/${boardId}${role === 'requester' ? '/request' : ''}?invite=${body.token}`;
}
