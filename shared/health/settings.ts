/**
 * The board's backlog-health settings: its definition of ready, when an
 * item counts as stale, and how many items the health view calls "the top".
 *
 * Layout: `doc.getMap('health')`, one key per setting, so that two people
 * changing different rules at once both keep theirs:
 *
 *   acceptanceCriteria, estimate, priority, description   boolean: whether ready needs it
 *   openQuestions    boolean: whether ready needs every open question in the item's comments answered
 *                    (resolved or unmarked); newer, absent on older boards (default true)
 *   maxEstimate      number of points a ready item's estimate may not exceed; null: no limit
 *   staleAfterDays   whole days without a change after which an open item is stale
 *   topItems         how many items from the top the health view checks
 *
 * A setting never written has its default (DEFAULT_DEFINITION_OF_READY,
 * 270 days, 20 items).
 */
import type * as Y from 'yjs';
import { stampSchema } from '../board.js';

export interface DefinitionOfReady {
  acceptanceCriteria: boolean;
  estimate: boolean;
  /** Points; null for no limit. */
  maxEstimate: number | null;
  priority: boolean;
  description: boolean;
  /** No open question left in the item's comments. */
  openQuestions: boolean;
}

export const DEFAULT_DEFINITION_OF_READY: DefinitionOfReady = { acceptanceCriteria: true, estimate: true, maxEstimate: 13, priority: true, description: true, openQuestions: true };
/** Three quarters: "if an item has not been touched in three consecutive quarters, archive it". */
export const DEFAULT_STALE_AFTER_DAYS = 270;
/** About two sprints' worth of a typical team's items. */
export const DEFAULT_TOP_ITEMS = 20;

const RULES = ['acceptanceCriteria', 'estimate', 'maxEstimate', 'priority', 'description', 'openQuestions'] as const;

export function healthMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('health');
}

export function definitionOfReady(doc: Y.Doc): DefinitionOfReady {
  const settings = healthMap(doc);
  const flag = (key: Exclude<keyof DefinitionOfReady, 'maxEstimate'>) => {
    const value = settings.get(key);
    return typeof value === 'boolean' ? value : DEFAULT_DEFINITION_OF_READY[key];
  };
  const max = settings.get('maxEstimate');
  return {
    acceptanceCriteria: flag('acceptanceCriteria'),
    estimate: flag('estimate'),
    maxEstimate: max === null ? null : typeof max === 'number' && max > 0 ? max : DEFAULT_DEFINITION_OF_READY.maxEstimate,
    priority: flag('priority'),
    description: flag('description'),
    openQuestions: flag('openQuestions'),
  };
}

/** Changes some rules of the definition of ready; the others stay as they are. */
export function setDefinitionOfReady(doc: Y.Doc, patch: Partial<DefinitionOfReady>): void {
  if (typeof patch !== 'object' || patch === null) throw new Error('setDefinitionOfReady: give an object of rules');
  for (const [rule, value] of Object.entries(patch)) {
    if (!(RULES as readonly string[]).includes(rule)) throw new Error(`setDefinitionOfReady: unknown rule ${JSON.stringify(rule)}; use ${RULES.join(', ')}`);
    if (rule === 'maxEstimate') {
      if (value !== null && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new Error(`setDefinitionOfReady: maxEstimate must be a number of points above 0, or null; got ${JSON.stringify(value)}`);
    } else if (typeof value !== 'boolean') throw new Error(`setDefinitionOfReady: ${rule} must be true or false`);
  }
  doc.transact(() => {
    stampSchema(doc);
    for (const [rule, value] of Object.entries(patch)) healthMap(doc).set(rule, value);
  });
}

function wholeNumber(doc: Y.Doc, key: string, fallback: number): number {
  const value = healthMap(doc).get(key);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

function setWholeNumber(doc: Y.Doc, key: string, value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${what} must be a whole number from 1 to ${max}; got ${value}`);
  doc.transact(() => {
    stampSchema(doc);
    healthMap(doc).set(key, value);
  });
}

export const staleAfterDays = (doc: Y.Doc): number => wholeNumber(doc, 'staleAfterDays', DEFAULT_STALE_AFTER_DAYS);
export const setStaleAfterDays = (doc: Y.Doc, days: number): void => setWholeNumber(doc, 'staleAfterDays', days, 3650, 'days');
export const healthTopItems = (doc: Y.Doc): number => wholeNumber(doc, 'topItems', DEFAULT_TOP_ITEMS);
export const setHealthTopItems = (doc: Y.Doc, count: number): void => setWholeNumber(doc, 'topItems', count, 1000, 'the number of top items');
