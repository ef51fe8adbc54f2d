/**
 * The value/effort chart's points: every open item with a value and an
 * effort (the job size, or the estimate), grouped by epic. Many items share
 * the same pair on a 1–20 scale, so the items of one pair are laid out on a
 * small spiral around it (in id order, so every replica draws the same),
 * and never across the quadrant lines.
 */
import { QUADRANT_SPLIT, effectiveJobSize, valueEffortQuadrant, type ItemSnapshot, type Quadrant } from '../../shared/index.js';

export interface ChartPoint {
  id: string;
  title: string;
  value: number;
  effort: number;
  /** Where it is drawn: value and effort nudged apart from items with the same pair. */
  x: number;
  y: number;
  quadrant: Quadrant;
}

export interface ChartGroup {
  /** The epic's id, or null for items in no epic. */
  epicId: string | null;
  name: string;
  points: ChartPoint[];
}

/** Where the quadrant lines are drawn: halfway between 5 and 8 on the chart's doubling scale. */
export const SPLIT_DRAWN = Math.sqrt(QUADRANT_SPLIT * 8);
/** The spiral's step, in doublings: the k-th item of a pair sits 0.07·√k from it. */
const STEP = 0.07;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A position nudged by `offset` doublings, kept on its own side of the quadrant line. */
function nudge(value: number, offset: number): number {
  const drawn = value * 2 ** offset;
  if (value > QUADRANT_SPLIT) return Math.max(drawn, SPLIT_DRAWN * 1.03);
  return Math.min(drawn, SPLIT_DRAWN / 1.03);
}

export function chartGroups(items: readonly ItemSnapshot[], byId: ReadonlyMap<string, ItemSnapshot>): ChartGroup[] {
  const groups = new Map<string | null, ChartGroup>();
  const pairs = new Map<string, ChartPoint[]>();
  for (const item of items) {
    if (item.archived || item.status === 'done' || item.kind === 'epic' || item.kind === 'theme') continue;
    const value = item.scoreInputs.businessValue;
    const effort = effectiveJobSize(item.scoreInputs, item.estimate).value;
    const quadrant = valueEffortQuadrant(item);
    if (value === null || effort === null || quadrant === null) continue;
    const epic = item.parent === null ? undefined : byId.get(item.parent);
    const key = epic?.id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { epicId: key, name: epic ? epic.title || 'Untitled epic' : 'No epic', points: [] };
      groups.set(key, group);
    }
    const point: ChartPoint = { id: item.id, title: item.title || 'Untitled', value, effort, x: effort, y: value, quadrant };
    group.points.push(point);
    const pair = `${value}:${effort}`;
    pairs.set(pair, [...(pairs.get(pair) ?? []), point]);
  }
  for (const points of pairs.values()) {
    points.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    points.forEach((point, k) => {
      const radius = STEP * Math.sqrt(k);
      point.x = nudge(point.effort, radius * Math.cos(k * GOLDEN_ANGLE));
      point.y = nudge(point.value, radius * Math.sin(k * GOLDEN_ANGLE));
    });
  }
  // Epics by name, "No epic" last: the legend reads in a stable order as points come and go.
  return [...groups.values()].sort((a, b) => (a.epicId === null ? 1 : b.epicId === null ? -1 : a.name.localeCompare(b.name)));
}
