/**
 * The value/effort chart's points: every open item with a value and an
 * effort (the job size, or the estimate), grouped by epic. Many items share
 * the same pair on a 1–20 scale, so each point is nudged by a small offset
 * drawn from its id: stable between renders and replicas, never enough to
 * cross into another scale step.
 */
import { effectiveJobSize, valueEffortQuadrant, type ItemSnapshot, type Quadrant } from '../../shared/index.js';

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

/** A number in [-1, 1) from a string (FNV-1a), the same everywhere. */
function spread(text: string, salt: number): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) / 0x100000000) * 2 - 1;
}

/** At most 9% either way: a point of 5 stays left of the split line at 5.5, one of 8 right of it. */
const NUDGE = 0.12;

export function chartGroups(items: readonly ItemSnapshot[], byId: ReadonlyMap<string, ItemSnapshot>): ChartGroup[] {
  const groups = new Map<string | null, ChartGroup>();
  for (const item of items) {
    if (item.archived || item.status === 'done' || item.kind === 'epic') continue;
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
    group.points.push({
      id: item.id,
      title: item.title || 'Untitled',
      value,
      effort,
      x: effort * 2 ** (NUDGE * spread(item.id, 1)),
      y: value * 2 ** (NUDGE * spread(item.id, 2)),
      quadrant,
    });
  }
  // Epics by name, "No epic" last: the legend and the colors stay put as points come and go.
  return [...groups.values()].sort((a, b) => (a.epicId === null ? 1 : b.epicId === null ? -1 : a.name.localeCompare(b.name)));
}
