/** An epic's or theme's dates in words: the likely column's text, and the whole sentence a screen reader hears for a bar. */
import type { Roadmap, RoadmapRow } from '../../shared/index.js';
import { dateInWords, shortDate } from './dates.js';

/** "27 Dec" ("10 Jan 2027" in another year than `year`), "beyond the horizon", "no forecast", "done", or "–" for an empty epic. */
export function whenShort(row: RoadmapRow, date: string | null, map: Roadmap, year: string): string {
  if (row.state === 'done') return 'done';
  if (row.state === 'empty') return '–';
  if (date !== null) return shortDate(date, !date.startsWith(year));
  return map.forecast ? 'beyond the horizon' : 'no forecast';
}

/** "Offline: work likely starts 30 November 2026; likely done by 27 December 2026 (50 %), almost surely by 10 January 2027 (85 %)". */
export function rowInWords(title: string, row: RoadmapRow, map: Roadmap): string {
  if (row.state !== 'open') return `${title}: ${row.state === 'done' ? 'done' : 'no items yet'}`;
  const by = (date: string | null) => (date !== null ? `by ${dateInWords(date)}` : map.forecast ? 'beyond the horizon' : 'not forecast');
  const start = row.startDate !== null ? `work likely starts ${dateInWords(row.startDate)}; ` : '';
  return `${title}: ${start}likely done ${by(row.likelyDate)} (50 %), almost surely ${by(row.safeDate)} (85 %)`;
}
