/** The acceptance criteria: a checklist whose texts several people can edit at once. */
import { useState } from 'react';
import { updateItem, type CriterionInput, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { shorten } from '../ui/text.js';
import { BoundLine } from './BoundText.js';
import { EditingHint, Field } from './Field.js';

export function CriteriaEditor({ session, item, peers }: { session: BoardSession; item: ItemSnapshot; peers: Peer[] }) {
  const [draft, setDraft] = useState('');
  const criteria = item.acceptanceCriteria;
  const write = (next: CriterionInput[]) => session.attempt(() => updateItem(session.doc, item.id, { acceptanceCriteria: next }));
  const add = () => {
    if (draft.trim() === '') return;
    if (write([...criteria, { text: draft.trim(), done: false }])) setDraft('');
  };
  const done = criteria.filter((c) => c.done).length;
  return (
    <Field label={`Acceptance criteria${criteria.length ? ` (${done}/${criteria.length})` : ''}`} htmlFor="new-criterion" hint={<EditingHint peers={peers} itemId={item.id} field="criteria" />}>
      <ul className="criteria">
        {criteria.map((criterion, index) => (
          <li key={criterion.id} className={criterion.done ? 'criterion criterion-done' : 'criterion'}>
            <input
              type="checkbox"
              checked={criterion.done}
              aria-label={`Done: ${shorten(criterion.text, 60)}`}
              onChange={(event) => write(criteria.map((c) => (c.id === criterion.id ? { ...c, done: event.target.checked } : c)))}
            />
            <BoundLine session={session} target={{ item: item.id, criterion: criterion.id }} field="criteria" label={`Criterion ${index + 1}`} className="criterion-text" />
            <button type="button" className="icon-button" aria-label={`Remove criterion: ${shorten(criterion.text, 60)}`} onClick={() => write(criteria.filter((c) => c.id !== criterion.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input id="new-criterion" className="text-input" dir="auto" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="Given … when … then …" />
        <button type="submit" className="button-secondary">
          Add
        </button>
      </form>
    </Field>
  );
}
