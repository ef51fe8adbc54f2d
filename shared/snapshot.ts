/**
 * Reading items into plain objects. Lenient by design: items written by other
 * software may lack fields or hold values of the wrong type, and a reader
 * shows them with defaults rather than failing.
 */
import * as Y from 'yjs';
import type { ItemMap } from './board.js';
import { readScoreInputs, type ScoreInputs } from './prioritization/inputs.js';
import { readDependencies } from './planning/dependency-keys.js';
import {
  DEFAULT_KIND,
  DEFAULT_STATUS,
  ITEM_KINDS,
  ITEM_STATUSES,
  PRIORITIES,
  isEstimate,
  type Criterion,
  type Estimate,
  type ItemKind,
  type ItemStatus,
  type Priority,
} from './schema.js';

export interface ItemSnapshot {
  id: string;
  title: string;
  description: string;
  /** The raw order key as stored; may be malformed when another program wrote it. */
  order: string;
  kind: ItemKind;
  status: ItemStatus;
  estimate: Estimate | null;
  priority: Priority | null;
  labels: string[];
  acceptanceCriteria: Criterion[];
  parent: string | null;
  archived: boolean;
  createdAt: number | null;
  createdBy: string | null;
  updatedAt: number | null;
  /** Prioritization inputs as set by people; null where not set (computed defaults are not here). */
  scoreInputs: ScoreInputs;
  /** Who last kept this item in a stale-item review, and when (health/staleness.ts). */
  keptBy: string | null;
  keptAt: number | null;
  /** The sprint it is committed to, and who put it there (planning/sprints.ts); null: the product backlog. */
  sprint: string | null;
  sprintBy: string | null;
  /** When it entered its sprint or went back to the product backlog (ms); null: not known (an older app). */
  sprintAt: number | null;
  /** When it became done (ms), while it is done; null otherwise or when not known (an older app, an import). */
  doneAt: number | null;
  /** The items it waits for (planning/dependencies.ts), sorted. */
  dependsOn: string[];
  /** The item it was merged into as a duplicate (refinement/merge.ts); null when it was not. */
  duplicateOf: string | null;
}

/** Text fields are Y.Text; a plain string written by other software is read too. */
export function readText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** The order key used for sorting: anything that is not a string sorts as the empty key. */
export function readOrder(item: ItemMap): string {
  const order = item.get('order');
  return typeof order === 'string' ? order : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function readLabels(value: unknown): string[] {
  if (value instanceof Y.Map) {
    return [...value.keys()].sort();
  }
  return [];
}

function readCriteria(value: unknown): Criterion[] {
  if (!(value instanceof Y.Array)) return [];
  const out: Criterion[] = [];
  value.forEach((entry: unknown, index) => {
    if (!(entry instanceof Y.Map)) return;
    const id = entry.get('id');
    out.push({
      id: typeof id === 'string' ? id : `#${index}`,
      text: readText(entry.get('text')),
      done: entry.get('done') === true,
    });
  });
  return out;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function snapshotItem(id: string, item: ItemMap): ItemSnapshot {
  const estimate = item.get('estimate');
  const priority = item.get('priority');
  const status = oneOf(item.get('status'), ITEM_STATUSES, DEFAULT_STATUS);
  return {
    id,
    title: readText(item.get('title')),
    description: readText(item.get('description')),
    order: readOrder(item),
    kind: oneOf(item.get('kind'), ITEM_KINDS, DEFAULT_KIND),
    status,
    estimate: isEstimate(estimate) ? estimate : null,
    priority: typeof priority === 'string' && (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : null,
    labels: readLabels(item.get('labels')),
    acceptanceCriteria: readCriteria(item.get('acceptanceCriteria')),
    parent: stringOrNull(item.get('parent')),
    archived: item.get('archived') === true,
    createdAt: numberOrNull(item.get('createdAt')),
    createdBy: stringOrNull(item.get('createdBy')),
    updatedAt: numberOrNull(item.get('updatedAt')),
    scoreInputs: readScoreInputs(item),
    keptBy: stringOrNull(item.get('keptBy')),
    keptAt: numberOrNull(item.get('keptAt')),
    sprint: stringOrNull(item.get('sprint')),
    sprintBy: stringOrNull(item.get('sprintBy')),
    sprintAt: numberOrNull(item.get('sprintAt')),
    // A reopen and a concurrent "done" elsewhere can leave a doneAt beside another status: it then means nothing.
    doneAt: status === 'done' ? numberOrNull(item.get('doneAt')) : null,
    duplicateOf: stringOrNull(item.get('duplicateOf')),
    dependsOn: readDependencies(item),
  };
}
