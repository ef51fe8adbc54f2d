/**
 * The board document model: pure functions over a Y.Doc, shared by the
 * client, the relay and the tests. This file is the public contract;
 * docs/document-format.md describes it for integrations.
 */
export type { Place } from './ordering.js';
export { addItem, updateItem, updateItems, removeItem, removeItems, setArchived, splitItem } from './items.js';
export { editText, replaceText, textAt, type TextTarget } from './text.js';
export { estimateCards } from './estimates.js';
export { readinessGaps, type ReadinessGap, type ReadinessContext } from './readiness.js';
export { moveItem, moveItems, orderedItems, orderedIds } from './ordering.js';
export type { ItemSnapshot } from './snapshot.js';
export { boardTitle, setBoardTitle, schemaVersion, itemsMap, metaMap } from './board.js';
export { newBoardId } from './ids.js';
export { MAX_KEY_LENGTH, isValidOrderKey } from './order-keys.js';
export { MAX_TYPE_DEPTH, MAX_VALUE_DEPTH } from './document-limits.js';
export {
  SCHEMA_VERSION,
  MAX_TITLE_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_ESTIMATE_LENGTH,
  ITEM_KINDS,
  ITEM_STATUSES,
  PRIORITIES,
  type ItemKind,
  type ItemStatus,
  type Priority,
  type Estimate,
  type Criterion,
  type CriterionInput,
  type ItemFields,
  type ItemPatch,
  type NewItemFields,
} from './schema.js';
export * from './grooming/index.js';
export * from './import/index.js';
export * from './export/index.js';
export * from './prioritization/index.js';
export * from './intake/index.js';
export * from './health/index.js';
export * from './planning/index.js';
export * from './discussion/index.js';
export * from './refinement/index.js';
