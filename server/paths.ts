/** Board ids, and the URL paths that carry them. */
export const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The page of a board. */
export const BOARD_PATH = /^\/b\/[A-Za-z0-9_-]{1,64}(\/request)?\/?$/;

/** The WebSocket endpoint of a board: the stock client appends the board id to `ws://host/sync`. */
export function boardFromSyncPath(path: string): string | null {
  const match = /^\/sync\/([^/]*)$/.exec(path);
  if (match === null) return null;
  const id = match[1]!;
  return BOARD_ID.test(id) ? id : null;
}
