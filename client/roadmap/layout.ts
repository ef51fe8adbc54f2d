/**
 * Where things stand on the timeline, in columns (one per coming sprint),
 * for the page and the exported image alike: the open epics by theme, the
 * done ones apart, and each bar's span.
 */
import type { Roadmap, RoadmapRow, RoadmapTheme } from '../../shared/index.js';

/** The most coming sprints shown as columns (about a year of two-week sprints); later ends are cut, their dates still given. */
export const MAX_COLUMNS = 26;
/** Columns shown at least, so that a short roadmap still reads as a timeline. */
export const MIN_COLUMNS = 6;

/** A bar in columns from the left: it starts at `from`, is likely done at `likely` and almost surely at `safe` (ends exclusive). */
export interface Span {
  from: number;
  likely: number;
  safe: number;
  /** Its likely end is beyond the forecast's horizon. */
  beyond: boolean;
  /** Its 85 % end lies past the last column shown. */
  cut: boolean;
}

export function barSpan(row: RoadmapRow, columns: number): Span | null {
  if (row.state !== 'open' || row.start === null || row.start > columns) return null;
  const likely = Math.min(columns, row.likely ?? columns);
  return { from: row.start - 1, likely, safe: Math.max(likely, Math.min(columns, row.safe ?? columns)), beyond: row.likely === null, cut: (row.safe ?? Infinity) > columns };
}

/** The themes with their epics still to do, and the done epics, which the roadmap shows apart at the end. */
export function splitDone(map: Roadmap): { themes: RoadmapTheme[]; done: RoadmapRow[] } {
  const themes = map.themes.map((theme) => ({ ...theme, epics: theme.epics.filter((epic) => epic.state !== 'done') })).filter((theme) => theme.theme !== null || theme.epics.length > 0);
  return { themes, done: map.themes.flatMap((theme) => theme.epics.filter((epic) => epic.state === 'done')) };
}

export const columnCount = (map: Roadmap) => Math.min(MAX_COLUMNS, map.sprints.length);
