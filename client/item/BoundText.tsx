/**
 * Text fields bound to the item's Y.Text (ui/useBoundText), written through
 * shared's editText, and announcing to others that I am typing in them.
 */
import { MAX_TITLE_LENGTH, editText, textAt, type TextTarget } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useBoundText } from '../ui/useBoundText.js';

function useBound<T extends HTMLInputElement | HTMLTextAreaElement>(session: BoardSession, target: TextTarget, singleLine: boolean) {
  return useBoundText<T>(textAt(session.doc, target), (next, caret) => session.type(() => editText(session.doc, target, next, caret)), { singleLine });
}

function presence(session: BoardSession, itemId: string, field: string) {
  return {
    onFocus: () => session.setEditing({ itemId, field }),
    onBlur: () => session.setEditing(null),
  };
}

interface LineProps {
  session: BoardSession;
  target: TextTarget;
  /** What others see me editing: title or criteria. */
  field: 'title' | 'criteria';
  id?: string;
  label: string;
  className: string;
}

/** A one-line text that wraps to show all of itself: Enter finishes instead of adding a line. */
export function BoundLine({ session, target, field, id, label, className }: LineProps) {
  const ref = useBound<HTMLTextAreaElement>(session, target, true);
  return (
    <textarea
      ref={ref}
      id={id}
      rows={1}
      dir="auto"
      className={className}
      data-bound="yjs"
      aria-label={label}
      maxLength={field === 'title' ? MAX_TITLE_LENGTH : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
      {...presence(session, target.item, field)}
    />
  );
}

export function BoundDescription({ session, itemId, id }: { session: BoardSession; itemId: string; id: string }) {
  const ref = useBound<HTMLTextAreaElement>(session, { item: itemId, field: 'description' }, false);
  return <textarea ref={ref} id={id} dir="auto" className="text-area" data-bound="yjs" rows={7} placeholder="Why it matters, context, links…" {...presence(session, itemId, 'description')} />;
}
