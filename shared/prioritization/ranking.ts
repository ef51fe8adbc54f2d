/**
 * "Rank by score": a proposal, never an automatic reorder. The order is the
 * team's decision, so a framework's ranking is first a preview (which items
 * move, and where), and applying it writes one block of moves in one
 * transaction, one undo step.
 *
 * Only open items with a score take part: they trade places among the
 * places they hold now, best score first (ties keep their current order).
 * Items without a score, done and archived items stay exactly where they are.
 *
 * An item someone moved by hand after the preview was made is called out
 * (`rankingMovedSince`) and, unless the person applying asks to override it,
 * keeps the place it was moved to: it is left out of the ranking.
 */
import type * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { orderedItems, sortedEntries } from '../ordering.js';
import { planPlacement, type OrderEntry } from '../placement.js';
import { scoreItem, type Framework } from './frameworks.js';
import { boardFrameworks } from './settings.js';

export interface RankingMove {
  id: string;
  /** Index in the whole backlog now, and in the proposed order. */
  from: number;
  to: number;
}

export interface RankingPreview {
  framework: Framework;
  /** Every item id in the proposed order. */
  proposed: string[];
  /** The items whose place changes, by their new place. */
  moves: RankingMove[];
  /** The items that take part, best score first. */
  ranked: string[];
  /** Every item's order key when the preview was made, to notice moves made since. */
  basis: Record<string, string>;
}

/** The order a framework's scores propose, without changing anything. */
export function rankPreview(doc: Y.Doc, framework: Framework): RankingPreview {
  if (!boardFrameworks(doc).includes(framework)) throw new Error(`rankPreview: this board does not use ${framework}; turn it on first`);
  const items = orderedItems(doc);
  const basis: Record<string, string> = {};
  const candidates: { id: string; at: number; score: number }[] = [];
  items.forEach((item, at) => {
    basis[item.id] = item.order;
    if (item.archived || item.status === 'done') return;
    const score = scoreItem(framework, item).value;
    if (score !== null) candidates.push({ id: item.id, at, score });
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.at - b.at).map((c) => c.id);
  const current = items.map((item) => item.id);
  const proposed = fillSlots(current, new Set(ranked), ranked);
  const from = new Map(current.map((id, at) => [id, at]));
  const moves = proposed.flatMap((id, to) => (from.get(id) === to ? [] : [{ id, from: from.get(id)!, to }]));
  return { framework, proposed, moves, ranked, basis };
}

/** Items moved (or removed from the backlog) since the preview was made. */
export function rankingMovedSince(doc: Y.Doc, preview: RankingPreview): string[] {
  const now = new Map(sortedEntries(doc).map((entry) => [entry.id, entry.order]));
  return Object.keys(preview.basis).filter((id) => now.get(id) !== preview.basis[id]);
}

/**
 * Applies a preview in one transaction. Ranked items moved by hand since
 * the preview keep their place unless `overrideMoved`; they are returned as
 * `kept`. Items added since stay where they are.
 */
export function applyRanking(doc: Y.Doc, preview: RankingPreview, options: { overrideMoved?: boolean } = {}): { kept: string[]; moved: number } {
  const current = sortedEntries(doc).map((entry) => entry.id);
  const inBacklog = new Set(current);
  const movedSince = new Set(rankingMovedSince(doc, preview));
  const kept = options.overrideMoved ? [] : preview.ranked.filter((id) => movedSince.has(id) && inBacklog.has(id));
  const skip = new Set(kept);
  const ranked = preview.ranked.filter((id) => inBacklog.has(id) && !skip.has(id));
  const target = fillSlots(current, new Set(ranked), ranked);
  const moved = writeOrder(doc, target);
  return { kept, moved };
}

/** `current` with the places of the `slotted` items filled, in turn, by `order`. */
function fillSlots(current: readonly string[], slotted: ReadonlySet<string>, order: readonly string[]): string[] {
  let next = 0;
  return current.map((id) => (slotted.has(id) ? order[next++]! : id));
}

/**
 * Makes the backlog read `target` (a permutation of it), moving as few items
 * as possible: the longest run of items already in the right relative order
 * stays, and each stretch of the others is placed, in one go, in the gap
 * between the items that stay around it. The working list holds what is
 * placed so far and the items that stay, always sorted, so that a repair
 * placement.ts makes to neighbours (ties, malformed or too long keys) keeps
 * everything in order. Returns how many items moved.
 */
function writeOrder(doc: Y.Doc, target: readonly string[]): number {
  const current = sortedEntries(doc);
  const position = new Map(current.map((entry, at) => [entry.id, at]));
  const stays = longestIncreasingRun(target.map((id) => position.get(id)!));
  const list: OrderEntry[] = target.filter((id) => stays.has(position.get(id)!)).map((id) => ({ id, order: current[position.get(id)!]!.order }));
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  const items = itemsMap(doc);
  let placed = 0; // entries of `list` before the gap being filled
  let run: string[] = [];
  let moved = 0;
  const flush = () => {
    if (run.length === 0) return;
    const { keys, rekeyed } = planPlacement(list, placed, run.length);
    rekeyed.forEach((key, id) => {
      byId.get(id)!.order = key;
      items.get(id)!.set('order', key);
    });
    const entries = run.map((id, i) => ({ id, order: keys[i]! }));
    entries.forEach((entry) => {
      items.get(entry.id)!.set('order', entry.order);
      byId.set(entry.id, entry);
    });
    list.splice(placed, 0, ...entries);
    placed += entries.length;
    moved += entries.length;
    run = [];
  };
  doc.transact(() => {
    for (const id of target) {
      if (stays.has(position.get(id)!)) {
        flush();
        placed++;
      } else run.push(id);
    }
    flush();
  });
  return moved;
}

/** The values of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of a run of each length
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const run = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) run.add(values[i]!);
  return run;
}
