/** Where an item came from, read leniently (null for an item made on the board or a malformed value). */
import type * as Y from 'yjs';
import { itemsMap } from '../board.js';
import type { ItemSource } from './types.js';

export const SOURCE_SYSTEMS: readonly ItemSource['system'][] = ['jira', 'linear', 'github', 'csv', 'text', 'board'];

/** Only web links: an address from a file must never become a `javascript:` link. */
export function webUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : undefined;
}

/** A stored (or exported) source value, or null when it is not one. */
export function readItemSource(value: unknown): ItemSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const { system, key, url } = value as Partial<ItemSource>;
  if (typeof system !== 'string' || !SOURCE_SYSTEMS.includes(system) || typeof key !== 'string' || key === '') return null;
  const safe = webUrl(url);
  const source = { ...(value as ItemSource) };
  delete source.url;
  return safe ? { ...source, url: safe } : source;
}

export function itemSource(doc: Y.Doc, id: string): ItemSource | null {
  return readItemSource(itemsMap(doc).get(id)?.get('source'));
}
