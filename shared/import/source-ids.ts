/**
 * An imported item's id comes from where it came from, not from chance: the
 * same issue imported on two devices at once (or twice while offline) gets
 * the same id, so when the replicas merge the board holds one item, not two.
 * Random ids cannot converge that way. 16 base-62 characters of SHA-256 over
 * the system and key, the same length as random ids (ids.ts). Items from a
 * board's own JSON export keep their ids, which are already unique.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ID_LENGTH } from '../ids.js';
import type { ItemSource } from './types.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function importedItemId(source: Pick<ItemSource, 'system' | 'key'>): string {
  // An item that came from this board's own export keeps the id it had.
  if (source.system === 'board') return source.key;
  const digest = sha256(new TextEncoder().encode(`${source.system}\u0000${source.key}`));
  let id = '';
  // 32 bytes give 32 characters at most; 16 are taken (about 95 bits, as random ids).
  for (const byte of digest) {
    if (id.length === ID_LENGTH) break;
    id += ALPHABET[byte % 62];
  }
  return id;
}
