/**
 * What a connection's role lets it write (AUTH_SECRET only; without it
 * everyone is trusted as a facilitator, as before invites existed).
 *
 *   observer      no document changes at all
 *   member        everything except running the meeting: it may not start or
 *                 replace the grooming session (`grooming.session`), hand over
 *                 or take the facilitator role (`session.facilitator`), or
 *                 delete either
 *   facilitator   everything
 *
 * Revealing a poker round is the relay's own write, behind the API's role
 * check (poker.ts). An update that breaks the rule is dropped whole: it
 * reaches no other client and no storage. Honest clients never send one (the
 * UI offers these actions to facilitators only), so nothing legitimate is lost.
 *
 * Yjs leaves out an item's parent and key when it can be inferred from its
 * neighbour (the entry it overwrites, for a map key), so the key is looked up
 * through that neighbour: in the update itself or in the board.
 */
import * as Y from 'yjs';
import type { AccessRole } from './access.js';

/** Map keys that only a facilitator may write or delete. */
const FACILITATOR_KEYS = new Set(['session', 'facilitator']);

export type PolicyVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: PolicyVerdict = { allowed: true };

/** `update` is the sender's update as `Y.decodeUpdate` returns it (the relay decodes each update once). */
export function checkUpdate(doc: Y.Doc, role: AccessRole, update: ReturnType<typeof Y.decodeUpdate>): PolicyVerdict {
  if (role === 'facilitator') return ALLOWED;
  if (role === 'observer') return { allowed: false, reason: 'observers cannot change the board' };
  const { structs, ds } = update;
  const incoming = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = incoming.get(struct.id.client) ?? [];
    list.push(struct);
    incoming.set(struct.id.client, list);
  }
  const keyOf = (item: Y.Item, depth = 0): string | null => {
    if (item.parent !== null && !(item.parent instanceof Y.ID)) {
      // Integrated in the board: parent is a type, the key is set.
      return item.parentSub;
    }
    if (item.parent !== null || item.parentSub !== null) return item.parentSub;
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null || depth > 64) return null;
    const found = findItem(doc, incoming, neighbour);
    return found === null ? null : keyOf(found, depth + 1);
  };
  for (const list of incoming.values()) {
    for (const item of list) {
      const key = keyOf(item);
      if (key !== null && FACILITATOR_KEYS.has(key)) return { allowed: false, reason: `only a facilitator may write "${key}"` };
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (const key of FACILITATOR_KEYS) {
        const id = currentEntryId(doc, key);
        if (id !== null && id.client === client && id.clock >= range.clock && id.clock < range.clock + range.len) {
          return { allowed: false, reason: `only a facilitator may delete "${key}"` };
        }
      }
    }
  }
  return ALLOWED;
}

/** The item holding `grooming.session` or `session.facilitator` now. */
function currentEntryId(doc: Y.Doc, key: string): Y.ID | null {
  const grooming = doc.getMap('grooming');
  const session = grooming.get('session');
  if (key === 'session') return session instanceof Y.Map ? (session._item?.id ?? null) : null;
  if (!(session instanceof Y.Map)) return null;
  return session._map.get('facilitator')?.id ?? null;
}

function findItem(doc: Y.Doc, incoming: Map<number, Y.Item[]>, id: Y.ID): Y.Item | null {
  for (const item of incoming.get(id.client) ?? []) {
    if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
  }
  const clientStructs = doc.store.clients.get(id.client);
  if (clientStructs === undefined) return null;
  const last = clientStructs[clientStructs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return null;
  const found = Y.getItem(doc.store, id);
  return found instanceof Y.Item ? found : null;
}
