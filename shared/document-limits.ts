/**
 * Limits on the shape of a board document, for every writer. Readers in
 * shared/ never recurse into stored values, and the relay refuses updates
 * that would nest deeper than this (server/update-scan.ts for plain values,
 * server/update-policy.ts for shared types), so that one client cannot make
 * every reader of a board throw or stall.
 */

/** Shared types (maps, arrays, texts) nested below a top-level type. The board itself uses four. */
export const MAX_TYPE_DEPTH = 16;

/** Nesting of a plain JSON-like value stored in a map or array (objects within arrays within objects ...). */
export const MAX_VALUE_DEPTH = 32;
