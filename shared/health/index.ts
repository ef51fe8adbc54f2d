/** Backlog health: the definition of ready, stale items, and the health view's figures. */
export {
  DEFAULT_DEFINITION_OF_READY,
  DEFAULT_STALE_AFTER_DAYS,
  DEFAULT_TOP_ITEMS,
  definitionOfReady,
  setDefinitionOfReady,
  staleAfterDays,
  setStaleAfterDays,
  healthTopItems,
  setHealthTopItems,
  healthMap,
  type DefinitionOfReady,
} from './settings.js';
export { staleItems, keepItems, lastChange } from './staleness.js';
export { backlogHealth, AGE_BUCKETS, type BacklogHealth } from './summary.js';
