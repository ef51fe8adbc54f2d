/**
 * The places of a board document that only a facilitator (or the relay) may
 * write: the meeting's running state and the poker rounds. The relay's role
 * policy (server/update-policy.ts) refuses members' updates that write or
 * delete one; this module is the one list of them.
 *
 * A place is a path of map keys from a top-level type to the entry written:
 *
 *   grooming.session                        start or replace the session
 *   grooming.rounds                         replace every round
 *   grooming.session.facilitator            take or hand over the role
 *   grooming.session.currentRound           open a round
 *   grooming.rounds.<round>                 create, replace or delete a round
 *   grooming.rounds.<round>.<field>         a round's deck, keys, reveal, acceptance
 *
 * Everything deeper (a vote inside a round's `votes`, say) is open to
 * members. Paths are compared by name, not by the objects a document happens
 * to hold, so the answer is the same however the document was loaded.
 */
const GROOMING_ROOT = 'grooming';
const SESSION_KEY = 'session';
const ROUNDS_KEY = 'rounds';
const FACILITATOR_KEY = 'facilitator';
const CURRENT_ROUND_KEY = 'currentRound';

/** No protected path is longer; a caller may stop walking up a document after this many keys. */
export const MAX_PROTECTED_PATH = 4;

/**
 * Which protected entry `path` (top-level type name first, then map keys,
 * ending with the key written) is, described for an error message; null for
 * an unprotected place.
 */
export function facilitatorOnlyPlace(path: readonly string[]): string | null {
  if (path[0] !== GROOMING_ROOT || path.length < 2 || path.length > MAX_PROTECTED_PATH) return null;
  const [, top, second] = path;
  if (path.length === 2) return top === SESSION_KEY || top === ROUNDS_KEY ? `"${top}"` : null;
  if (top === SESSION_KEY) return path.length === 3 && (second === FACILITATOR_KEY || second === CURRENT_ROUND_KEY) ? `"${second}"` : null;
  if (top !== ROUNDS_KEY) return null;
  return path.length === 3 ? 'a poker round' : `a poker round's "${path[3]}"`;
}
