/**
 * Bringing a backlog in: detect the format, parse to a plan (pure, no
 * document), apply the plan in one transaction. docs/import-export.md has
 * the formats and the mapping tables.
 */
export { detectFormat } from './detect.js';
export { decodeImportBytes } from './decode.js';
export { parseImport, MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, type ParseOptions } from './parse.js';
export { applyImport, importSteps, IMPORT_STEP_ITEMS, type ImportResult, type ImportSteps } from './apply.js';
export { importedItemId } from './source-ids.js';
export { itemSource, SOURCE_SYSTEMS } from './source.js';
export { KIND_BY_TYPE, PRIORITY_BY_NAME, STATUS_BY_NAME } from './fields.js';
export {
  IMPORT_FORMATS,
  MAPPABLE_FIELDS,
  type ColumnMapping,
  type ImportFormat,
  type ImportIssue,
  type ImportPlan,
  type ItemSource,
  type MappableField,
  type PlannedFields,
  type PlannedItem,
} from './types.js';
