/**
 * Whether this relay opens boards by invite only (it runs with AUTH_SECRET,
 * docs/security.md): then the home page cannot create a board, since the
 * relay would refuse it without an invite.
 *
 * The relay's `/health` answers JSON; if it carries `invites: boolean`, that
 * is the answer. Relays that do not say so are asked the cheapest way: the
 * access check of a fresh board id, which a relay with invites answers 401
 * without a token. Anything unclear (offline, an error) counts as "no
 * invites needed": the board page tells the person if the relay refuses.
 */
import { newBoardId } from '../../shared/index.js';

export async function relayRequiresInvites(): Promise<boolean> {
  try {
    const health = (await (await fetch('/health', { cache: 'no-store' })).json()) as { invites?: unknown };
    if (typeof health.invites === 'boolean') return health.invites;
    const probe = await fetch(`/api/boards/${newBoardId()}/access`, { cache: 'no-store' });
    return probe.status === 401;
  } catch {
    return false;
  }
}
