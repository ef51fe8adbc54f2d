/** Boards opened on this device, newest first, kept in localStorage. */
export interface RecentBoard {
  id: string;
  title: string;
  openedAt: number;
}

const KEY = 'refinement-board.recent';
const LIMIT = 20;

export function recentBoards(): RecentBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentBoard[];
    return Array.isArray(list) ? list.filter((b) => typeof b?.id === 'string').sort((a, b) => b.openedAt - a.openedAt) : [];
  } catch {
    return [];
  }
}

export function rememberBoard(id: string, title: string): void {
  const others = recentBoards().filter((board) => board.id !== id);
  localStorage.setItem(KEY, JSON.stringify([{ id, title, openedAt: Date.now() }, ...others].slice(0, LIMIT)));
}

export function forgetBoard(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(recentBoards().filter((board) => board.id !== id)));
}

/** A title typed on the home page, handed to the new board's page once. */
const PENDING = 'refinement-board.new-title:';
export function setPendingTitle(id: string, title: string): void {
  sessionStorage.setItem(PENDING + id, title);
}
export function takePendingTitle(id: string): string | null {
  const title = sessionStorage.getItem(PENDING + id);
  sessionStorage.removeItem(PENDING + id);
  return title;
}
