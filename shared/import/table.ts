/**
 * Reading a CSV export by column name: the mapping says which header feeds
 * which board field, and a repeated header (Jira's multi-value fields) gives
 * every one of its cells.
 */
import type { CsvRecord } from './csv.js';
import type { ColumnMapping, MappableField } from './types.js';

export class Columns {
  private readonly byName = new Map<string, number[]>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      this.byName.set(key, [...(this.byName.get(key) ?? []), index]);
    });
  }

  has(name: string): boolean {
    return this.byName.has(name.trim().toLowerCase());
  }

  /** The header as written in the file for the first of `names` it has (case-insensitive). */
  find(...names: string[]): string | undefined {
    for (const name of names) {
      const index = this.byName.get(name.toLowerCase())?.[0];
      if (index !== undefined) return this.header[index];
    }
    return undefined;
  }

  /** The first non-blank cell of the column(s) with this name. */
  cell(record: CsvRecord, name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    for (const index of this.byName.get(name.trim().toLowerCase()) ?? []) {
      const value = record.cells[index];
      if (value !== undefined && value.trim() !== '') return value;
    }
    return undefined;
  }

  /** Every non-blank cell of the column(s) with this name. */
  cells(record: CsvRecord, name: string | undefined): string[] {
    if (name === undefined) return [];
    return (this.byName.get(name.trim().toLowerCase()) ?? []).map((index) => record.cells[index] ?? '').filter((value) => value.trim() !== '');
  }

  field(record: CsvRecord, mapping: ColumnMapping, field: MappableField): string | undefined {
    return this.cell(record, mapping[field]);
  }
}

/** The mapping to use: the detected one, with the person's choices over it; columns the file lacks are dropped. */
export function mergeMapping(columns: Columns, detected: ColumnMapping, chosen: ColumnMapping | undefined): ColumnMapping {
  const mapping: ColumnMapping = { ...detected, ...chosen };
  for (const [field, column] of Object.entries(mapping) as [MappableField, string | undefined][]) {
    if (column === undefined || column === '' || !columns.has(column)) delete mapping[field];
  }
  return mapping;
}
