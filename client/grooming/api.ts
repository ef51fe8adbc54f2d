/**
 * The relay's poker endpoints (docs/poker.md). Opening a round returns a
 * secret that only this facilitator holds; it is kept in localStorage so a
 * reload can still reveal the round.
 */
import type { RoundTarget } from '../../shared/index.js';
import { roleOf, tokenQuery } from '../session/access.js';

const SECRET = 'refinement-board.round-secret:';

/** Opens a round on the relay: for the item's estimate, or for one of its value inputs. */
export async function openRoundOnRelay(boardId: string, token: string | null, itemId: string, target: RoundTarget = 'estimate'): Promise<string> {
  const response = await fetch(`/api/boards/${boardId}/rounds${tokenQuery(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ itemId, target }),
  });
  const body = (await response.json()) as { roundId?: string; secret?: string; error?: string };
  if (!response.ok || !body.roundId || !body.secret) throw new Error(body.error ?? `the relay answered ${response.status}`);
  localStorage.setItem(SECRET + body.roundId, body.secret);
  return body.roundId;
}

/** With invites, any facilitator may reveal; without, only the tab that opened the round (it holds the secret). */
export function canReveal(roundId: string, token: string | null): boolean {
  return token !== null ? roleOf(token) === 'facilitator' : localStorage.getItem(SECRET + roundId) !== null;
}

export async function revealOnRelay(boardId: string, token: string | null, roundId: string): Promise<void> {
  const secret = localStorage.getItem(SECRET + roundId);
  if (secret === null && token === null) throw new Error('only the facilitator who started this round can reveal it');
  const response = await fetch(`/api/boards/${boardId}/rounds/${roundId}/reveal${tokenQuery(token)}`, {
    method: 'POST',
    headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
  });
  if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? `the relay answered ${response.status}`);
}

/** My own card in a round: the document holds it sealed, so this tab remembers what it played. */
const MY_CARD = 'refinement-board.my-card:';
export const rememberMyCard = (roundId: string, card: string) => localStorage.setItem(MY_CARD + roundId, card);
export const myCard = (roundId: string) => localStorage.getItem(MY_CARD + roundId);
