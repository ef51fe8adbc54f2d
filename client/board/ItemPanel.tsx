/**
 * The item panel: every field of one item. Title, description and each
 * acceptance criterion are bound to their Y.Text, so people typing in the
 * same field at once all keep their words; the other fields write through
 * the shared model API.
 */
import { useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import {
  ITEM_KINDS,
  ITEM_STATUSES,
  PRIORITIES,
  itemsMap,
  updateItem,
  type CriterionInput,
  type ItemSnapshot,
} from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { Avatar } from '../ui/Avatar.js';
import { Choice } from '../ui/Choice.js';
import { useBoundText } from '../ui/useBoundText.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from './labels.js';

interface PanelProps {
  session: BoardSession;
  item: ItemSnapshot;
  items: ItemSnapshot[];
  peers: Peer[];
  onClose: () => void;
  closeLabel?: string;
  onSplit: () => void;
  onArchive: () => void;
  onDelete: () => void;
}

function textOf(session: BoardSession, itemId: string, field: 'title' | 'description'): Y.Text | null {
  const value = itemsMap(session.doc).get(itemId)?.get(field);
  return value instanceof Y.Text ? value : null;
}

function criterionText(session: BoardSession, itemId: string, index: number): Y.Text | null {
  const list = itemsMap(session.doc).get(itemId)?.get('acceptanceCriteria');
  const entry = list instanceof Y.Array ? list.get(index) : undefined;
  const text = entry instanceof Y.Map ? entry.get('text') : undefined;
  return text instanceof Y.Text ? text : null;
}

/** Who else is typing in this field. */
function EditingHint({ peers, itemId, field }: { peers: Peer[]; itemId: string; field: string }) {
  const editing = peers.filter((peer) => !peer.isMe && peer.editing?.itemId === itemId && peer.editing.field === field);
  if (editing.length === 0) return null;
  return (
    <span className="editing-hint" data-editing-field={field}>
      {editing.map((peer) => (
        <Avatar key={peer.clientId} user={peer.user} size="small" />
      ))}
      {editing.map((peer) => peer.user.name).join(', ')} {editing.length > 1 ? 'are' : 'is'} editing
    </span>
  );
}

function Field({ label, htmlFor, children, hint }: { label: string; htmlFor?: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={htmlFor}>{label}</label>
        {hint}
      </div>
      {children}
    </div>
  );
}

function presenceHandlers(session: BoardSession, itemId: string, field: string) {
  return {
    onFocus: () => session.setEditing({ itemId, field }),
    onBlur: () => session.setEditing(null),
  };
}

/** A one-line text that wraps to show all of itself: Enter finishes instead of adding a line. */
function BoundLine({ session, text, itemId, field, id, label, className }: { session: BoardSession; text: Y.Text | null; itemId: string; field: string; id?: string; label: string; className: string }) {
  const ref = useBoundText<HTMLTextAreaElement>(text);
  return (
    <textarea
      ref={ref}
      id={id}
      rows={1}
      className={className}
      data-bound="yjs"
      aria-label={label}
      maxLength={500}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
      {...presenceHandlers(session, itemId, field)}
    />
  );
}

function BoundTextarea({ session, text, itemId, id }: { session: BoardSession; text: Y.Text | null; itemId: string; id: string }) {
  const ref = useBoundText<HTMLTextAreaElement>(text);
  return (
    <textarea
      ref={ref}
      id={id}
      className="text-area"
      data-bound="yjs"
      rows={7}
      placeholder="Why it matters, context, links…"
      {...presenceHandlers(session, itemId, 'description')}
    />
  );
}

function Criteria({ session, item, peers }: { session: BoardSession; item: ItemSnapshot; peers: Peer[] }) {
  const [draft, setDraft] = useState('');
  const criteria = item.acceptanceCriteria;
  const write = (next: CriterionInput[]) => {
    session.act(() => updateItem(session.doc, item.id, { acceptanceCriteria: next }));
  };
  const add = () => {
    if (draft.trim() === '') return;
    write([...criteria, { text: draft.trim(), done: false }]);
    setDraft('');
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
              aria-label={`Done: ${criterion.text}`}
              onChange={(event) => write(criteria.map((c) => (c.id === criterion.id ? { ...c, done: event.target.checked } : c)))}
            />
            <BoundLine session={session} text={criterionText(session, item.id, index)} itemId={item.id} field="criteria" label={`Criterion ${index + 1}`} className="criterion-text" />
            <button type="button" className="icon-button" aria-label={`Remove criterion: ${criterion.text}`} onClick={() => write(criteria.filter((c) => c.id !== criterion.id))}>
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
        <input id="new-criterion" className="text-input" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="Given … when … then …" />
        <button type="submit" className="button-secondary">
          Add
        </button>
      </form>
    </Field>
  );
}

function Labels({ session, item }: { session: BoardSession; item: ItemSnapshot }) {
  const [draft, setDraft] = useState('');
  const write = (labels: string[]) => {
    session.act(() => updateItem(session.doc, item.id, { labels }));
  };
  return (
    <Field label="Labels" htmlFor="new-label">
      <div className="labels-editor">
        {item.labels.map((label) => (
          <span key={label} className="label-chip">
            {label}
            <button type="button" aria-label={`Remove label ${label}`} onClick={() => write(item.labels.filter((l) => l !== label))}>
              ×
            </button>
          </span>
        ))}
        <input
          id="new-label"
          className="label-input"
          value={draft}
          maxLength={64}
          placeholder="Add label"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && draft.trim()) {
              event.preventDefault();
              write([...item.labels, draft.trim()]);
              setDraft('');
            }
          }}
        />
      </div>
    </Field>
  );
}

function EstimateInput({ session, item }: { session: BoardSession; item: ItemSnapshot }) {
  const shown = item.estimate === null ? '' : String(item.estimate);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const trimmed = draft.trim();
    const value = trimmed === '' ? null : Number.isFinite(Number(trimmed)) && Number(trimmed) >= 0 ? Number(trimmed) : trimmed.slice(0, 16);
    session.act(() => updateItem(session.doc, item.id, { estimate: value }));
    setDraft(null);
  };
  return (
    <input
      id="item-estimate"
      className="text-input estimate-input"
      value={draft ?? shown}
      placeholder="–"
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
    />
  );
}

function formatTime(ms: number | null): string {
  return ms === null ? 'unknown' : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ItemPanel({ session, item, items, peers, onClose, closeLabel = 'Close details', onSplit, onArchive, onDelete }: PanelProps) {
  const set = (patch: Parameters<typeof updateItem>[2]) => {
    session.act(() => updateItem(session.doc, item.id, patch));
  };
  const parentChoices = items.filter((candidate) => candidate.id !== item.id && !candidate.archived && candidate.parent !== item.id);
  return (
    <aside className="panel" aria-label="Item details" data-panel-item={item.id}>
      <div className="panel-header">
        <span className={`kind kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
        {item.archived && <span className="archived-badge">Archived</span>}
        <button type="button" className="icon-button panel-close" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          ×
        </button>
      </div>
      {/* An observer reads every field; a disabled fieldset keeps them all from being edited. */}
      <fieldset className="bare-fieldset" disabled={session.readOnly}>
        <Field label="Title" htmlFor="item-title" hint={<EditingHint peers={peers} itemId={item.id} field="title" />}>
          <BoundLine session={session} text={textOf(session, item.id, 'title')} itemId={item.id} field="title" id="item-title" label="Title" className="text-input title-input" />
        </Field>
        <div className="field-grid">
          <Field label="Kind" htmlFor="item-kind">
            <Choice id="item-kind" values={ITEM_KINDS} labels={KIND_LABELS} value={item.kind} onChange={(kind) => kind && set({ kind })} />
          </Field>
          <Field label="Status" htmlFor="item-status">
            <Choice id="item-status" values={ITEM_STATUSES} labels={STATUS_LABELS} value={item.status} onChange={(status) => status && set({ status })} />
          </Field>
          <Field label="Priority" htmlFor="item-priority">
            <Choice id="item-priority" values={PRIORITIES} labels={PRIORITY_LABELS} value={item.priority ?? ''} empty="None" onChange={(priority) => set({ priority: priority || null })} />
          </Field>
          <Field label="Estimate" htmlFor="item-estimate">
            <EstimateInput key={`${item.id}:${item.estimate}`} session={session} item={item} />
          </Field>
        </div>
        <Field label="Description" htmlFor="item-description" hint={<EditingHint peers={peers} itemId={item.id} field="description" />}>
          <BoundTextarea session={session} text={textOf(session, item.id, 'description')} itemId={item.id} id="item-description" />
        </Field>
        <Criteria session={session} item={item} peers={peers} />
        <Labels session={session} item={item} />
        <Field label="Parent epic" htmlFor="item-parent">
          <select id="item-parent" value={item.parent ?? ''} onChange={(event) => set({ parent: event.target.value || null })}>
            <option value="">None</option>
            {item.parent !== null && !parentChoices.some((c) => c.id === item.parent) && <option value={item.parent}>(removed item)</option>}
            {parentChoices.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title.slice(0, 80) || 'Untitled'}
              </option>
            ))}
          </select>
        </Field>
        <p className="meta">
          Created by {item.createdBy ?? 'someone'} on {formatTime(item.createdAt)} · updated {formatTime(item.updatedAt)}
        </p>
        {!session.readOnly && (
          <div className="panel-actions">
            <button type="button" className="button-secondary" onClick={onSplit}>
              Split…
            </button>
            <button type="button" className="button-secondary" onClick={onArchive}>
              {item.archived ? 'Unarchive' : 'Archive'}
            </button>
            <button type="button" className="button-danger" onClick={onDelete}>
              Delete
            </button>
          </div>
        )}
      </fieldset>
    </aside>
  );
}
