/**
 * The requests filed from this browser, per board, so that the request form
 * can show a requester what became of theirs (a requester sees nothing else).
 */
const KEY = 'refinement-board.my-requests:';

export function myRequestIds(boardId: string): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY + boardId) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberMyRequest(boardId: string, id: string): void {
  localStorage.setItem(KEY + boardId, JSON.stringify([...myRequestIds(boardId), id].slice(-200)));
}
