/**
 * Setting fields of every selected item at once: each field starts as
 * "leave as it is", and only the fields changed here are written, to all
 * the items, in one transaction (one undo step).
 */
import { useContext, useState } from 'react';
import {
  FRAMEWORK_INPUTS,
  ITEM_KINDS,
  ITEM_STATUSES,
  PRIORITIES,
  RICE_IMPACT_NAMES,
  inputScale,
  orderedItems,
  readinessGaps,
  updateItems,
  type Framework,
  type ItemPatch,
  type ItemSnapshot,
  type ScoreInput,
  type ScoreInputs,
} from '../../shared/index.js';
import { inputLabel } from '../prioritization/inputLabels.js';
import { ReadinessContext } from '../health/ReadinessContext.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Choice } from '../ui/Choice.js';
import { Dialog } from '../ui/Dialog.js';
import { shorten } from '../ui/text.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from './labels.js';

const KEEP = '';
const CLEAR = 'clear';

interface BulkEditProps {
  session: BoardSession;
  ids: string[];
  epics: readonly ItemSnapshot[];
  labels: string[];
  frameworks: readonly Framework[];
  onDone: (undo: () => boolean) => void;
  onClose: () => void;
}

export function BulkEditDialog({ session, ids, epics, labels, frameworks, onDone, onClose }: BulkEditProps) {
  const [patch, setPatch] = useState<ItemPatch>({});
  const [inputs, setInputs] = useState<Partial<ScoreInputs>>({});
  const [addLabel, setAddLabel] = useState('');
  const [removeLabel, setRemoveLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const scoreInputs = [...new Set(frameworks.flatMap((framework) => FRAMEWORK_INPUTS[framework]))];
  const set = (field: keyof ItemPatch, value: unknown) =>
    setPatch((current) => {
      const next: Record<string, unknown> = { ...current };
      if (value === undefined) delete next[field];
      else next[field] = value;
      return next as ItemPatch;
    });
  const setInput = (input: ScoreInput, raw: string) =>
    setInputs((current) => {
      const next = { ...current };
      if (raw === KEEP) delete next[input];
      else next[input] = raw === CLEAR ? null : Number(raw);
      return next;
    });
  const full: ItemPatch = { ...patch, ...(Object.keys(inputs).length > 0 && { scoreInputs: inputs }) };
  const changes = Object.keys(patch).length + Object.keys(inputs).length + (addLabel.trim() ? 1 : 0) + (removeLabel ? 1 : 0);

  // Marking items ready that miss the definition of ready asks first, as the item panel does.
  const readiness = useContext(ReadinessContext);
  const [confirming, setConfirming] = useState(false);
  const missing = patch.status === 'ready' ? orderedItems(session.doc).filter((item) => ids.includes(item.id) && readinessGaps({ ...item, status: 'new' }, readiness).length > 0) : [];
  const apply = () => {
    if (missing.length > 0 && !confirming) return setConfirming(true);
    const done = session.actUndoable(
      () => updateItems(session.doc, ids, full, { add: addLabel.trim() ? [addLabel.trim()] : [], remove: removeLabel ? [removeLabel] : [] }),
      (message) => setError(message.replace(/^updateItems: /, '')),
    );
    if (done) onDone(done.undo);
  };

  return (
    <Dialog title={`Set fields of ${ids.length} items`} onClose={onClose}>
      <form
        className="bulk-edit"
        onSubmit={(event) => {
          event.preventDefault();
          if (changes > 0) apply();
        }}
      >
        <p className="dialog-text">Only what you change here is written, to all {ids.length} items; the rest stays as it is on each.</p>
        <div className="field-grid">
          <label className="field">
            <span className="field-label">Kind</span>
            <Choice values={ITEM_KINDS} labels={KIND_LABELS} value={patch.kind ?? KEEP} empty="Leave as it is" onChange={(kind) => set('kind', kind || undefined)} />
          </label>
          <label className="field">
            <span className="field-label">Status</span>
            <Choice values={ITEM_STATUSES} labels={STATUS_LABELS} value={patch.status ?? KEEP} empty="Leave as it is" onChange={(status) => set('status', status || undefined)} />
          </label>
          <label className="field">
            <span className="field-label">Priority</span>
            <select value={patch.priority === undefined ? KEEP : (patch.priority ?? CLEAR)} onChange={(event) => set('priority', event.target.value === KEEP ? undefined : event.target.value === CLEAR ? null : event.target.value)}>
              <option value={KEEP}>Leave as it is</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
              <option value={CLEAR}>None</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Epic</span>
            <select value={patch.parent === undefined ? KEEP : (patch.parent ?? CLEAR)} onChange={(event) => set('parent', event.target.value === KEEP ? undefined : event.target.value === CLEAR ? null : event.target.value)}>
              <option value={KEEP}>Leave as it is</option>
              {epics
                .filter((epic) => !ids.includes(epic.id))
                .map((epic) => (
                  <option key={epic.id} value={epic.id}>
                    {shorten(epic.title || 'Untitled', 40)}
                  </option>
                ))}
              <option value={CLEAR}>No epic</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Add a label</span>
            <input className="text-input" list="bulk-labels" value={addLabel} onChange={(event) => setAddLabel(event.target.value)} placeholder="Label" />
            <datalist id="bulk-labels">
              {labels.map((label) => (
                <option key={label} value={label} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="field-label">Remove a label</span>
            <select value={removeLabel} onChange={(event) => setRemoveLabel(event.target.value)}>
              <option value="">None</option>
              {labels.map((label) => (
                <option key={label} value={label}>
                  {shorten(label, 40)}
                </option>
              ))}
            </select>
          </label>
          {scoreInputs.map((input) => (
            <label key={input} className="field">
              <span className="field-label">{inputLabel(input, frameworks).name}</span>
              <ScoreInputChoice input={input} value={inputs[input]} onChange={(raw) => setInput(input, raw)} />
            </label>
          ))}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {confirming && missing.length > 0 && (
          <p className="field-error" role="alert">
            {missing.length === 1 ? '1 of these items misses' : `${missing.length} of these items miss`} the board’s definition of ready:{' '}
            {missing.slice(0, 3).map((item) => `“${shorten(item.title || 'Untitled', 40)}”`).join(', ')}
            {missing.length > 3 ? ' and more' : ''}. Mark them ready anyway?
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={changes === 0}>
            {confirming && missing.length > 0 ? 'Apply anyway' : `Apply to ${ids.length} items`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** An input's scale as a menu, or a number box for free numbers (reach, confidence, effort). */
function ScoreInputChoice({ input, value, onChange }: { input: ScoreInput; value: number | null | undefined; onChange: (raw: string) => void }) {
  const scale = inputScale(input);
  const shown = value === undefined ? KEEP : value === null ? CLEAR : String(value);
  if (scale === null) {
    return <input className="text-input" inputMode="decimal" placeholder="Leave as it is" value={shown === CLEAR ? '' : shown} onChange={(event) => onChange(event.target.value.trim().replace(',', '.'))} />;
  }
  return (
    <select value={shown} onChange={(event) => onChange(event.target.value)}>
      <option value={KEEP}>Leave as it is</option>
      {scale.map((step) => (
        <option key={step} value={step}>
          {input === 'impact' ? `${step} · ${RICE_IMPACT_NAMES[step]}` : step}
        </option>
      ))}
      <option value={CLEAR}>Not set</option>
    </select>
  );
}
