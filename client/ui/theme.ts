/** Light, dark or the system's choice, remembered on this device. */
export type Theme = 'system' | 'light' | 'dark';
const KEY = 'refinement-board.theme';

export function loadTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  localStorage.setItem(KEY, theme);
}

export const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** Whether the page shows dark right now: the chosen theme, else the system's. */
export function isDarkNow(): boolean {
  const chosen = document.documentElement.getAttribute('data-theme');
  return chosen ? chosen === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
}
