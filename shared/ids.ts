/**
 * Random ids for items and acceptance criteria: fixed length, from the
 * platform's cryptographic generator (browsers and Node 20 both have
 * `globalThis.crypto`). 16 base-62 characters hold about 95 bits, so an id is
 * never made twice and a removed item's id is never reused.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const ID_LENGTH = 16;

export function newId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ID_LENGTH * 2));
    for (const byte of bytes) {
      // 248 = 4 * 62: rejecting the top bytes keeps every character equally likely.
      if (byte < 248 && id.length < ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
