/**
 * A text box that searches a long list and picks one entry (useCombobox has
 * the keys and states): the chosen value shows while closed; typing lists
 * the matches under it, a few dozen at most, saying how many more there are.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useCombobox, type ComboboxConfig } from './useCombobox.js';

/** The list's most height in pixels (18rem at 16px); with less room than this below the box, it opens where there is more. */
const LIST_HEIGHT = 288;

interface ComboboxProps<T> extends ComboboxConfig<T> {
  /** Shown in the empty box while closed (the name of "nothing chosen"). */
  placeholder: string;
  /** Shown in the box while searching with nothing typed yet, when nothing is chosen. */
  searchPlaceholder: string;
  renderOption: (option: T) => ReactNode;
  /** The line shown when nothing matches. */
  noMatch: string;
  disabled?: boolean;
}

export function Combobox<T>({ placeholder, searchPlaceholder, renderOption, noMatch, disabled, ...config }: ComboboxProps<T>) {
  const box = useCombobox(config);
  const { keyOf, selectedKey, value } = config;
  const hidden = box.total - box.options.length;
  const boxRef = useRef<HTMLDivElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  // Opened low in a window (the item panel scrolls), the list opens upward when there is more room there, and fits the room it has.
  useLayoutEffect(() => {
    const popup = popupRef.current;
    if (!box.open || !boxRef.current || !popup) return;
    const { top, bottom } = boxRef.current.getBoundingClientRect();
    const below = window.innerHeight - bottom - 12;
    const above = top - 12;
    const up = below < LIST_HEIGHT + 40 && above > below;
    popup.dataset.placement = up ? 'up' : 'down';
    const list = popup.querySelector<HTMLElement>('[role="listbox"]');
    if (list) list.style.maxHeight = `${Math.max(120, Math.min(LIST_HEIGHT, (up ? above : below) - 40))}px`;
  }, [box.open]);
  return (
    <div ref={boxRef} className="combobox">
      <input {...box.inputProps} className="text-input combobox-input" disabled={disabled} placeholder={box.open ? value || searchPlaceholder : placeholder} />
      <span className="combobox-chevron" aria-hidden="true">
        ▾
      </span>
      {box.open && (
        <div ref={popupRef} className="combobox-popup">
          <ul {...box.listboxProps} className="combobox-list">
            {box.options.map((option, index) => {
              const chosen = keyOf(option) === selectedKey;
              return (
                <li key={keyOf(option)} {...box.optionProps(index)} className="combobox-option" data-chosen={chosen || undefined}>
                  {renderOption(option)}
                  {chosen && (
                    <span className="combobox-check">
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only">(chosen)</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {box.options.length === 0 && <p className="combobox-note">{noMatch}</p>}
          {hidden > 0 && (
            <p className="combobox-note" role="status">
              {box.options.length} of {box.total} shown: type more to narrow
            </p>
          )}
        </div>
      )}
    </div>
  );
}
