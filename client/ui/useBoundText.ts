/**
 * Binds a plain <input> or <textarea> to a Y.Text, so that several people
 * can type in the same field at once and each keeps their characters.
 *
 * Local typing becomes the smallest insert/delete at the caret. Remote
 * changes rewrite the field's value, and the caret is carried over through
 * Yjs relative positions (anchored to characters, not offsets), so it stays
 * where the person was typing even when text is inserted before it.
 */
import { useEffect, useRef } from 'react';
import * as Y from 'yjs';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Applies `next` to `text` as one splice, placed using the caret to resolve ambiguous repeats. */
function applyLocalEdit(text: Y.Text, next: string, caret: number): void {
  const current = text.toString();
  if (current === next) return;
  let suffix = 0;
  const maxSuffix = Math.min(current.length, next.length - caret);
  while (suffix < maxSuffix && current[current.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const maxPrefix = Math.min(current.length - suffix, next.length - suffix);
  while (prefix < maxPrefix && current[prefix] === next[prefix]) prefix++;
  text.doc!.transact(() => {
    const removed = current.length - prefix - suffix;
    if (removed > 0) text.delete(prefix, removed);
    const inserted = next.slice(prefix, next.length - suffix);
    if (inserted.length > 0) text.insert(prefix, inserted);
  });
}

export function useBoundText<T extends Field>(text: Y.Text | null) {
  const ref = useRef<T>(null);

  useEffect(() => {
    const field = ref.current;
    if (field === null || text === null || text.doc === null) return;
    const doc = text.doc;
    field.value = text.toString();
    let start: Y.RelativePosition | null = null;
    let end: Y.RelativePosition | null = null;
    let composing = false;

    // The caret sticks to the character on its left (assoc -1): when someone
    // else inserts text right at my caret, I keep typing after my own last
    // character rather than after theirs.
    const rememberCaret = () => {
      start = Y.createRelativePositionFromTypeIndex(text, field.selectionStart ?? 0, -1);
      end = Y.createRelativePositionFromTypeIndex(text, field.selectionEnd ?? 0, -1);
    };
    const onInput = () => {
      if (composing) return;
      applyLocalEdit(text, field.value, field.selectionEnd ?? field.value.length);
      rememberCaret();
    };
    const onChange = () => {
      const value = text.toString();
      if (value === field.value) return;
      const focused = document.activeElement === field;
      const from = focused && start ? Y.createAbsolutePositionFromRelativePosition(start, doc) : null;
      const to = focused && end ? Y.createAbsolutePositionFromRelativePosition(end, doc) : null;
      field.value = value;
      if (from && to) field.setSelectionRange(from.index, to.index);
    };
    const onCompositionStart = () => (composing = true);
    const onCompositionEnd = () => {
      composing = false;
      onInput();
    };

    text.observe(onChange);
    field.addEventListener('input', onInput);
    field.addEventListener('compositionstart', onCompositionStart);
    field.addEventListener('compositionend', onCompositionEnd);
    for (const event of ['select', 'keyup', 'mouseup', 'focus'] as const) field.addEventListener(event, rememberCaret);
    return () => {
      text.unobserve(onChange);
      field.removeEventListener('input', onInput);
      field.removeEventListener('compositionstart', onCompositionStart);
      field.removeEventListener('compositionend', onCompositionEnd);
      for (const event of ['select', 'keyup', 'mouseup', 'focus'] as const) field.removeEventListener(event, rememberCaret);
    };
  }, [text]);

  return ref;
}
