/**
 * Any other CSV or TSV (a spreadsheet, a data set): columns are matched to
 * board fields by their names (the synonyms below), and the person confirms
 * or changes the mapping in the preview. Without a key column an item's key
 * is its title, as for plain text, so importing the file again does not add
 * its rows twice.
 */
import type { CsvTable } from './csv.js';
import { Columns, mergeMapping } from './table.js';
import { PriorityMapper, Warnings, cleanDescription, cleanLabels, cleanTitle, mapKind, mapStatus, parseEstimate } from './fields.js';
import { extractCriteria } from './criteria.js';
import { readableText } from './markup.js';
import { webUrl } from './source.js';
import { TitleKeys } from './title-keys.js';
import type { ColumnMapping, MappableField, PlannedItem } from './types.js';

const SYNONYMS: Record<MappableField, string[]> = {
  title: ['title', 'summary', 'name', 'story', 'user story', 'subject', 'issue', 'item'],
  key: ['key', 'issue key', 'issuekey', 'id', 'issue id', 'identifier', 'number', '#', 'ref'],
  description: ['description', 'details', 'body', 'notes', 'text'],
  kind: ['type', 'issue type', 'kind', 'work type'],
  status: ['status', 'state'],
  priority: ['priority', 'moscow'],
  estimate: ['estimate', 'story points', 'storypoint', 'storypoints', 'points', 'sp', 'size'],
  labels: ['labels', 'label', 'tags', 'tag'],
  parent: ['parent', 'parent key', 'epic', 'epic link'],
  url: ['url', 'link', 'html_url'],
};

export function genericMapping(columns: Columns): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, names] of Object.entries(SYNONYMS) as [MappableField, string[]][]) {
    const column = columns.find(...names);
    if (column !== undefined && !Object.values(mapping).includes(column)) mapping[field] = column;
  }
  return mapping;
}

export function planGeneric(table: CsvTable, chosen: ColumnMapping | undefined, warnings: Warnings, priorities: PriorityMapper): { mapping: ColumnMapping; items: PlannedItem[] } {
  const columns = new Columns(table.header);
  const mapping = mergeMapping(columns, genericMapping(columns), chosen);
  if (mapping.title === undefined) {
    // No column looks like a title: the first one that is not the key, so that the preview shows something to correct.
    const fallback = table.header.find((name) => name !== mapping.key) ?? table.header[0];
    if (fallback !== undefined) {
      mapping.title = fallback;
      warnings.add(1, `no column is named like a title; "${fallback}" is used: choose another for "title" in the mapping if that is wrong`);
    }
  }
  const titleKeys = new TitleKeys();
  const items: PlannedItem[] = [];
  for (const record of table.records) {
    const row = record.line;
    const title = cleanTitle(columns.field(record, mapping, 'title') ?? '', row, warnings);
    if (title === null) continue;
    const key = columns.field(record, mapping, 'key')?.trim();
    const { description, criteria } = extractCriteria(readableText(columns.field(record, mapping, 'description') ?? ''));
    const labelCells = columns.cells(record, mapping.labels).flatMap((cell) => cell.split(/[,;|]/));
    const url = webUrl(columns.field(record, mapping, 'url')?.trim());
    const estimate = parseEstimate(columns.field(record, mapping, 'estimate') ?? '', row, warnings);
    items.push({
      row,
      source: { system: 'csv', key: key || titleKeys.next(title), ...(url ? { url } : {}), importedTitle: title, importedEstimate: estimate ?? null },
      fields: {
        title,
        description: cleanDescription(description, row, warnings),
        kind: mapKind(columns.field(record, mapping, 'kind'), row, warnings),
        status: mapStatus(columns.field(record, mapping, 'status'), undefined, row, warnings),
        priority: priorities.map(columns.field(record, mapping, 'priority'), row, warnings),
        estimate,
        labels: cleanLabels(labelCells, row, warnings),
        acceptanceCriteria: criteria,
      },
      parentKey: columns.field(record, mapping, 'parent')?.trim() || null,
    });
  }
  return { mapping, items };
}
