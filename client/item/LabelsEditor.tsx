/** An item's labels: chips to remove, a box to add one (Enter). */
import { useState } from 'react';
import { MAX_LABEL_LENGTH, updateItem, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { shorten } from '../ui/text.js';
import { UserText } from '../ui/UserText.js';
import { Field } from './Field.js';

export function LabelsEditor({ session, item }: { session: BoardSession; item: ItemSnapshot }) {
  const [draft, setDraft] = useState('');
  const write = (labels: string[]) => session.attempt(() => updateItem(session.doc, item.id, { labels }));
  return (
    <Field label="Labels" htmlFor="new-label">
      <div className="labels-editor">
        {item.labels.map((label) => (
          <span key={label} className="label-chip" title={label.length > 24 ? label : undefined}>
            <UserText text={label} max={24} />
            <button type="button" aria-label={`Remove label ${shorten(label, 40)}`} onClick={() => write(item.labels.filter((l) => l !== label))}>
              ×
            </button>
          </span>
        ))}
        <input
          id="new-label"
          className="label-input"
          dir="auto"
          value={draft}
          maxLength={MAX_LABEL_LENGTH}
          placeholder="Add label"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && draft.trim()) {
              event.preventDefault();
              if (write([...item.labels, draft.trim()])) setDraft('');
            }
          }}
        />
      </div>
    </Field>
  );
}
