/**
 * What a connection's role lets it write (AUTH_SECRET only; without it
 * everyone is trusted as a facilitator, as before invites existed).
 *
 *   observer      no document changes at all
 *   member        everything except running the meeting and the poker rounds'
 *                 secrets: it may not write or delete the map keys in
 *                 PROTECTED_KEYS (the session, the facilitator, the current
 *                 round, a round's keys and reveal), nor delete a round
 *   facilitator   everything
 *
 * Opening and revealing rounds are the relay's own writes, behind the API's
 * role check (poker.ts). An update that breaks the rule is dropped whole: it
 * reaches no other client and no storage. Honest clients never send one (the
 * UI offers these actions to facilitators only), so nothing legitimate is lost.
 *
 * A member's update must also apply completely now: every item it refers to
 * (origin, right origin, parent) and every range it deletes must already be
 * in the board or in the update itself. Otherwise Yjs would hold it as
 * pending and apply it later, when one of the facilitator's own writes
 * arrives, without this check ever seeing the result. An honest client only
 * refers to what it received from the relay or wrote itself.
 *
 * Yjs leaves out an item's parent and key when its neighbour implies them
 * (the entry it overwrites, for a map key), so the key is looked up through
 * that neighbour: in the board for what the board already holds (the board
 * is the authority: an update cannot redefine an existing id), otherwise in
 * the update. Lookups are by binary search and memoized, so checking costs
 * about as much as applying.
 */
import * as Y from 'yjs';
import type { AccessRole } from './access.js';

/** Map keys that only a facilitator (or the relay) may write or delete. */
const PROTECTED_KEYS = new Set([
  'session', // grooming.session: starting or replacing a session
  'facilitator', // session.facilitator
  'currentRound', // session.currentRound: which round voters seal their votes for
  'rounds', // grooming.rounds
  'publicKey', // a round's key, which votes are sealed to
  'privateKey', // a round's reveal
  'revealedVotes',
  'revealedAt',
  'accepted',
  'acceptedAt',
]);

/** How many neighbours a key lookup may follow (a map entry's chain of overwrites). */
const MAX_NEIGHBOUR_DEPTH = 10_000;
/** A key lookup that gave up at the depth limit; such an update is refused. */
const UNRESOLVED = '\u0000unresolved';

export type PolicyVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: PolicyVerdict = { allowed: true };
const deny = (reason: string): PolicyVerdict => ({ allowed: false, reason });

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** `update` is the sender's update as `Y.decodeUpdate` returns it (the relay decodes each update once). */
export function checkUpdate(doc: Y.Doc, role: AccessRole, update: DecodedUpdate): PolicyVerdict {
  if (role === 'facilitator') return ALLOWED;
  if (role === 'observer') return deny('observers cannot change the board');
  const state = (client: number) => Y.getState(doc.store, client);

  // What the update adds, per client: structs from the board's state on, with no gap.
  const incoming = new Map<number, Y.Item[]>();
  const ends = new Map<number, number>();
  for (const struct of update.structs) {
    const client = struct.id.client;
    const expected = ends.get(client) ?? state(client);
    if (struct.id.clock + struct.length <= expected) continue; // the board (or the update) has it already
    if (struct.id.clock > expected || struct instanceof Y.Skip) return deny('the update has gaps (it builds on edits the relay does not have)');
    ends.set(client, struct.id.clock + struct.length);
    if (!(struct instanceof Y.Item)) continue; // deleted content, collected
    const list = incoming.get(client) ?? [];
    list.push(struct);
    incoming.set(client, list);
  }
  const end = (client: number) => ends.get(client) ?? state(client);
  const exists = (id: Y.ID) => id.clock < end(id.client);

  const inUpdate = (id: Y.ID): Y.Item | null => {
    const list = incoming.get(id.client);
    if (list === undefined) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle]!;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return null;
  };

  // The key of each item: a string, null for array and text elements, UNRESOLVED past the depth limit.
  const keys = new Map<Y.Item, string | null>();
  const keyOf = (start: Y.Item): string | null => {
    const chain: Y.Item[] = [];
    let item: Y.Item | null = start;
    let key: string | null = UNRESOLVED;
    for (let depth = 0; ; depth++) {
      if (item === null) {
        key = null; // a neighbour whose content was collected: its parent is gone
        break;
      }
      if (depth === MAX_NEIGHBOUR_DEPTH) break;
      const known = keys.get(item);
      if (known !== undefined) {
        key = known;
        break;
      }
      chain.push(item);
      if (item.parentSub !== null || (item.parent !== null && !(item.parent instanceof Y.ID) && typeof item.parent !== 'string')) {
        // Integrated in the board (parent is a type), or its key was written out.
        key = item.parentSub;
        break;
      }
      const neighbour: Y.ID | null = item.origin ?? item.rightOrigin;
      if (item.parent !== null || neighbour === null) {
        key = null; // a parent written out with no key: an array or text element
        break;
      }
      item = neighbour.clock < state(neighbour.client) ? boardItem(doc, neighbour) : inUpdate(neighbour);
    }
    for (const seen of chain) keys.set(seen, key);
    return key;
  };

  for (const list of incoming.values()) {
    for (const item of list) {
      for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
        if (ref !== null && !exists(ref)) return deny('the update refers to edits the relay does not have');
      }
      const key = keyOf(item);
      if (key === UNRESOLVED) return deny('the update chains more than 10,000 overwrites of one entry');
      if (key !== null && PROTECTED_KEYS.has(key)) return deny(`only a facilitator may write "${key}"`);
    }
  }

  const rounds = doc.getMap('grooming').get('rounds');
  for (const [client, ranges] of update.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > end(client)) return deny('the update deletes edits the relay does not have');
      // What the board holds in the range (what the update adds itself is checked above).
      const structs = doc.store.clients.get(client);
      if (structs === undefined || range.clock >= state(client)) continue;
      for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= range.clock + range.len) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        if (struct.parentSub !== null && PROTECTED_KEYS.has(struct.parentSub)) return deny(`only a facilitator may delete "${struct.parentSub}"`);
        if (rounds instanceof Y.Map && struct.parent === rounds) return deny('only a facilitator may delete a poker round');
      }
    }
  }
  return ALLOWED;
}

function boardItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const found = Y.getItem(doc.store, id);
  return found instanceof Y.Item ? found : null;
}
