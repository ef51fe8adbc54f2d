/**
 * Where new keys go: given the sorted list and a gap in it, choose keys for
 * the items placed there, repairing neighbours when the gap has no room.
 *
 * Rules, in the order they apply:
 *
 * 1. The list is sorted by (order, id), comparing plain code units. A key
 *    that is not a valid fractional index (empty, malformed, from other
 *    software) still sorts by its raw string, so every item shows exactly
 *    once and in the same place on every replica.
 * 2. The lower bound is the nearest valid key before the gap. Invalid keys
 *    between it and the gap are re-keyed along with the placed items.
 * 3. The upper bound is the nearest valid key after the gap that is strictly
 *    greater than the lower bound. Items skipped on the way (ties with the
 *    lower bound, which happen when two people insert into one gap at once,
 *    and invalid keys) are re-keyed along with the placed items, keeping
 *    their current relative order.
 * 4. If a new key would be longer than MAX_KEY_LENGTH, the window of
 *    re-keyed neighbours widens on both sides (1, 2, 4, ... items) and the
 *    whole window is spread between the new, farther bounds. The window stops
 *    growing as soon as the keys fit, so only a few neighbours move. The whole
 *    list is never renumbered: a replica that was offline computes its moves
 *    against old keys, and those must still land where it meant.
 *
 * Re-keying keeps the relative order of everything it touches, so a repair
 * never changes what anyone sees; it only makes room.
 */
import { MAX_KEY_LENGTH, isValidOrderKey, keysBetween, type RandomSource } from './order-keys.js';

export interface OrderEntry {
  id: string;
  order: string;
}

/** (order, id) by code units. Never localeCompare: it differs between machines. */
export function compareEntries(a: OrderEntry, b: OrderEntry): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export interface Placement {
  /** Keys for the placed items, ascending. */
  keys: string[];
  /** New keys for neighbours that had to move aside: id -> key. */
  rekeyed: Map<string, string>;
}

/**
 * Keys for `count` items placed at `gap` (0 = top, entries.length = bottom)
 * of `entries`, which must be sorted and must not hold the placed items.
 */
export function planPlacement(
  entries: readonly OrderEntry[],
  gap: number,
  count: number,
  random?: RandomSource,
): Placement {
  const n = entries.length;
  let left = gap; // entries[left .. gap) are re-keyed
  let right = gap; // entries[gap .. right) are re-keyed
  let widen = 0;
  for (;;) {
    while (left > 0 && !isValidOrderKey(entries[left - 1]!.order)) left--;
    const low = left > 0 ? entries[left - 1]!.order : null;
    while (right < n && (!isValidOrderKey(entries[right]!.order) || (low !== null && entries[right]!.order <= low))) {
      right++;
    }
    const high = right < n ? entries[right]!.order : null;
    const before = gap - left;
    const keys = keysBetween(low, high, before + count + (right - gap), random);
    const fits = keys.every((key) => key.length <= MAX_KEY_LENGTH);
    if (fits || (left === 0 && right === n)) {
      const rekeyed = new Map<string, string>();
      for (let i = left; i < gap; i++) rekeyed.set(entries[i]!.id, keys[i - left]!);
      for (let i = gap; i < right; i++) rekeyed.set(entries[i]!.id, keys[before + count + (i - gap)]!);
      return { keys: keys.slice(before, before + count), rekeyed };
    }
    widen = Math.max(1, widen * 2);
    left = Math.max(0, left - widen);
    right = Math.min(n, right + widen);
  }
}
