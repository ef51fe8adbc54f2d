/**
 * Stale items: open items nobody has changed for the board's period
 * (settings.ts). Keeping one resets its clock and notes who decided, on the
 * item itself (`keptBy`, `keptAt`), so the next review knows.
 */
import type * as Y from 'yjs';
import { requireItems } from '../items.js';
import { stampSchema } from '../board.js';
import { MAX_LABEL_LENGTH, checkLine } from '../schema.js';
import type { ItemSnapshot } from '../snapshot.js';

const DAY_MS = 86_400_000;

/** When an item last changed: its last edit, else its creation; 0 when neither is known. */
export function lastChange(item: ItemSnapshot): number {
  return item.updatedAt ?? item.createdAt ?? 0;
}

/** Open items not changed for `days`, the longest untouched first. */
export function staleItems(items: readonly ItemSnapshot[], { now, days }: { now: number; days: number }): ItemSnapshot[] {
  const before = now - days * DAY_MS;
  return items.filter((item) => !item.archived && item.status !== 'done' && lastChange(item) < before).sort((a, b) => lastChange(a) - lastChange(b));
}

/** Keeps stale items: their clock restarts now, with a note of who decided. One transaction. */
export function keepItems(doc: Y.Doc, ids: string[], { by }: { by: string }, now: number): void {
  const items = requireItems(doc, ids, 'keepItems');
  checkLine('by', by, MAX_LABEL_LENGTH);
  if (items.length === 0) return;
  doc.transact(() => {
    stampSchema(doc);
    for (const item of items) {
      item.set('updatedAt', now);
      item.set('keptBy', by);
      item.set('keptAt', now);
    }
  });
}
