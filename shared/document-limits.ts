/**
 * Limits on the shape of a board document. Readers in shared/ never recurse
 * into stored values, whoever wrote them, so that one client cannot make
 * every reader of a board throw or stall. The relay also refuses updates
 * that nest deeper than this: plain values from every writer
 * (server/update-scan.ts), shared types from members, whose updates it
 * decodes for the role policy (server/update-policy.ts); a facilitator's
 * update is not decoded, so its shared types are not checked.
 */

/** Shared types (maps, arrays, texts) nested below a top-level type. The board itself uses four. */
export const MAX_TYPE_DEPTH = 16;

/** Nesting of a plain JSON-like value stored in a map or array (objects within arrays within objects ...). */
export const MAX_VALUE_DEPTH = 32;
