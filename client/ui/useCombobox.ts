/**
 * The state and keys of an editable combobox with a listbox popup, after the
 * WAI-ARIA pattern "combobox with list autocomplete and automatic
 * selection": typing filters and highlights the first match, ↓ ↑ move the
 * highlight (aria-activedescendant; focus stays in the text box), Enter
 * picks, Escape closes and puts back the chosen value, leaving the box
 * closes without picking. While closed the box shows the chosen value, and
 * a letter typed starts a search with it; opened, the box holds the search,
 * with that value as its placeholder.
 *
 * Also the matching such a box uses: by words, ignoring case and accents.
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type HTMLAttributes, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { displayText } from './text.js';

/** Text as matched: without direction controls, accents or case ("Émile" → "emile"). */
export function foldText(text: string): string {
  return displayText(text).normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The words of a query, folded. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * How `words` (folded, from queryWords) match `folded` (a folded text): 0
 * when each begins a word of it, 1 when some are only inside a word, null
 * when some are not in it at all. No words match everything, with 0.
 */
export function matchWords(folded: string, words: readonly string[]): 0 | 1 | null {
  let inside = false;
  for (const word of words) {
    const at = folded.indexOf(word);
    if (at < 0) return null;
    if (!inside && !startsWord(folded, word, at)) inside = true;
  }
  return inside ? 1 : 0;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function startsWord(folded: string, word: string, from: number): boolean {
  for (let at = from; at >= 0; at = folded.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHARACTER.test(folded[at - 1]!)) return true;
  }
  return false;
}

export interface ComboboxFound<T> {
  /** The options to list, best first (already cut to what is worth rendering). */
  options: readonly T[];
  /** How many match in all (more than options.length when cut). */
  total: number;
}

export interface ComboboxConfig<T> {
  /** The text box's id; the listbox and options take ids after it. */
  id: string;
  /** The chosen value's name, shown while closed ('' for none). */
  value: string;
  /** The options for a query ('' lists all). Keep it stable (useCallback): it runs again when it changes. */
  search: (query: string) => ComboboxFound<T>;
  keyOf: (option: T) => string;
  /** The chosen option's key: highlighted when the list opens without a query. */
  selectedKey: string;
  onPick: (option: T) => void;
}

export function useCombobox<T>({ id, value, search, keyOf, selectedKey, onPick }: ComboboxConfig<T>) {
  const [open, setOpen] = useState(false);
  /** What the person typed since opening; null: nothing yet (every option is listed). */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const found = useMemo(() => (open ? search(query ?? '') : { options: [], total: 0 }), [open, search, query]);
  const { options } = found;
  // Options can change under the highlight (someone else renamed or added an item): keep it in range.
  const activeIndex = options.length === 0 ? -1 : Math.min(active, options.length - 1);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, open]);

  const openList = (highlight: 'selected' | 'last') => {
    const listed = search('').options;
    const selected = listed.findIndex((option) => keyOf(option) === selectedKey);
    setActive(highlight === 'last' ? listed.length - 1 : Math.max(selected, 0));
    setQuery(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const pick = (index: number) => {
    const option = options[index];
    if (option === undefined) return;
    close();
    onPick(option);
  };
  /** Moves the highlight by one, around the ends; from no highlight, to the first or the last. */
  const move = (by: 1 | -1) => {
    const count = options.length;
    if (count > 0) setActive(activeIndex < 0 ? (by > 0 ? 0 : count - 1) : (activeIndex + by + count) % count);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          if (!open) openList('selected');
          else if (event.altKey) return true;
          else move(1);
          return true;
        case 'ArrowUp':
          if (!open) openList(event.altKey ? 'selected' : 'last');
          else if (event.altKey) close();
          else move(-1);
          return true;
        case 'PageDown':
        case 'PageUp':
          if (!open || activeIndex < 0) return false;
          setActive(Math.max(0, Math.min(options.length - 1, activeIndex + (event.key === 'PageDown' ? 10 : -10))));
          return true;
        case 'Enter':
          if (!open || activeIndex < 0) return false;
          pick(activeIndex);
          return true;
        case 'Escape':
          // Closed, Escape is the page's (it closes the panel, for one).
          if (!open) return false;
          close();
          return true;
        case 'Backspace':
        case 'Delete':
          if (open) return false;
          openList('selected');
          return true;
        default:
          // Closed, the box shows the chosen value: a letter typed starts a search with it, wherever the caret is.
          if (open || [...event.key].length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return false;
          setQuery(event.key);
          setActive(0);
          setOpen(true);
          return true;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const inputProps = {
    id,
    role: 'combobox',
    type: 'text',
    autoComplete: 'off',
    spellCheck: false,
    'aria-autocomplete': 'list',
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open && activeIndex >= 0 ? optionId(activeIndex) : undefined,
    value: open ? (query ?? '') : value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setQuery(event.target.value);
      setActive(0);
      setOpen(true);
    },
    onKeyDown,
    // Focused by keyboard the whole value is selected, so typing replaces it.
    onFocus: (event) => event.currentTarget.select(),
    onClick: () => {
      if (!open) openList('selected');
    },
    onBlur: close,
  } satisfies InputHTMLAttributes<HTMLInputElement>;

  const listboxProps = {
    ref: listRef,
    id: listId,
    role: 'listbox',
    // A press on the list keeps the focus in the text box (and so the list open).
    onMouseDown: (event) => event.preventDefault(),
  } satisfies HTMLAttributes<HTMLUListElement> & { ref: typeof listRef };

  const optionProps = (index: number) =>
    ({
      id: optionId(index),
      role: 'option',
      'aria-selected': index === activeIndex,
      onClick: () => pick(index),
      onPointerMove: () => {
        if (index !== activeIndex) setActive(index);
      },
    }) satisfies HTMLAttributes<HTMLLIElement>;

  return { open, query: query ?? '', options, total: found.total, activeIndex, inputProps, listboxProps, optionProps };
}
