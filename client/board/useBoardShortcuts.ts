/**
 * The board's keyboard shortcuts (listed for people in shortcuts.ts): which
 * key runs which command. The commands themselves live with the state they
 * change; this hook only routes keys, and stays out of the way while the
 * person types, drags by keyboard or has a dialog open.
 */
import { useEffect, useRef } from 'react';
import { isTyping } from './shortcuts.js';

export interface BoardCommands {
  /** Focus the next or previous row; `extend` grows the selection. */
  step: (direction: -1 | 1, extend: boolean) => void;
  /** Focus the first or last row. */
  jump: (to: 'first' | 'last', extend: boolean) => void;
  /** Move the selected rows one step as a block. */
  moveBlock: (direction: -1 | 1) => void;
  toggleFocused: () => void;
  openFocused: () => void;
  newItem: () => void;
  archive: () => void;
  remove: () => void;
  search: () => void;
  help: () => void;
  escape: () => void;
  undo: () => void;
  redo: () => void;
}

/**
 * @param paused  true while a dialog is open or an item is being dragged by
 *                keyboard (dnd-kit owns the keys then)
 */
export function useBoardShortcuts(commands: BoardCommands, paused: () => boolean): void {
  // The listener is added once; it reads the latest commands through refs.
  const latest = useRef({ commands, paused });
  latest.current = { commands, paused };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { commands: run, paused: isPaused } = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const target = event.target as HTMLElement | null;
      if (mod && (event.key === 'z' || event.key === 'Z' || event.key === 'y')) {
        // Plain text boxes (search, composer) keep the browser's own undo; bound fields use the board's.
        if (isTyping(target) && target?.dataset?.bound !== 'yjs') return;
        event.preventDefault();
        if (event.key === 'y' || event.shiftKey) run.redo();
        else run.undo();
        return;
      }
      if (mod || isTyping(target) || isPaused()) return;
      // Enter on a button or link presses it, as anywhere else.
      if (event.key === 'Enter' && target?.closest('button, a, summary')) return;
      const handled = route(event, run);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Runs the command for a key; returns whether the key was a shortcut whose default should not happen. */
function route(event: KeyboardEvent, run: BoardCommands): boolean {
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
    case 'ArrowUp':
    case 'k': {
      const direction = event.key === 'ArrowDown' || event.key === 'j' ? 1 : -1;
      if (event.altKey) run.moveBlock(direction);
      else run.step(direction, event.shiftKey);
      return true;
    }
    case 'Home':
    case 'End':
      run.jump(event.key === 'Home' ? 'first' : 'last', event.shiftKey);
      return true;
    case 'x':
      run.toggleFocused();
      return false;
    case 'Enter':
    case 'o':
      run.openFocused();
      return true;
    case 'n':
      run.newItem();
      return true;
    case 'e':
      run.archive();
      return false;
    case 'Delete':
    case 'Backspace':
      run.remove();
      return false;
    case '/':
      run.search();
      return true;
    case '?':
      run.help();
      return false;
    case 'Escape':
      run.escape();
      return false;
    default:
      return false;
  }
}
