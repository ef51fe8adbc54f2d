/**
 * One triage action on one request, as a small inline form: accept (kind,
 * priority, where), merge into an item, ask the requester, or decline.
 * Each writes one transaction through shared/intake; the page shows a
 * notice with Undo.
 */
import { useState } from 'react';
import {
  ITEM_KINDS,
  PRIORITIES,
  acceptRequest,
  declineRequest,
  mergeRequest,
  requestMoreInfo,
  type ItemKind,
  type ItemSnapshot,
  type Place,
  type Priority,
  type RequestSnapshot,
} from '../../shared/index.js';
import { KIND_LABELS, PRIORITY_LABELS } from '../board/labels.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Choice } from '../ui/Choice.js';
import { shorten } from '../ui/text.js';

export type TriageAction = 'accept' | 'merge' | 'ask' | 'decline';

interface TriageFormProps {
  session: BoardSession;
  request: RequestSnapshot;
  action: TriageAction;
  items: readonly ItemSnapshot[];
  /** The item selected in the backlog, offered as a place to put an accepted request. */
  selected: ItemSnapshot | null;
  onDone: (text: string, undo: () => boolean) => void;
  onCancel: () => void;
}

export function TriageForm({ session, request, action, items, selected, onDone, onCancel }: TriageFormProps) {
  const [kind, setKind] = useState<ItemKind>('story');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [where, setWhere] = useState<'top' | 'bottom' | 'selected'>(selected ? 'selected' : 'bottom');
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const by = session.me.name;
  const now = session.clock.now();
  const open = items.filter((item) => !item.archived && item.status !== 'done');

  const run = (change: () => void, done: string) => {
    const made = session.actUndoable(change, (message) => setError(message));
    if (made) onDone(done, made.undo);
  };
  const submit = () => {
    const title = `“${shorten(request.title, 50)}”`;
    if (action === 'accept') {
      const place: Place = where === 'top' ? { after: null } : where === 'selected' && selected ? { after: selected.id } : { before: null };
      run(() => void acceptRequest(session.doc, request.id, { place, kind, priority: priority || null, by }, now), `Accepted ${title} into the backlog`);
    } else if (action === 'merge') {
      run(() => mergeRequest(session.doc, request.id, target, { by }, now), `Merged ${title}`);
    } else if (action === 'ask') {
      run(() => requestMoreInfo(session.doc, request.id, { question: text, by }, now), `Asked the requester of ${title}`);
    } else {
      run(() => declineRequest(session.doc, request.id, { reason: text, by }, now), `Declined ${title}`);
    }
  };

  return (
    <form
      className="triage-form"
      aria-label={FORM_NAMES[action]}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {action === 'accept' && (
        <div className="triage-fields">
          <label>
            Kind <Choice values={ITEM_KINDS} labels={KIND_LABELS} value={kind} onChange={(value) => value && setKind(value)} />
          </label>
          <label>
            Priority <Choice values={PRIORITIES} labels={PRIORITY_LABELS} value={priority} empty="None" onChange={setPriority} />
          </label>
          <label>
            Place
            <select value={where} onChange={(event) => setWhere(event.target.value as typeof where)}>
              <option value="top">At the top</option>
              {selected && <option value="selected">After “{shorten(selected.title || 'Untitled', 40)}”</option>}
              <option value="bottom">At the bottom</option>
            </select>
          </label>
        </div>
      )}
      {action === 'merge' && (
        <label className="triage-fields">
          Merge into
          <select value={target} onChange={(event) => setTarget(event.target.value)} required>
            <option value="">Choose an item…</option>
            {open.map((item) => (
              <option key={item.id} value={item.id}>
                {shorten(item.title || 'Untitled', 70)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(action === 'ask' || action === 'decline') && (
        <label className="triage-fields triage-text">
          {action === 'ask' ? 'Question for the requester' : 'Reason (the requester sees it)'}
          <textarea className="text-area" rows={2} value={text} onChange={(event) => setText(event.target.value)} required autoFocus />
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="triage-buttons">
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={action === 'decline' ? 'button-danger' : undefined} disabled={(action === 'merge' && target === '') || ((action === 'ask' || action === 'decline') && text.trim() === '')}>
          {SUBMIT_NAMES[action]}
        </button>
      </div>
    </form>
  );
}

const FORM_NAMES: Record<TriageAction, string> = { accept: 'Accept into the backlog', merge: 'Merge into an item', ask: 'Ask for more information', decline: 'Decline' };
const SUBMIT_NAMES: Record<TriageAction, string> = { accept: 'Accept', merge: 'Merge', ask: 'Send back', decline: 'Decline' };
