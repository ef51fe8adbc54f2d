/**
 * Writing a new item, at the bottom or below a chosen item. Pasting several
 * lines offers one item per line (PasteOffer) instead of joining them.
 */
import { useState, type RefObject } from 'react';
import { MAX_TITLE_LENGTH, addItem, applyImport, parseImport, type ImportPlan, type ItemSnapshot } from '../../shared/index.js';
import { PasteOffer } from './PasteOffer.js';
import { shorten } from '../ui/text.js';
import { cleanName } from '../session/identity.js';
import type { BoardSession } from '../session/BoardSession.js';
import { AssistantButton } from '../refinement/assistantButton.js';
import { TypedTitleMatches } from '../refinement/TypedTitleMatches.js';

interface ComposerProps {
  session: BoardSession;
  /** Insert below this item; null means the bottom of the backlog. */
  after: ItemSnapshot | null;
  author: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onClearPosition: () => void;
  onAdded: (id: string) => void;
  /** The board's items, for the list of close matches while typing. */
  byId: ReadonlyMap<string, ItemSnapshot>;
  onOpen: (id: string) => void;
}

export function Composer({ session, after, author, inputRef, onClearPosition, onAdded, byId, onOpen }: ComposerProps) {
  const [title, setTitle] = useState('');
  const [pasted, setPasted] = useState<{ text: string; lines: number; plan: ImportPlan } | null>(null);
  const place = after ? { after: after.id } : { before: null };
  const addEach = () => {
    if (pasted === null) return;
    // One transaction: one undo step takes the whole list back.
    const result = session.act(() => applyImport(session.doc, pasted.plan, place));
    if (result === undefined) return;
    setPasted(null);
    inputRef.current?.focus();
  };
  const join = () => {
    if (pasted === null) return;
    setTitle(`${title}${pasted.text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(' ')}`.slice(0, MAX_TITLE_LENGTH));
    setPasted(null);
    inputRef.current?.focus();
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = title.trim();
        if (!trimmed) return;
        const id = session.act(() => addItem(session.doc, { title: trimmed, createdBy: cleanName(author) || null }, after ? { after: after.id } : { before: null }));
        // Refused (the notice says why): the text stays to be fixed.
        if (id === undefined) return;
        setTitle('');
        onAdded(id);
      }}
    >
      <input
        ref={inputRef}
        className="composer-input"
        aria-label="New item title"
        placeholder="New item: As a …, I want …, so that …  ( n )"
        value={title}
        maxLength={MAX_TITLE_LENGTH}
        onChange={(event) => setTitle(event.target.value)}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
          if (lines < 2) return;
          event.preventDefault();
          setPasted({ text, lines, plan: parseImport(text, { format: 'text' }) });
        }}
        onKeyDown={(event) => event.key === 'Escape' && (setTitle(''), onClearPosition(), event.currentTarget.blur())}
      />
      <span className="composer-position">
        {after ? (
          <>
            below “<bdi>{shorten(after.title, 40) || 'Untitled'}</bdi>”
            <button type="button" className="link-button" onClick={onClearPosition} aria-label="Add at the bottom instead">
              ×
            </button>
          </>
        ) : (
          'at the bottom'
        )}
      </span>
      <button type="submit">Add</button>
      <AssistantButton session={session} idea={title} after={after} author={author} onAdded={(id) => (setTitle(''), onAdded(id))} />
      {pasted === null && <TypedTitleMatches title={title} byId={byId} onOpen={onOpen} />}
      {pasted && <PasteOffer plan={pasted.plan} lines={pasted.lines} onAddEach={addEach} onJoin={join} onCancel={() => setPasted(null)} />}
    </form>
  );
}
