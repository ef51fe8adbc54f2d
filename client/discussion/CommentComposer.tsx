/** Writing a comment or a reply: mentions of people on the board with "@", and, for a new thread, "asks a question". */
import { useRef, useState } from 'react';
import type { Person } from '../../shared/index.js';
import { useMentionPicker } from './useMentionPicker.js';

export interface CommentDraft {
  text: string;
  question: boolean;
  mentions: Person[];
}

export function CommentComposer({ people, reply, onSubmit, onCancel }: { people: readonly Person[]; reply: boolean; onSubmit: (draft: CommentDraft) => boolean; onCancel?: () => void }) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [question, setQuestion] = useState(false);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionPicker(people, text, caret);
  const pick = (person: Person) => {
    const next = mentions.choose(person);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
    area.current?.focus();
  };
  const submit = () => {
    if (text.trim() === '') return;
    if (onSubmit({ text: text.trim(), question: !reply && question, mentions: mentions.mentioned(text) })) {
      setText('');
      setQuestion(false);
      mentions.reset();
    }
  };
  const label = reply ? 'Reply' : 'Comment';
  return (
    <form
      className="comment-composer"
      aria-label={reply ? 'Write a reply' : 'Write a comment'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="mention-anchor">
        <textarea
          ref={area}
          aria-label={reply ? 'Reply' : 'New comment'}
          placeholder={reply ? 'Reply…' : 'Ask or note something… (@ mentions someone on the board)'}
          rows={reply ? 1 : 2}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (mentions.matches.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
              event.preventDefault();
              setActive((active + (event.key === 'ArrowDown' ? 1 : -1) + mentions.matches.length) % mentions.matches.length);
            } else if (mentions.matches.length > 0 && (event.key === 'Enter' || event.key === 'Tab')) {
              event.preventDefault();
              pick(mentions.matches[active] ?? mentions.matches[0]!);
            } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              submit();
            } else if (event.key === 'Escape' && onCancel) onCancel();
          }}
        />
        {mentions.matches.length > 0 && (
          <ul className="mention-list" role="listbox" aria-label="People to mention">
            {mentions.matches.map((person, at) => (
              <li key={person.id} role="option" aria-selected={at === active} onMouseDown={(event) => event.preventDefault()} onClick={() => pick(person)}>
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="comment-composer-actions">
        {!reply && (
          <label className="checkbox">
            <input type="checkbox" checked={question} onChange={(event) => setQuestion(event.target.checked)} />
            Asks a question
          </label>
        )}
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className={reply ? 'button-secondary' : undefined} disabled={text.trim() === ''}>
          {label}
        </button>
      </div>
    </form>
  );
}
