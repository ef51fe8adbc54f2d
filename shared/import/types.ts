/**
 * What an import produces before anything is written: a plan. Parsing is pure
 * (text in, plan out) so that it can run in a worker, be previewed, edited
 * (the column mapping) and applied later in one transaction (apply.ts).
 */
import type { CriterionInput, Estimate, ItemKind, ItemStatus, Priority } from '../schema.js';
import type { ScoreInputs } from '../prioritization/inputs.js';

export const IMPORT_FORMATS = ['jira-csv', 'linear-csv', 'github-json', 'board-json', 'csv', 'text'] as const;
/** Jira's and Linear's CSV exports, GitHub issues (REST or `gh --json`), this board's own JSON export, any other CSV/TSV, plain text or Markdown. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where an item came from. `key` is unique within its system: re-importing the same key updates the item. */
export interface ItemSource {
  system: 'jira' | 'linear' | 'github' | 'csv' | 'text' | 'board';
  key: string;
  url?: string;
  /** The tracker's own numeric id, when it has one (Jira's `Issue id`): its CSV importer matches on it. */
  issueId?: string;
  /** The title and estimate as the tracker had them at import: write-back sends only what changed since. */
  importedTitle?: string;
  importedEstimate?: Estimate | null;
}

/** The fields an import can set; what it leaves undefined stays as it is on an item that already exists. */
export interface PlannedFields {
  title: string;
  description?: string;
  kind?: ItemKind;
  status?: ItemStatus;
  priority?: Priority | null;
  estimate?: Estimate | null;
  labels?: string[];
  acceptanceCriteria?: CriterionInput[];
  archived?: boolean;
  /** Prioritization inputs (a board export carries them). */
  scoreInputs?: Partial<ScoreInputs>;
  /** When the tracker says it was created; used for items the import adds. */
  createdAt?: number;
  /** When the tracker last changed it; the added item's last change (what the stale-item review reads). */
  updatedAt?: number;
}

export interface PlannedItem {
  /** Where it is in the file, for messages: the CSV record's line, the JSON array index + 1, the text line. */
  row: number;
  source: ItemSource;
  fields: PlannedFields;
  /** The source key of its parent (an epic), in this plan or already on the board. */
  parentKey: string | null;
  /** The parent's system, when it differs from the item's own (a board export mixes systems). */
  parentSystem?: ItemSource['system'];
}

export interface ImportIssue {
  /** The row it concerns (as in PlannedItem.row), or null for the whole file. */
  row: number | null;
  message: string;
}

/** Board field -> the column it comes from (CSV formats). Absent: not imported. */
export const MAPPABLE_FIELDS = ['key', 'title', 'description', 'kind', 'status', 'priority', 'estimate', 'labels', 'parent', 'url'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
export type ColumnMapping = Partial<Record<MappableField, string>>;

export interface ImportPlan {
  format: ImportFormat;
  /** The file's columns, in order (CSV formats; empty otherwise). */
  columns: string[];
  /** The mapping used (CSV formats): detected, or as given in the options. */
  mapping: ColumnMapping;
  items: PlannedItem[];
  /** Row-level problems that did not stop the row: an unknown status, a title cut to the limit... */
  warnings: ImportIssue[];
  /** Problems that stop the import: applyImport refuses a plan that has any. */
  errors: ImportIssue[];
  /** Every priority value of the file, as written, and the MoSCoW priority it became (null: none). */
  priorities: Record<string, Priority | null>;
}
