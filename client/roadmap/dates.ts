/** Dates on the roadmap: YYYY-MM-DD calendar days, shown in words (read as UTC days, so no time zone moves them). */
import { dayText } from '../../shared/index.js';

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "13 December 2026": for screen readers and tooltips. */
export const dateInWords = (date: string): string => long.format(Date.parse(`${date}T00:00:00Z`));

/** "13 Dec", or with the year "10 Jan 2027", as in the Markdown export and the item panel. */
export const shortDate = (date: string, withYear = false): string => (withYear ? dayText(date) : dayText(date).slice(0, -5));

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const now = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
