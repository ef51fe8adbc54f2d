/**
 * What a connection's role lets it write (AUTH_SECRET only; without it
 * everyone is trusted as a facilitator, as before invites existed).
 *
 *   viewer        no document changes at all
 *   member        everything except running the meeting and the poker
 *                 rounds: it may not write or delete the places protectedPlace
 *                 names (grooming.session and .rounds, the running session's
 *                 facilitator and currentRound, any round and its fields)
 *   facilitator   everything
 *   requester     only new requests: a new key of the top-level `requests` map
 *                 holding a new map of the plain fields a request has
 *                 (REQUEST_FIELD_LIMITS, shared/intake/layout.ts), nothing
 *                 nested, no decision; no deletions of anything the board holds
 *
 * Opening and revealing rounds are the relay's own writes, behind the API's
 * role check (poker.ts). An update that breaks the rule is dropped whole: it
 * reaches no other client and no storage. Honest clients never send one (the
 * UI offers these actions to facilitators only), so nothing legitimate is lost.
 *
 * A member's update must also apply completely now: every item it refers to
 * (origin, right origin, parent) and every range it deletes must already be
 * in the board or in the update itself, each client listed once with its
 * clocks in order. Otherwise Yjs would apply something other than what was
 * checked, or hold it as pending and apply it later, when one of the
 * facilitator's own writes arrives, without this check ever seeing the
 * result (the room also discards anything of a member's update left
 * pending). An honest client only refers to what it received from the relay
 * or wrote itself.
 *
 * Yjs leaves out an item's parent and key when its neighbour implies them
 * (the entry it overwrites, for a map key), so the key is looked up through
 * that neighbour: in the board for what the board already holds (the board
 * is the authority: an update cannot redefine an existing id), otherwise in
 * the update. Lookups are by binary search and memoized, so checking costs
 * about as much as applying.
 */
import * as Y from 'yjs';
import { MAX_PROTECTED_PATH, facilitatorOnlyPlace } from '../shared/grooming/protected-places.js';
import { MAX_TYPE_DEPTH } from '../shared/document-limits.js';
import { REQUEST_FIELD_LIMITS, REQUESTS_ROOT } from '../shared/intake/layout.js';
import { clockOf, declaredPlace, depthOf, itemAt, itemsInRange, pathOf, plainValues, rootHasEntry, typeInItem, type AnyType } from '../shared/yjs-internals.js';
import type { AccessRole } from './access.js';

/** How many neighbours a key lookup may follow (a map entry's chain of overwrites). */
const MAX_NEIGHBOUR_DEPTH = 10_000;
/** A lookup that gave up at the depth limit; such an update is refused. */
const UNRESOLVED = Symbol('unresolved');

/**
 * A refused update says why and what kind of breach it is: `role` for what
 * the sender's role may not write (dropped; the sender keeps its socket),
 * `structure` for an update no honest client sends (it refers to edits the
 * relay lacks, lists clients out of order, nests too deep): Yjs would apply
 * something other than what was checked, or hold it and re-read it on every
 * later update. The relay checks members' updates here; facilitators' are
 * not decoded twice (room.ts discards anything left pending, for any role).
 */
export type PolicyVerdict = { allowed: true } | { allowed: false; reason: string; breach: 'role' | 'structure' };

const ALLOWED: PolicyVerdict = { allowed: true };
const deny = (reason: string): PolicyVerdict => ({ allowed: false, reason, breach: 'structure' });
const forbid = (reason: string): PolicyVerdict => ({ allowed: false, reason, breach: 'role' });

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Who a policy check is for: the sender's role and the client ids only facilitators and the relay write under. */
export interface PolicyContext {
  role: AccessRole;
  /** A member may not add structs under these ids (the relay's own, facilitators'): it could block their edits. */
  protectedClients?: ReadonlySet<number>;
}

/** `update` is the sender's update as `Y.decodeUpdate` returns it (the relay decodes each update once). */
export function checkUpdate(doc: Y.Doc, { role, protectedClients }: PolicyContext, update: DecodedUpdate): PolicyVerdict {
  if (role === 'viewer') return forbid('viewers cannot change the board');
  const member = role !== 'facilitator';
  const state = (client: number) => clockOf(doc, client);
  const gaps = deny('the update has gaps (it builds on edits the relay does not have)');

  // Each client's structs must form one run of adjacent clocks: Yjs applies only the last section it
  // reads for a client, so a client listed twice would apply something other than what was checked.
  const incoming = new Map<number, Y.Item[]>();
  const ends = new Map<number, number>();
  const listed = new Set<number>();
  let runClient: number | null = null;
  let runEnd = 0;
  for (const struct of update.structs) {
    const client = struct.id.client;
    if (client !== runClient) {
      if (listed.has(client)) return deny('the update lists a client twice');
      listed.add(client);
      runClient = client;
    } else if (struct.id.clock !== runEnd) return deny('the update lists clocks out of order');
    runEnd = struct.id.clock + struct.length;
    if (struct instanceof Y.Skip) return gaps;
    if (runEnd <= state(client)) continue; // the board has it already
    if (struct.id.clock > (ends.get(client) ?? state(client))) return gaps;
    if (member && protectedClients?.has(client)) return forbid("the update writes under a facilitator's or the relay's client id");
    ends.set(client, runEnd);
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

  // Where each item goes: its parent type, a top-level type's name, or the id of the item holding its parent
  // when that is new in this update; and its map key (null in arrays and texts). UNRESOLVED past the depth limit.
  const places = new Map<Y.Item, Place>();
  const placeOf = (start: Y.Item): Place => {
    const chain: Y.Item[] = [];
    let item: Y.Item | null = start;
    let place: Place = UNRESOLVED;
    for (let depth = 0; ; depth++) {
      if (item === null) {
        place = NOWHERE; // a neighbour whose content was collected: its parent is gone
        break;
      }
      if (depth === MAX_NEIGHBOUR_DEPTH) break;
      const known = places.get(item);
      if (known !== undefined) {
        place = known;
        break;
      }
      chain.push(item);
      const { parent, key } = declaredPlace(item);
      if (parent instanceof Y.ID) {
        place = { parent: parent.clock < state(parent.client) ? typeAt(doc, parent) : parent, key };
        break;
      }
      if (parent !== null) {
        place = { parent, key }; // a root's name, or a type in the board
        break;
      }
      const neighbour: Y.ID | null = item.origin ?? item.rightOrigin;
      if (neighbour === null) {
        place = NOWHERE;
        break;
      }
      item = neighbour.clock < state(neighbour.client) ? itemAt(doc, neighbour) : inUpdate(neighbour);
    }
    for (const seen of chain) places.set(seen, place);
    return place;
  };

  // How deep the type an incoming item holds sits (a top-level type's entries are at 1). Walks up through
  // parents new in this update, memoized, and at most MAX_TYPE_DEPTH steps, however deep the update nests.
  const depths = new Map<Y.Item, number>();
  const typeDepth = (start: Y.Item): number => {
    const chain: Y.Item[] = [];
    let base = 0;
    for (let item: Y.Item | null = start; item !== null; ) {
      const known = depths.get(item);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (chain.length > MAX_TYPE_DEPTH) {
        base = MAX_TYPE_DEPTH;
        break;
      }
      chain.push(item);
      const place = placeOf(item);
      if (place === UNRESOLVED || place.parent === null || typeof place.parent === 'string') break;
      if (place.parent instanceof Y.ID) item = inUpdate(place.parent);
      else {
        base = depthOf(place.parent, MAX_TYPE_DEPTH + 1);
        break;
      }
    }
    for (let index = chain.length - 1, depth = base + 1; index >= 0; index--, depth++) depths.set(chain[index]!, depth);
    return depths.get(start)!;
  };

  for (const list of incoming.values()) {
    for (const item of list) {
      for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
        if (ref === null) continue;
        if (!exists(ref)) return deny('the update refers to edits the relay does not have');
        // Yjs integrates a client's structs in clock order: a reference forward cannot be applied.
        if (ref.client === item.id.client && ref.clock >= item.id.clock) return deny('the update refers forward within one client');
      }
      const place = placeOf(item);
      if (place === UNRESOLVED) return deny('the update chains more than 10,000 overwrites of one entry');
      if (typeInItem(item) !== null && typeDepth(item) > MAX_TYPE_DEPTH) return deny(`the update nests shared types deeper than ${MAX_TYPE_DEPTH} levels`);
      if (!member) continue;
      if (role === 'requester') {
        const holder = place.parent instanceof Y.ID ? inUpdate(place.parent) : null;
        if (!requesterMayWrite(doc, item, place, holder && placeOf(holder))) return forbid('a requester may only file new requests');
        continue;
      }
      const what = protectedPlace(doc, place);
      if (what !== null) return forbid(`only a facilitator may write ${what}`);
    }
  }

  for (const [client, ranges] of update.ds.clients) {
    let previousEnd = -1;
    for (const range of ranges) {
      // Honest encoders write each client's ranges merged and in order; anything else costs quadratic time.
      if (range.clock < previousEnd || range.len <= 0) return deny('the update deletes overlapping or unordered ranges');
      previousEnd = range.clock + range.len;
      if (previousEnd > end(client)) return deny('the update deletes edits the relay does not have');
      // What the board holds in the range (what the update adds itself is checked above).
      if (!member) continue;
      for (const item of itemsInRange(doc, client, range.clock, previousEnd)) {
        if (item.deleted) continue;
        if (role === 'requester') return forbid('a requester may not delete anything on the board');
        const what = protectedPlace(doc, declaredPlace(item) as { parent: AnyType; key: string | null });
        if (what !== null) return forbid(`only a facilitator may delete ${what}`);
      }
    }
  }
  return ALLOWED;
}

type Place = { parent: AnyType | string | Y.ID | null; key: string | null } | typeof UNRESOLVED;

/** An item placed nowhere that matters: in an array or text, or under a type that is gone. */
const NOWHERE: Place = { parent: null, key: null };

/**
 * Which protected entry a place is (shared/grooming/protected-places.ts), or
 * null. The parent's path is read by name up to the longest protected path,
 * so neither the objects the document holds for its roots nor an
 * untrusted nesting depth changes the answer or its cost.
 */
function protectedPlace(doc: Y.Doc, place: Exclude<Place, typeof UNRESOLVED>): string | null {
  const { parent, key } = place;
  // A parent new in this update is no protected place; writing it into one is checked where it goes.
  if (parent === null || parent instanceof Y.ID || key === null) return null;
  const path = typeof parent === 'string' ? [parent] : pathOf(doc, parent, MAX_PROTECTED_PATH - 1);
  return path === null ? null : facilitatorOnlyPlace([...path, key]);
}

/**
 * A requester's write. Either a new request: a new key of the `requests` root
 * (named by the root's name, as Yjs encodes an entry that overwrites nothing)
 * holding a map; or one field of a map new in this same update that is
 * itself such a request, holding one plain value within REQUEST_FIELD_LIMITS.
 * An entry that overwrites one the board holds resolves to the board's own
 * root type, never its name, and is refused; so is a key the board already
 * holds, named anyway, and anything nested, unlisted (a decision) or too long.
 */
function requesterMayWrite(doc: Y.Doc, item: Y.Item, place: Exclude<Place, typeof UNRESOLVED>, holderPlace: Place | null): boolean {
  const { parent, key } = place;
  if (key === null) return false;
  if (typeof parent === 'string') return parent === REQUESTS_ROOT && !rootHasEntry(doc, parent, key) && typeInItem(item) instanceof Y.Map;
  if (!(parent instanceof Y.ID) || holderPlace === null || holderPlace === UNRESOLVED || holderPlace.parent !== REQUESTS_ROOT) return false;
  const limit = REQUEST_FIELD_LIMITS[key];
  const values = plainValues(item);
  if (limit === undefined || values === null || values.length !== 1) return false;
  const [value] = values;
  if (limit === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && value.length <= limit;
}

/** The type an item id names, when the board holds that item and it holds a type. */
function typeAt(doc: Y.Doc, id: Y.ID): AnyType | null {
  const item = itemAt(doc, id);
  return item === null ? null : typeInItem(item);
}
