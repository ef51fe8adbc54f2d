/**
 * Which rows are selected and which one has the keyboard focus (a roving
 * focus: one row is tabbable, the arrows move it). Local to this tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';

export interface Selection {
  /** Every selected id, as picked. */
  set: ReadonlySet<string>;
  /** Selected ids that are in view, in backlog order (selections of removed or hidden items are forgotten). */
  selected: string[];
  focusedId: string | null;
  /** What a command acts on: the selection, else the focused row. */
  targets: () => string[];
  /** Moves the focus to a row (scrolling it into view); `extend` selects the range from the anchor. */
  focusRow: (id: string, options?: { extend?: boolean }) => void;
  /** Selects just this row (a plain click). */
  single: (id: string) => void;
  /** Adds or removes a row (Ctrl/⌘-click, x). */
  toggle: (id: string) => void;
  clear: () => void;
}

export function useSelection(visible: readonly ItemSnapshot[], scrollTo: (index: number) => void): Selection {
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusAfterRender = useRef(false);

  const selected = useMemo(() => visible.filter((item) => selection.has(item.id)).map((item) => item.id), [visible, selection]);
  const visibleIds = useMemo(() => new Set(visible.map((item) => item.id)), [visible]);
  const targets = useCallback(
    () => (selected.length > 0 ? selected : focusedId !== null && visibleIds.has(focusedId) ? [focusedId] : []),
    [selected, focusedId, visibleIds],
  );

  const focusRow = useCallback(
    (id: string, options: { extend?: boolean } = {}) => {
      setFocusedId(id);
      const index = visible.findIndex((item) => item.id === id);
      if (options.extend && anchorId) {
        const from = visible.findIndex((item) => item.id === anchorId);
        const [lo, hi] = from < index ? [from, index] : [index, from];
        setSelection(new Set(visible.slice(lo, hi + 1).map((item) => item.id)));
      } else if (!options.extend) {
        setAnchorId(id);
      }
      if (index >= 0) scrollTo(index);
      focusAfterRender.current = true;
    },
    [anchorId, visible, scrollTo],
  );

  // The virtualizer renders a row scrolled to on the next frame; focus it then.
  useEffect(() => {
    if (!focusAfterRender.current || focusedId === null) return;
    focusAfterRender.current = false;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusedId)}"][role="option"]`)?.focus());
  });

  const single = useCallback((id: string) => {
    setSelection(new Set([id]));
    setFocusedId(id);
    setAnchorId(id);
  }, []);

  const toggle = useCallback((id: string) => {
    setSelection((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setFocusedId(id);
    setAnchorId(id);
  }, []);

  const clear = useCallback(() => setSelection(new Set()), []);

  return { set: selection, selected, focusedId, targets, focusRow, single, toggle, clear };
}
