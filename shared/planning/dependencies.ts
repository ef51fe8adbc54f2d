/**
 * Dependencies between items: an item can wait for others (blocked by),
 * across epics.
 *
 * Layout: one key per dependency on the waiting item, `dependsOn:<item id>`
 * → true, so two people adding dependencies to one item at once both keep
 * theirs. A cycle is refused when it would be made here; two people making
 * its halves at once can still close one, so readers find cycles
 * (`dependencyCycles`) and flag them, and the forecast ignores the edges
 * that close them.
 */
import type * as Y from 'yjs';
import { itemsMap, stampSchema } from '../board.js';
import { requireItem } from '../ordering.js';
import type { ItemSnapshot } from '../snapshot.js';
import { DEPENDS_PREFIX, readDependencies } from './dependency-keys.js';
import { itemPlace, type SprintSnapshot } from './sprints.js';

/** A path of dependencies from `from` to `to`, or null: walks what is stored, at most once per item. */
function pathBetween(doc: Y.Doc, from: string, to: string): string[] | null {
  const items = itemsMap(doc);
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) {
      const path = [];
      for (let at: string | null = id; at !== null; at = previous.get(at) ?? null) path.unshift(at);
      return path;
    }
    const item = items.get(id);
    if (item === undefined) continue;
    for (const next of readDependencies(item)) {
      if (previous.has(next)) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  return null;
}

function titleOf(doc: Y.Doc, id: string): string {
  const title = itemsMap(doc).get(id)?.get('title');
  const text = title === undefined ? '' : String(title);
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text || id}”`;
}

/** Makes `itemId` wait for `onId`; refuses a dependency on itself or one that closes a cycle, naming it. */
export function addDependency(doc: Y.Doc, itemId: string, onId: string): void {
  const item = requireItem(doc, itemId);
  requireItem(doc, onId, 'dependency');
  if (itemId === onId) throw new Error(`item ${titleOf(doc, itemId)} cannot depend on itself`);
  const cycle = pathBetween(doc, onId, itemId);
  if (cycle !== null) {
    throw new Error(`that would make a cycle: ${[itemId, ...cycle].map((id) => titleOf(doc, id)).join(' waits for ')}`);
  }
  doc.transact(() => {
    stampSchema(doc);
    item.set(`${DEPENDS_PREFIX}${onId}`, true);
  });
}

export function removeDependency(doc: Y.Doc, itemId: string, onId: string): void {
  const item = requireItem(doc, itemId);
  doc.transact(() => item.delete(`${DEPENDS_PREFIX}${onId}`));
}

/**
 * Cycles among the items' dependencies, for flagging: every item that is in
 * any cycle appears in at least one, each given as ids in order (each waits
 * for the next, the last for the first). A search that only reports the
 * back edges it meets misses an item whose cycle runs through one already
 * finished (A ⇄ B with A → C → B leaves C out), so the items are first
 * grouped into strongly connected components (Tarjan), and each member of a
 * group not yet on a reported cycle gets the shortest cycle through it,
 * told from its member that comes first in the items' order.
 */
export function dependencyCycles(items: readonly ItemSnapshot[]): string[][] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const next = (id: string) => (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  // Iterative, so that a long chain of dependencies cannot overflow the call stack.
  for (const root of items) {
    if (index.has(root.id)) continue;
    const work: { id: string; deps: string[]; at: number }[] = [];
    const open = (id: string) => {
      index.set(id, index.size);
      low.set(id, index.get(id)!);
      stack.push(id);
      onStack.add(id);
      work.push({ id, deps: next(id), at: 0 });
    };
    open(root.id);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.at < frame.deps.length) {
        const dep = frame.deps[frame.at++]!;
        if (!index.has(dep)) open(dep);
        else if (onStack.has(dep)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.id);
      if (group.length > 1) groups.push(group);
    }
  }
  const order = new Map(items.map((item, at) => [item.id, at]));
  const cycles: string[][] = [];
  for (const group of groups) {
    const inGroup = new Set(group);
    const covered = new Set<string>();
    for (const start of group) {
      if (covered.has(start)) continue;
      const cycle = shortestCycle(start, (id) => next(id).filter((dep) => inGroup.has(dep)));
      cycle.forEach((id) => covered.add(id));
      // Told from the member that comes first in the items' order, so every replica names it the same way.
      const first = cycle.reduce((best, id, at) => (order.get(id)! < order.get(cycle[best]!)! ? at : best), 0);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
  }
  return cycles;
}

/** The shortest path from `start` back to itself (start first); one exists for a member of a strongly connected group. */
function shortestCycle(start: string, next: (id: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const dep of next(id)) {
      if (dep === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (previous.has(dep)) continue;
      previous.set(dep, id);
      queue.push(dep);
    }
  }
  return [start];
}

/** Open items ordered above an open item they wait for, with what they wait for. */
export function orderWarnings(backlog: readonly ItemSnapshot[]): { id: string; waitsFor: string[] }[] {
  const position = new Map(backlog.map((item, at) => [item.id, at]));
  const open = (item: ItemSnapshot | undefined) => item !== undefined && !item.archived && item.status !== 'done';
  const byId = new Map(backlog.map((item) => [item.id, item]));
  const out: { id: string; waitsFor: string[] }[] = [];
  backlog.forEach((item, at) => {
    if (!open(item)) return;
    const later = item.dependsOn.filter((dep) => open(byId.get(dep)) && (position.get(dep) ?? -1) > at);
    if (later.length > 0) out.push({ id: item.id, waitsFor: later });
  });
  return out;
}

/**
 * A forecast that respects dependencies: an item is done no earlier than
 * what it waits for. `sprints[i]` is item i's forecast sprint (null: beyond
 * the horizon); edges that close a cycle are ignored.
 */
export function respectDependencies(backlog: readonly Pick<ItemSnapshot, 'id' | 'dependsOn'>[], sprints: readonly (number | null)[]): (number | null)[] {
  const index = new Map(backlog.map((item, at) => [item.id, at]));
  const out = [...sprints];
  const state = new Map<number, 'open' | 'done'>();
  const settle = (at: number): number | null => {
    if (state.get(at) === 'done' || state.get(at) === 'open') return out[at]!;
    state.set(at, 'open');
    for (const dep of backlog[at]!.dependsOn) {
      const depAt = index.get(dep);
      if (depAt === undefined || state.get(depAt) === 'open') continue;
      const depSprint = settle(depAt);
      const own = out[at]!;
      if (own === null || depSprint === null) out[at] = null;
      else if (depSprint > own) out[at] = depSprint;
    }
    state.set(at, 'done');
    return out[at]!;
  };
  backlog.forEach((_, at) => settle(at));
  return out;
}

/**
 * Items in an open sprint that wait for something neither done nor planned
 * for the same or an earlier sprint (by start date), with what they wait for.
 */
export function sprintDependencyWarnings(items: readonly ItemSnapshot[], sprints: readonly SprintSnapshot[]): { id: string; waitsFor: string[] }[] {
  const sprintById = new Map(sprints.map((sprint) => [sprint.id, sprint]));
  const byId = new Map(items.map((item) => [item.id, item]));
  const out: { id: string; waitsFor: string[] }[] = [];
  for (const item of items) {
    const place = itemPlace(item, sprintById);
    if (place === 'backlog' || item.status === 'done' || item.archived) continue;
    const start = sprintById.get(place)!.start;
    const late = item.dependsOn.filter((dep) => {
      const other = byId.get(dep);
      if (other === undefined || other.status === 'done' || other.archived) return false;
      const otherPlace = itemPlace(other, sprintById);
      return otherPlace === 'backlog' || sprintById.get(otherPlace)!.start > start;
    });
    if (late.length > 0) out.push({ id: item.id, waitsFor: late });
  }
  return out;
}
