/**
 * Linear's CSV export. Its columns have changed several times (Roadmaps,
 * Initiatives, relation columns), so they are found by name. Labels share one
 * cell, joined with ", "; priorities are Urgent, High, Medium, Low and
 * No priority; Linear has no issue types, so a "Bug" label makes a bug.
 */
import type { CsvTable } from './csv.js';
import { Columns, mergeMapping } from './table.js';
import { PriorityMapper, Warnings, cleanDescription, cleanLabels, cleanTitle, mapStatus, parseEstimate } from './fields.js';
import { extractCriteria } from './criteria.js';
import { parseTrackerDate } from './dates.js';
import type { ColumnMapping, PlannedItem } from './types.js';

export function linearMapping(columns: Columns): ColumnMapping {
  return {
    key: columns.find('ID', 'Id', 'Identifier'),
    title: columns.find('Title'),
    description: columns.find('Description'),
    status: columns.find('Status'),
    priority: columns.find('Priority'),
    estimate: columns.find('Estimate'),
    labels: columns.find('Labels'),
    parent: columns.find('Parent issue', 'Parent'),
  };
}

export function planLinear(table: CsvTable, chosen: ColumnMapping | undefined, warnings: Warnings, priorities: PriorityMapper): { mapping: ColumnMapping; items: PlannedItem[] } {
  const columns = new Columns(table.header);
  const mapping = mergeMapping(columns, linearMapping(columns), chosen);
  const archivedColumn = columns.find('Archived');
  const createdColumn = columns.find('Created');
  const updatedColumn = columns.find('Updated');
  const items: PlannedItem[] = [];
  for (const record of table.records) {
    const row = record.line;
    const title = cleanTitle(columns.field(record, mapping, 'title') ?? '', row, warnings);
    if (title === null) continue;
    const key = columns.field(record, mapping, 'key')?.trim() || `row:${row}`;
    const labels = cleanLabels((columns.field(record, mapping, 'labels') ?? '').split(', '), row, warnings);
    const { description, criteria } = extractCriteria(columns.field(record, mapping, 'description') ?? '');
    const estimate = parseEstimate(columns.field(record, mapping, 'estimate') ?? '', row, warnings);
    const created = parseTrackerDate(columns.cell(record, createdColumn));
    const updated = parseTrackerDate(columns.cell(record, updatedColumn));
    items.push({
      row,
      source: { system: 'linear', key, importedTitle: title, importedEstimate: estimate ?? null },
      fields: {
        title,
        description: cleanDescription(description, row, warnings),
        ...(labels.some((label) => label.toLowerCase() === 'bug') ? { kind: 'bug' as const } : {}),
        status: mapStatus(columns.field(record, mapping, 'status'), undefined, row, warnings),
        priority: priorities.map(columns.field(record, mapping, 'priority'), row, warnings),
        estimate,
        labels,
        acceptanceCriteria: criteria,
        archived: columns.cell(record, archivedColumn) !== undefined,
        ...(created !== null ? { createdAt: created } : {}),
        ...(updated !== null ? { updatedAt: updated } : {}),
      },
      parentKey: columns.field(record, mapping, 'parent')?.trim() || null,
    });
  }
  return { mapping, items };
}
