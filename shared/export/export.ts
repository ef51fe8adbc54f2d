/**
 * exportBacklog: the board (or some of its items) as text to download.
 *
 *   csv            one row per item, columns named as in Jira's export (so Jira's CSV importer maps them
 *                  itself), a repeated Labels column per label, criteria appended to the description
 *   json           every field of every item, in board order, archived ones included: importing it into
 *                  an empty board gives the same board (same ids, order, epics, criteria)
 *   markdown       for stakeholders: epics as headings, items as bullets, criteria as checkboxes
 *   estimates-csv  write-back for Jira's "update existing issues" import: only items imported from Jira
 *                  (or from a spreadsheet of Jira keys) whose estimate changed here, keyed by issue key and id
 */
import type * as Y from 'yjs';
import { boardTitle } from '../board.js';
import { orderedItems } from '../ordering.js';
import type { ItemSnapshot } from '../snapshot.js';
import type { ItemSource } from '../import/types.js';
import { itemSource } from '../import/source.js';
import { csvLine } from './csv-cells.js';
import { JIRA_PRIORITY, JIRA_STATUS, JIRA_TYPE, MOSCOW } from './labels.js';

export const EXPORT_FORMATS = ['csv', 'json', 'markdown', 'estimates-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The JSON export's marker; detectFormat recognises it. */
export const BOARD_JSON_FORMAT = 'refinement-board';

export function exportBacklog(doc: Y.Doc, format: ExportFormat, options: { ids?: string[] } = {}): string {
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`exportBacklog: format must be one of ${EXPORT_FORMATS.join(', ')}; got ${JSON.stringify(format)}`);
  const all = orderedItems(doc);
  let items = all;
  if (options.ids !== undefined) {
    if (!Array.isArray(options.ids)) throw new Error('exportBacklog: ids must be an array of item ids');
    const known = new Set(all.map((item) => item.id));
    const unknown = options.ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new Error(`exportBacklog: unknown item id ${JSON.stringify(unknown)}`);
    const wanted = new Set(options.ids);
    items = all.filter((item) => wanted.has(item.id));
  } else if (format !== 'json') {
    items = all.filter((item) => !item.archived);
  }
  // Parents may be outside the exported items: sources and titles are looked up among all of them.
  const sources = new Map(all.map((item) => [item.id, itemSource(doc, item.id)]));
  const byId = new Map(all.map((item) => [item.id, item]));
  switch (format) {
    case 'json':
      return exportJson(doc, items, sources);
    case 'csv':
      return exportCsv(items, sources, byId);
    case 'markdown':
      return exportMarkdown(doc, items);
    case 'estimates-csv':
      return exportEstimates(items, sources);
  }
}

/** The prioritization inputs someone set (the others are left out). */
function setScoreInputs(item: ItemSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(item.scoreInputs).filter(([, value]) => value !== null)) as Record<string, number>;
}

function hasScoreInputs(item: ItemSnapshot): boolean {
  return Object.values(item.scoreInputs).some((value) => value !== null);
}

function exportJson(doc: Y.Doc, items: ItemSnapshot[], sources: Map<string, ItemSource | null>): string {
  return `${JSON.stringify(
    {
      format: BOARD_JSON_FORMAT,
      version: 1,
      title: boardTitle(doc),
      items: items.map((item) => ({
        id: item.id,
        title: item.title,
        description: item.description,
        kind: item.kind,
        status: item.status,
        priority: item.priority,
        estimate: item.estimate,
        labels: item.labels,
        acceptanceCriteria: item.acceptanceCriteria.map(({ text, done }) => ({ text, done })),
        parent: item.parent,
        archived: item.archived,
        createdAt: item.createdAt,
        createdBy: item.createdBy,
        updatedAt: item.updatedAt,
        ...(hasScoreInputs(item) ? { scoreInputs: setScoreInputs(item) } : {}),
        ...(sources.get(item.id) ? { source: sources.get(item.id) } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

function exportCsv(items: ItemSnapshot[], sources: Map<string, ItemSource | null>, byId: Map<string, ItemSnapshot>): string {
  const labelColumns = Math.max(1, ...items.map((item) => item.labels.length));
  const header = ['Summary', 'Issue key', 'Issue Type', 'Status', 'Priority', 'Story Points', ...Array<string>(labelColumns).fill('Labels'), 'Description', 'Parent key', 'Parent summary'];
  const jiraKey = (id: string) => (sources.get(id)?.system === 'jira' ? sources.get(id)!.key : '');
  const rows = items.map((item) => {
    const parent = item.parent ? byId.get(item.parent) : undefined;
    const criteria = item.acceptanceCriteria.map((criterion) => `- [${criterion.done ? 'x' : ' '}] ${criterion.text}`);
    const description = criteria.length > 0 ? `${item.description}${item.description ? '\n\n' : ''}Acceptance criteria:\n${criteria.join('\n')}` : item.description;
    const labels = [...item.labels, ...Array<string>(labelColumns - item.labels.length).fill('')];
    return csvLine([
      item.title,
      jiraKey(item.id),
      JIRA_TYPE[item.kind],
      JIRA_STATUS[item.status],
      item.priority ? JIRA_PRIORITY[item.priority] : '',
      item.estimate,
      ...labels,
      description,
      parent ? jiraKey(parent.id) : '',
      parent?.title ?? '',
    ]);
  });
  return `${[csvLine(header), ...rows].join('\r\n')}\r\n`;
}

function exportMarkdown(doc: Y.Doc, items: ItemSnapshot[]): string {
  const lines: string[] = [`# ${boardTitle(doc) || 'Backlog'}`, ''];
  const line = (item: ItemSnapshot, indent: string) => {
    const facts = [item.kind === 'story' ? null : item.kind, item.estimate === null ? null : `${item.estimate}${typeof item.estimate === 'number' ? ' pts' : ''}`, item.priority ? MOSCOW[item.priority] : null, item.status === 'new' ? null : item.status];
    const shown = facts.filter((fact) => fact !== null);
    lines.push(`${indent}- ${escapeMarkdown(item.title)}${shown.length > 0 ? ` (${shown.join(', ')})` : ''}`);
    for (const criterion of item.acceptanceCriteria) lines.push(`${indent}  - [${criterion.done ? 'x' : ' '}] ${escapeMarkdown(criterion.text.replace(/\n/g, ' '))}`);
  };
  const epics = items.filter((item) => item.kind === 'epic');
  const inEpic = new Set(epics.map((epic) => epic.id));
  const loose = items.filter((item) => item.kind !== 'epic' && !(item.parent && inEpic.has(item.parent)));
  for (const item of loose) line(item, '');
  for (const epic of epics) {
    lines.push('', `## ${escapeMarkdown(epic.title)}`, '');
    for (const criterion of epic.acceptanceCriteria) lines.push(`- [${criterion.done ? 'x' : ' '}] ${escapeMarkdown(criterion.text.replace(/\n/g, ' '))}`);
    for (const item of items.filter((candidate) => candidate.parent === epic.id && candidate.kind !== 'epic')) line(item, '');
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Text people wrote, shown as text in Markdown: characters that would start markup are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A Jira issue key (PROJ-123): what a spreadsheet of Jira issues holds in its key column too. */
const JIRA_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/**
 * Items that came from Jira: imported from a Jira export, or from a spreadsheet whose key column holds Jira
 * keys. A Jira export without an Issue key column keys items by their numeric Issue id ("id:...").
 */
function jiraIds(source: ItemSource | null | undefined): { key: string; id: string } | null {
  if (source?.system === 'jira') {
    const byId = source.key.startsWith('id:');
    return { key: byId ? '' : source.key, id: source.issueId ?? (byId ? source.key.slice(3) : '') };
  }
  if (source?.system === 'csv' && JIRA_KEY.test(source.key)) return { key: source.key, id: source.issueId ?? '' };
  return null;
}

function exportEstimates(items: ItemSnapshot[], sources: Map<string, ItemSource | null>): string {
  const rows = items.flatMap((item) => {
    const source = sources.get(item.id);
    const jira = jiraIds(source);
    if (jira === null || typeof item.estimate !== 'number') return [];
    if (source!.importedEstimate === item.estimate) return [];
    return [csvLine([jira.key, jira.id, source!.importedTitle ?? item.title, item.estimate])];
  });
  return `${[csvLine(['Issue key', 'Issue id', 'Summary', 'Story Points']), ...rows].join('\r\n')}\r\n`;
}
