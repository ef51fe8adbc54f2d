/**
 * applyImport: a checked plan into the board, in one transaction (one undo
 * step; all of it or, if anything is wrong, none of it).
 *
 * Each planned item's id comes from its source (source-ids.ts). An item the
 * board already has is updated: only fields that differ are written, so
 * importing the same file again changes nothing, and edits made here to
 * fields the file does not carry are kept. Existing items keep their place;
 * new ones go to `place` in the file's order.
 */
import * as Y from 'yjs';
import { itemsMap, stampSchema, type ItemMap } from '../board.js';
import { applyPatch } from '../items.js';
import type { ScoreInput } from '../prioritization/inputs.js';
import { BOTTOM, checkPlace, gapIndex, sortedEntries, writePlacement, type Place } from '../ordering.js';
import { checkPatch, type ItemPatch } from '../schema.js';
import { snapshotItem } from '../snapshot.js';
import { checkEstimateCard } from '../estimates.js';
import { importedItemId } from './source-ids.js';
import type { ImportPlan, ItemSource, PlannedItem } from './types.js';

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

export function applyImport(doc: Y.Doc, plan: ImportPlan, place: Place = BOTTOM): ImportResult {
  const steps = importSteps(doc, plan, place, Infinity);
  return steps.next() ?? { added: 0, updated: 0, unchanged: 0 };
}

/** Items per step of a large import: a few hundred kilobytes of update, tens of milliseconds of work. */
export const IMPORT_STEP_ITEMS = 500;

export interface ImportSteps {
  /** Items in the plan (after duplicates of one key are folded). */
  readonly total: number;
  /** Items written so far. */
  readonly done: number;
  /** Writes the next step in one transaction and returns what it did; null once everything is written. */
  next(): ImportResult | null;
}

/**
 * The same import in steps of `itemsPerStep` items, each its own transaction,
 * for large files: each step is one modest update (the relay bounds what one
 * update may hold, MAX_UPDATE_ENTRIES), and no step holds a page for long.
 * Everything is checked before the first step, so a bad plan writes nothing;
 * new items keep the file's order across steps, and links to parents that a
 * later step adds are written at once (readers show a missing parent as none
 * meanwhile). Stopping half-way leaves the first steps written; importing the
 * same plan again completes it, since ids come from the sources.
 */
export function importSteps(doc: Y.Doc, plan: ImportPlan, place: Place = BOTTOM, itemsPerStep = IMPORT_STEP_ITEMS): ImportSteps {
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.items) || !Array.isArray(plan.errors)) {
    throw new Error('applyImport: the plan must be what parseImport returned');
  }
  if (plan.errors.length > 0) {
    const first = plan.errors[0]!;
    throw new Error(`applyImport: the plan has ${plan.errors.length} error(s) and cannot be applied; the first: ${first.row === null ? '' : `row ${first.row}: `}${first.message}`);
  }
  if (!(itemsPerStep >= 1)) throw new Error(`applyImport: itemsPerStep must be 1 or more, got ${itemsPerStep}`);
  checkPlace(doc, place, []);
  const items = itemsMap(doc);
  const planned = new Map<string, PlannedItem>();
  for (const item of plan.items) {
    const context = `applyImport: row ${item.row}`;
    checkSource(item.source, context);
    const { createdAt, updatedAt, ...fields } = defined(item.fields);
    checkPatch(fields, context);
    checkEstimateCard(doc, fields.estimate, context);
    if (createdAt !== undefined && !Number.isFinite(createdAt)) throw new Error(`${context}: createdAt must be a number of milliseconds`);
    if (updatedAt !== undefined && !Number.isFinite(updatedAt)) throw new Error(`${context}: updatedAt must be a number of milliseconds`);
    const id = importedItemId(item.source);
    // The last row wins when a file lists one key twice, as a tracker's re-export would.
    planned.set(id, item);
  }
  const parentOf = (item: PlannedItem): string | null => {
    if (item.parentKey === null) return null;
    const id = importedItemId({ system: item.parentSystem ?? item.source.system, key: item.parentKey });
    return planned.has(id) || items.has(id) ? id : null;
  };
  const queue = [...planned];
  let done = 0;
  // Where the next new items go: the place asked for, then after the last item a step added.
  let anchor = place;
  return {
    total: queue.length,
    get done() {
      return done;
    },
    next() {
      if (done >= queue.length) return null;
      const batch = queue.slice(done, done + Math.min(itemsPerStep, queue.length));
      done += batch.length;
      const entries = sortedEntries(doc);
      const gap = gapIndex(entries, anchor);
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
      const added: string[] = [];
      const now = Date.now();
      doc.transact(() => {
        stampSchema(doc);
        for (const [id, item] of batch) {
          const { createdAt, updatedAt, ...fields } = defined(item.fields);
          const parent = parentOf(item);
          const existing = items.get(id);
          if (existing === undefined) {
            const map = new Y.Map<unknown>();
            items.set(id, map);
            applyPatch(map, { description: '', kind: 'story', status: 'new', labels: [], acceptanceCriteria: [], ...fields, ...(parent ? { parent } : {}) });
            map.set('source', sourceValue(item.source));
            map.set('createdAt', createdAt ?? now);
            // The tracker's last change, not the import's: a copy is not a touch (the stale-item review reads it).
            map.set('updatedAt', updatedAt ?? createdAt ?? now);
            added.push(id);
            result.added++;
            continue;
          }
          const patch = changedFields(existing, id, { ...fields, ...(parent ? { parent } : {}) });
          const sourceChanged = JSON.stringify(existing.get('source')) !== JSON.stringify(sourceValue(item.source));
          if (Object.keys(patch).length === 0 && !sourceChanged) {
            result.unchanged++;
            continue;
          }
          applyPatch(existing, patch);
          if (sourceChanged) existing.set('source', sourceValue(item.source));
          if (Object.keys(patch).length > 0) existing.set('updatedAt', now);
          result.updated++;
        }
        if (added.length > 0) writePlacement(doc, entries, gap, added);
      });
      if (added.length > 0) anchor = { after: added[added.length - 1]! };
      return result;
    },
  };
}

/** The fields the plan gives a value for: undefined means "leave as it is". */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function checkSource(source: unknown, context: string): asserts source is ItemSource {
  const value = source as Partial<ItemSource> | null;
  if (typeof value !== 'object' || value === null || typeof value.system !== 'string' || typeof value.key !== 'string' || value.key === '') {
    throw new Error(`${context}: source must name a system and a non-empty key`);
  }
}

/** The source as stored on the item: a plain value (one map entry), optional parts left out. */
function sourceValue(source: ItemSource): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
}

/** The planned fields that differ from what the item holds. */
function changedFields(item: ItemMap, id: string, fields: ItemPatch): ItemPatch {
  const now = snapshotItem(id, item);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields) as [keyof ItemPatch, unknown][]) {
    if (value === undefined) continue;
    const current: unknown =
      field === 'acceptanceCriteria'
        ? now.acceptanceCriteria.map(({ text, done }) => ({ text, done }))
        : field === 'scoreInputs'
          ? Object.fromEntries(Object.keys(value as object).map((input) => [input, now.scoreInputs[input as ScoreInput]]))
          : now[field];
    const wanted: unknown =
      field === 'acceptanceCriteria'
        ? (value as { text: string; done?: boolean }[]).map(({ text, done }) => ({ text, done: done ?? false }))
        : field === 'labels'
          ? [...(value as string[])].sort()
          : value;
    if (JSON.stringify(current) !== JSON.stringify(wanted)) patch[field] = value;
  }
  return patch as ItemPatch;
}
