/** Where an item came from, read leniently (null for an item made on the board or a malformed value). */
import type * as Y from 'yjs';
import { itemsMap } from '../board.js';
import type { ItemSource } from './types.js';

export const SOURCE_SYSTEMS: readonly ItemSource['system'][] = ['jira', 'linear', 'github', 'csv', 'text', 'board'];

export function itemSource(doc: Y.Doc, id: string): ItemSource | null {
  const value = itemsMap(doc).get(id)?.get('source');
  if (typeof value !== 'object' || value === null) return null;
  const { system, key, url } = value as Partial<ItemSource>;
  if (typeof system !== 'string' || !SOURCE_SYSTEMS.includes(system) || typeof key !== 'string' || key === '') return null;
  // Only web links: a URL from a file must not become a javascript: link.
  const safeUrl = typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
  return { ...(value as ItemSource), ...(safeUrl ? { url: safeUrl } : { url: undefined }) };
}
