/**
 * Jira's CSV export (Cloud and Server/Data Center, "all fields" or "current
 * fields"): columns are found by name, never by position, since both exports
 * vary. The names this reads are tabled in docs/import-export.md.
 */
import type { CsvRecord, CsvTable } from './csv.js';
import { Columns, mergeMapping } from './table.js';
import { PriorityMapper, Warnings, cleanDescription, cleanLabels, cleanTitle, mapKind, mapStatus, parseEstimate } from './fields.js';
import { jiraToText } from './markup.js';
import { extractCriteria } from './criteria.js';
import { parseTrackerDate } from './dates.js';
import type { ColumnMapping, PlannedItem } from './types.js';

const STORY_POINTS = ['Custom field (Story Points)', 'Custom field (Story point estimate)', 'Story Points', 'Story point estimate'];
const PARENTS = ['Parent key', 'Custom field (Epic Link)', 'Parent id', 'Parent'];

export function jiraMapping(table: CsvTable): ColumnMapping {
  const columns = new Columns(table.header);
  // Cloud writes both story-point columns and fills one: take the one with values.
  const filled = (name: string) => table.records.filter((record) => columns.cell(record, name) !== undefined).length;
  const points = STORY_POINTS.map((name) => columns.find(name)).filter((name) => name !== undefined);
  const estimate = points.sort((a, b) => filled(b) - filled(a))[0];
  return {
    key: columns.find('Issue key'),
    title: columns.find('Summary'),
    description: columns.find('Description'),
    kind: columns.find('Issue Type', 'Work type'),
    status: columns.find('Status'),
    priority: columns.find('Priority'),
    estimate,
    labels: columns.find('Labels'),
    parent: columns.find(...PARENTS),
  };
}

export function planJira(table: CsvTable, chosen: ColumnMapping | undefined, warnings: Warnings, priorities: PriorityMapper): { mapping: ColumnMapping; items: PlannedItem[] } {
  const columns = new Columns(table.header);
  const mapping = mergeMapping(columns, jiraMapping(table), chosen);
  const idColumn = columns.find('Issue id');
  const categoryColumn = columns.find('Status Category');
  const criteriaColumn = columns.find('Custom field (Acceptance Criteria)', 'Acceptance Criteria');
  const createdColumn = columns.find('Created');
  const updatedColumn = columns.find('Updated');
  // A row fills one of several story-point (or parent) columns: the mapped one first, then the others of its kind.
  const firstOf = (record: CsvRecord, mapped: string | undefined, kind: string[]) =>
    [mapped, ...kind.map((name) => columns.find(name))].reduce<string | undefined>((found, name) => found ?? columns.cell(record, name), undefined);
  // Parent and Parent id hold the parent's numeric Issue id: keys are looked up through the file.
  const keyById = new Map<string, string>();
  if (idColumn && mapping.key) {
    for (const record of table.records) {
      const id = columns.cell(record, idColumn)?.trim();
      const key = columns.field(record, mapping, 'key')?.trim();
      if (id && key) keyById.set(id, key);
    }
  }
  if (!mapping.key) warnings.add(null, idColumn ? 'no Issue key column: items are matched by Issue id when imported again' : 'no Issue key column: importing the file again will add its rows again');
  const items: PlannedItem[] = [];
  for (const record of table.records) {
    const row = record.line;
    const title = cleanTitle(columns.field(record, mapping, 'title') ?? '', row, warnings);
    if (title === null) continue;
    const issueId = columns.cell(record, idColumn)?.trim();
    const key = columns.field(record, mapping, 'key')?.trim() || (issueId ? `id:${issueId}` : `row:${row}`);
    if (mapping.key && !columns.field(record, mapping, 'key') && !issueId) warnings.add(row, 'no issue key: importing it again will add it again');
    const raw = columns.field(record, mapping, 'description');
    const { description, criteria } = extractCriteria(raw ? jiraToText(raw) : '');
    const fromColumn = columns
      .cells(record, criteriaColumn)
      .flatMap((cell) => jiraToText(cell).split('\n'))
      .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').trim())
      .filter((line) => line !== '')
      .map((text) => ({ text }));
    const parentValue = firstOf(record, mapping.parent, mapping.parent && PARENTS.includes(mapping.parent) ? PARENTS : [])?.trim();
    const estimate = parseEstimate(firstOf(record, mapping.estimate, mapping.estimate && STORY_POINTS.includes(mapping.estimate) ? STORY_POINTS : []) ?? '', row, warnings);
    const created = parseTrackerDate(columns.cell(record, createdColumn));
    const updated = parseTrackerDate(columns.cell(record, updatedColumn));
    items.push({
      row,
      source: {
        system: 'jira',
        key,
        ...(issueId ? { issueId } : {}),
        importedTitle: title,
        importedEstimate: estimate ?? null,
      },
      fields: {
        title,
        description: cleanDescription(description, row, warnings),
        kind: mapKind(columns.field(record, mapping, 'kind'), row, warnings),
        status: mapStatus(columns.field(record, mapping, 'status'), columns.cell(record, categoryColumn), row, warnings),
        priority: priorities.map(columns.field(record, mapping, 'priority'), row, warnings),
        estimate,
        labels: cleanLabels(columns.cells(record, mapping.labels), row, warnings),
        acceptanceCriteria: [...fromColumn, ...criteria],
        ...(created !== null ? { createdAt: created } : {}),
        ...(updated !== null ? { updatedAt: updated } : {}),
      },
      parentKey: parentValue ? (keyById.get(parentValue) ?? parentValue) : null,
    });
  }
  return { mapping, items };
}
