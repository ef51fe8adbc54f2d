/**
 * Dates as trackers export them, to milliseconds since the epoch (the
 * exporting user's time zone is not in the file; it is read as UTC).
 *   Jira    25/Feb/26 10:17 PM (day/month name/2-digit year), 2026-02-25 16:38:58.679
 *   others  ISO 8601 (Linear, GitHub)
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseTrackerDate(raw: string | undefined): number | null {
  const text = raw?.trim();
  if (!text) return null;
  const jira = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?)?$/.exec(text);
  if (jira) {
    const month = MONTHS.indexOf(jira[2]!.toLowerCase());
    if (month === -1) return null;
    const year = jira[3]!.length === 2 ? 2000 + Number(jira[3]) : Number(jira[3]);
    let hour = Number(jira[4] ?? 0);
    const meridiem = jira[6]?.toLowerCase();
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return Date.UTC(year, month, Number(jira[1]), hour, Number(jira[5] ?? 0));
  }
  const sql = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(text);
  if (sql) return Date.UTC(Number(sql[1]), Number(sql[2]) - 1, Number(sql[3]), Number(sql[4]), Number(sql[5]), Number(sql[6] ?? 0));
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) ? parsed : null;
}
