/**
 * The two top-level maps of a board document and the board's own fields.
 *
 *   doc.getMap('meta')   schemaVersion (number), title (string)
 *   doc.getMap('items')  item id -> Y.Map of the item's fields
 */
import * as Y from 'yjs';
import { MAX_TITLE_LENGTH, SCHEMA_VERSION, checkLine } from './schema.js';

export type ItemMap = Y.Map<unknown>;

export const META_ROOT = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_ROOT);
}

export function itemsMap(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap('items');
}

/**
 * Marks the document with the schema version on its first write. Writing the
 * same value again from another replica is harmless, so this needs no
 * coordination and seeds no content.
 */
export function stampSchema(doc: Y.Doc): void {
  const meta = metaMap(doc);
  if (meta.get(SCHEMA_VERSION_KEY) === undefined) meta.set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
}

/** The schema version the document says it follows, or null when nothing was written yet. */
export function schemaVersion(doc: Y.Doc): number | null {
  const value = metaMap(doc).get('schemaVersion');
  return typeof value === 'number' ? value : null;
}

export function boardTitle(doc: Y.Doc): string {
  const value = metaMap(doc).get('title');
  return typeof value === 'string' ? value : '';
}

export function setBoardTitle(doc: Y.Doc, title: string): void {
  checkLine('board title', title, MAX_TITLE_LENGTH);
  doc.transact(() => {
    stampSchema(doc);
    metaMap(doc).set('title', title);
  });
}
