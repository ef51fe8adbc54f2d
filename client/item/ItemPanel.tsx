/**
 * The item panel: every field of one item. Title, description and each
 * acceptance criterion are bound to their Y.Text, so people typing in the
 * same field at once all keep their words; the other fields write through
 * the shared model API. A viewer reads every field and changes none.
 */
import { useState, type ReactNode } from 'react';
import { ITEM_KINDS, ITEM_STATUSES, PRIORITIES, updateItem, type Framework, type ItemPatch, type ItemSnapshot } from '../../shared/index.js';
import { ScoreFields } from '../prioritization/ScoreFields.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS, needsText } from '../board/labels.js';
import { useReadinessGaps } from '../health/ReadinessContext.js';
import { Dialog } from '../ui/Dialog.js';
import type { BoardSession } from '../session/BoardSession.js';
import { ItemSourceLine } from './ItemSourceLine.js';
import type { Peer } from '../session/presence.js';
import { Choice } from '../ui/Choice.js';
import { UserText } from '../ui/UserText.js';
import { BoundDescription, BoundLine } from './BoundText.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import { EstimateField } from './EstimateField.js';
import { EditingHint, Field } from './Field.js';
import { LabelsEditor } from './LabelsEditor.js';
import { ParentField } from './ParentField.js';
import { DependenciesField } from './DependenciesField.js';
import { DiscussionSection } from '../discussion/DiscussionSection.js';
import { HistorySection } from '../discussion/HistorySection.js';
import { LazyQuality } from '../refinement/LazyQuality.js';

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
  /** The board's scoring frameworks, whose inputs the panel shows. */
  frameworks: readonly Framework[];
  /** More about the item, shown under its description (the requests merged into it). */
  children?: ReactNode;
}

function formatTime(ms: number | null): string {
  return ms === null ? 'unknown' : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ItemPanel({ session, item, items, peers, onClose, closeLabel = 'Close details', onSplit, onArchive, onDelete, frameworks, children }: PanelProps) {
  const set = (patch: ItemPatch) => session.act(() => updateItem(session.doc, item.id, patch));
  const gaps = useReadinessGaps(item);
  const [confirmReady, setConfirmReady] = useState(false);
  return (
    <aside className="panel" aria-label="Item details" data-panel-item={item.id}>
      <div className="panel-header">
        <span className={`kind kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
        {item.archived && <span className="archived-badge">Archived</span>}
        <button type="button" className="icon-button panel-close" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          ×
        </button>
      </div>
      {/* A viewer reads every field; a disabled fieldset keeps them all from being edited. */}
      <fieldset className="bare-fieldset" disabled={session.readOnly}>
        <Field label="Title" htmlFor="item-title" hint={<EditingHint peers={peers} itemId={item.id} field="title" />}>
          <BoundLine session={session} target={{ item: item.id, field: 'title' }} field="title" id="item-title" label="Title" className="text-input title-input" />
        </Field>
        <div className="field-grid">
          <Field label="Kind" htmlFor="item-kind">
            <Choice id="item-kind" values={ITEM_KINDS} labels={KIND_LABELS} value={item.kind} onChange={(kind) => kind && set({ kind })} />
          </Field>
          <Field label="Status" htmlFor="item-status">
            <Choice
              id="item-status"
              values={ITEM_STATUSES}
              labels={STATUS_LABELS}
              value={item.status}
              // Ready while missing the definition of ready: ask first, saying what is missing.
              onChange={(status) => status && (status === 'ready' && gaps.length > 0 ? setConfirmReady(true) : set({ status }))}
            />
          </Field>
          <Field label="Priority" htmlFor="item-priority">
            <Choice id="item-priority" values={PRIORITIES} labels={PRIORITY_LABELS} value={item.priority ?? ''} empty="None" onChange={(priority) => set({ priority: priority || null })} />
          </Field>
          <Field label="Estimate" htmlFor="item-estimate">
            <EstimateField key={`${item.id}:${item.estimate}`} session={session} item={item} />
          </Field>
        </div>
        <ScoreFields session={session} item={item} frameworks={frameworks} />
        <Field label="Description" htmlFor="item-description" hint={<EditingHint peers={peers} itemId={item.id} field="description" />}>
          <BoundDescription session={session} itemId={item.id} id="item-description" />
        </Field>
        {children}
        <CriteriaEditor session={session} item={item} peers={peers} />
        <LabelsEditor session={session} item={item} />
        <ParentField session={session} item={item} items={items} />
        <DependenciesField session={session} item={item} items={items} />
        <p className="meta">
          Created by <UserText text={item.createdBy ?? 'someone'} max={40} /> on {formatTime(item.createdAt)} · updated {formatTime(item.updatedAt)}
        </p>
        <ItemSourceLine session={session} itemId={item.id} />
        <LazyQuality session={session} item={item} items={items} />
        <DiscussionSection session={session} itemId={item.id} peers={peers} />
        <HistorySection doc={session.doc} itemId={item.id} names={(id: string) => items.find((other) => other.id === id)?.title || 'another item'} />
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
      {confirmReady && (
        <Dialog title="Mark it ready?" onClose={() => setConfirmReady(false)}>
          <p className="dialog-text" role="alert">
            “<UserText text={item.title || 'Untitled'} max={80} />” misses the board’s definition of ready. {needsText(gaps)}.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={() => setConfirmReady(false)}>
              Keep its status
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirmReady(false);
                set({ status: 'ready' });
              }}
            >
              Mark ready anyway
            </button>
          </div>
        </Dialog>
      )}
    </aside>
  );
}
