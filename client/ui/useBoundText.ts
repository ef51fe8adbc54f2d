/**
 * Binds a plain <input> or <textarea> to a Y.Text, so that several people
 * can type in the same field at once and each keeps their characters.
 *
 * Local typing is handed to `write` with the caret (the page passes it to
 * shared's editText, the one writer of text, which checks the limits, makes
 * the smallest change at the caret and stamps updatedAt). When the write is
 * refused the field goes back to the document's text. Remote changes
 * rewrite the field's value, and the caret is carried over through Yjs
 * relative positions (anchored to characters, not offsets), so it stays
 * where the person was typing even when text is inserted before it.
 */
import { useEffect, useRef } from 'react';
import * as Y from 'yjs';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Writes `next` (the field's whole value) with the caret at `caret`; false when the model refused it. */
export type TextWriter = (next: string, caret: number) => boolean;

export interface BoundTextOptions {
  /** A one-line text: line breaks pasted into it become spaces. */
  singleLine?: boolean;
}

export function useBoundText<T extends Field>(text: Y.Text | null, write: TextWriter, options: BoundTextOptions = {}) {
  const ref = useRef<T>(null);
  // The effect binds once per Y.Text; it reads the latest writer through this ref.
  const writer = useRef(write);
  writer.current = write;
  const singleLine = options.singleLine === true;

  useEffect(() => {
    const field = ref.current;
    if (field === null) return;
    const doc = text?.doc ?? null;
    const stored = () => text?.toString() ?? '';
    field.value = stored();
    let start: Y.RelativePosition | null = null;
    let end: Y.RelativePosition | null = null;
    let composing = false;

    // The caret sticks to the character on its left (assoc -1): when someone
    // else inserts text right at my caret, I keep typing after my own last
    // character rather than after theirs.
    const rememberCaret = () => {
      if (text === null) return;
      start = Y.createRelativePositionFromTypeIndex(text, field.selectionStart ?? 0, -1);
      end = Y.createRelativePositionFromTypeIndex(text, field.selectionEnd ?? 0, -1);
    };
    const onInput = () => {
      if (composing) return;
      if (singleLine && /[\r\n]/.test(field.value)) {
        const caret = field.selectionEnd;
        field.value = field.value.replace(/\r\n?|\n/g, ' ');
        if (caret !== null) field.setSelectionRange(caret, caret);
      }
      if (!writer.current(field.value, field.selectionEnd ?? field.value.length)) {
        field.value = stored();
        return;
      }
      rememberCaret();
    };
    const onChange = () => {
      const value = stored();
      if (value === field.value) return;
      const focused = document.activeElement === field;
      const from = focused && start && doc ? Y.createAbsolutePositionFromRelativePosition(start, doc) : null;
      const to = focused && end && doc ? Y.createAbsolutePositionFromRelativePosition(end, doc) : null;
      field.value = value;
      if (from && to) field.setSelectionRange(from.index, to.index);
    };
    const onCompositionStart = () => (composing = true);
    const onCompositionEnd = () => {
      composing = false;
      onInput();
    };

    text?.observe(onChange);
    field.addEventListener('input', onInput);
    field.addEventListener('compositionstart', onCompositionStart);
    field.addEventListener('compositionend', onCompositionEnd);
    for (const event of ['select', 'keyup', 'mouseup', 'focus'] as const) field.addEventListener(event, rememberCaret);
    return () => {
      text?.unobserve(onChange);
      field.removeEventListener('input', onInput);
      field.removeEventListener('compositionstart', onCompositionStart);
      field.removeEventListener('compositionend', onCompositionEnd);
      for (const event of ['select', 'keyup', 'mouseup', 'focus'] as const) field.removeEventListener(event, rememberCaret);
    };
  }, [text, singleLine]);

  return ref;
}
