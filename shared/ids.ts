/**
 * Random ids for items and acceptance criteria: fixed length, from the
 * platform's cryptographic generator (browsers and Node 20 both have
 * `globalThis.crypto`). 16 base-62 characters hold about 95 bits, so an id is
 * never made twice and a removed item's id is never reused.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const ID_LENGTH = 16;

/** Board ids are longer: 22 characters, about 131 bits, so a board's link cannot be guessed. */
export const BOARD_ID_LENGTH = 22;

export function randomId(length: number): string {
  let id = '';
  while (id.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      // 248 = 4 * 62: rejecting the top bytes keeps every character equally likely.
      if (byte < 248 && id.length < length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

export function newId(): string {
  return randomId(ID_LENGTH);
}

export function newBoardId(): string {
  return randomId(BOARD_ID_LENGTH);
}
