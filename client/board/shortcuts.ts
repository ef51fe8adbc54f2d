/** The keyboard shortcuts, listed once for the help overlay and matched by the board page. */
export const SHORTCUTS: [keys: string, action: string][] = [
  ['↑ ↓  or  k j', 'Move focus up or down'],
  ['Shift + ↑ ↓', 'Extend the selection'],
  ['x', 'Select or unselect the focused item'],
  ['Enter  or  o', 'Open the focused item'],
  ['Alt + ↑ ↓', 'Move the selected items up or down'],
  ['Space, ↑ ↓, Space', 'Pick up an item, move it, drop it (Escape cancels)'],
  ['n', 'New item below the focused one'],
  ['e', 'Archive or unarchive the selected items'],
  ['Delete', 'Delete the selected items (with undo)'],
  ['/', 'Search'],
  ['Ctrl/⌘ + Z', 'Undo your last change'],
  ['Shift + Ctrl/⌘ + Z', 'Redo'],
  ['Escape', 'Close the panel, then clear the selection'],
  ['?', 'Show this help'],
];

/** True when the key event comes from a place where typing means text, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
