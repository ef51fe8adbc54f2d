/** The end-of-meeting summary, as data and as Markdown to paste anywhere. */
import * as Y from 'yjs';
import { boardTitle } from '../board.js';
import { orderedItems } from '../ordering.js';
import { readRound } from './rounds.js';
import { groomingMap, readSession, type Outcome } from './session.js';

export interface SummaryRow {
  itemId: string;
  title: string;
  estimate: string | null;
  spentMs: number;
  rounds: number;
  outcome: Outcome | 'needs-info' | null;
}

export interface Summary {
  boardTitle: string;
  startedAt: number;
  endedAt: number | null;
  facilitator: string;
  participants: string[];
  rows: SummaryRow[];
}

/** What the session covered: every agenda item that was discussed, estimated or decided on. */
export function sessionSummary(doc: Y.Doc, now: number): Summary | null {
  const session = readSession(doc);
  if (session === null) return null;
  const items = new Map(orderedItems(doc).map((item) => [item.id, item]));
  const roundCounts = new Map<string, number>();
  const rounds = groomingMap(doc).get('rounds');
  if (rounds instanceof Y.Map) {
    rounds.forEach((_value, roundId) => {
      const round = readRound(doc, roundId as string);
      if (round && round.sessionId === session.id) roundCounts.set(round.itemId, (roundCounts.get(round.itemId) ?? 0) + 1);
    });
  }
  const spent = (id: string) => (session.spent[id] ?? 0) + (session.focus === id && session.focusSince !== null && session.endedAt === null ? Math.max(0, now - session.focusSince) : 0);
  const rows: SummaryRow[] = [];
  for (const id of session.agenda) {
    const item = items.get(id);
    const outcome = session.outcomes[id] ?? (item?.status === 'needs-info' ? 'needs-info' : null);
    if (spent(id) === 0 && !roundCounts.has(id) && outcome === null) continue;
    rows.push({
      itemId: id,
      title: item?.title ?? '(removed item)',
      estimate: item?.estimate === null || item?.estimate === undefined ? null : String(item.estimate),
      spentMs: spent(id),
      rounds: roundCounts.get(id) ?? 0,
      outcome,
    });
  }
  const names = new Map(session.participants.map((p) => [p.id, p.name]));
  return {
    boardTitle: boardTitle(doc),
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    facilitator: names.get(session.facilitator) ?? 'someone',
    participants: session.participants.map((p) => p.name),
    rows,
  };
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How each outcome of an agenda item reads, in the summary and on screen. */
export const OUTCOME_TEXT: Record<string, string> = {
  estimated: 'estimated',
  split: 'split',
  'needs-info': 'sent back for more information',
  skipped: 'skipped',
};

/** Markdown for the summary; `|` in titles is escaped so tables stay tables. */
export function summaryMarkdown(summary: Summary, now: number): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const date = new Date(summary.startedAt).toISOString().slice(0, 10);
  const lines = [
    `# Refinement: ${cell(summary.boardTitle || 'Untitled board')}`,
    '',
    `${date} · ${formatDuration((summary.endedAt ?? now) - summary.startedAt)} · facilitated by ${summary.facilitator} · ${summary.participants.join(', ')}`,
    '',
    '| # | Item | Estimate | Time | Rounds | Outcome |',
    '|---|------|----------|------|--------|---------|',
    ...summary.rows.map((row, index) =>
      `| ${index + 1} | ${cell(row.title)} | ${row.estimate ?? '–'} | ${formatDuration(row.spentMs)} | ${row.rounds} | ${row.outcome ? OUTCOME_TEXT[row.outcome] : 'discussed'} |`,
    ),
  ];
  const split = summary.rows.filter((row) => row.outcome === 'split');
  const back = summary.rows.filter((row) => row.outcome === 'needs-info');
  if (split.length) lines.push('', `**Split:** ${split.map((row) => cell(row.title)).join('; ')}`);
  if (back.length) lines.push('', `**Sent back for more information:** ${back.map((row) => cell(row.title)).join('; ')}`);
  return lines.join('\n') + '\n';
}
