/**
 * The write-back a grooming session offers: the estimates CSV for Jira
 * (export.ts) limited to the items the session covered, so that importing it
 * into Jira touches exactly the issues the team estimated together.
 */
import type * as Y from 'yjs';
import { itemsMap } from '../board.js';
import { sessionSummary } from '../grooming/summary.js';
import { exportBacklog } from './export.js';

export function sessionEstimatesCsv(doc: Y.Doc, now: number): { csv: string; issues: number } | null {
  const summary = sessionSummary(doc, now);
  if (summary === null) return null;
  const ids = summary.rows.map((row) => row.itemId).filter((id) => itemsMap(doc).has(id));
  const csv = exportBacklog(doc, 'estimates-csv', { ids });
  return { csv, issues: csv.trim().split('\n').length - 1 };
}
