import { useState } from 'react';
import { NEXT_THEME, applyTheme, loadTheme, type Theme } from './theme.js';

const LABELS: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };
const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(loadTheme);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={LABELS[theme]}
      title={`${LABELS[theme]} (click to change)`}
      onClick={() => {
        const next = NEXT_THEME[theme];
        applyTheme(next);
        setTheme(next);
      }}
    >
      {ICONS[theme]}
    </button>
  );
}
