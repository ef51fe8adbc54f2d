/**
 * Importing a file: pick or drop it, see the preview (the format, the column
 * mapping, how many items are new, every warning with its row), choose where
 * new items go, import. Nothing is written before "Import"; the import is
 * one undo step. Parsing runs in a worker (useImportParse) and can be cancelled.
 */
import { useState } from 'react';
import { IMPORT_FORMATS, MAPPABLE_FIELDS, PRIORITIES, importSteps, importedItemId, itemsMap, type ColumnMapping, type ImportFormat, type ImportPlan, type ImportResult, type Place, type Priority } from '../../shared/index.js';
import { PRIORITY_LABELS } from '../board/labels.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Dialog } from '../ui/Dialog.js';
import { Choice } from '../ui/Choice.js';
import { UserText } from '../ui/UserText.js';
import { useImportParse } from './useImportParse.js';

const FORMAT_LABELS: Record<ImportFormat, string> = {
  'jira-csv': 'Jira CSV export',
  'linear-csv': 'Linear CSV export',
  'github-json': 'GitHub issues (JSON)',
  'board-json': 'Board export (JSON)',
  csv: 'Spreadsheet (CSV/TSV)',
  text: 'Plain text or Markdown',
};
const CSV_FORMATS: ImportFormat[] = ['jira-csv', 'linear-csv', 'csv'];
const SHOWN_WARNINGS = 100;

interface ImportDialogProps {
  session: BoardSession;
  file: File | null;
  /** The selected item, which new items may go below. */
  selected: { id: string; title: string } | null;
  onImported: (result: ImportResult, undo: () => boolean) => void;
  onClose: () => void;
}

export function ImportDialog({ session, file: dropped, selected, onImported, onClose }: ImportDialogProps) {
  const [file, setFile] = useState<File | null>(dropped);
  return (
    <Dialog title="Import a backlog" onClose={onClose}>
      {file === null ? (
        <label className="dialog-text import-pick">
          A Jira or Linear CSV export, GitHub issues as JSON, a spreadsheet (CSV or TSV), a list in plain text or Markdown, or a board exported as JSON. You can also drop the file on the board.
          <input type="file" aria-label="File to import" accept=".csv,.tsv,.txt,.md,.json,text/*,application/json" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
      ) : (
        <ImportPreview key={`${file.name}:${file.size}:${file.lastModified}`} session={session} file={file} selected={selected} onImported={onImported} onClose={onClose} />
      )}
    </Dialog>
  );
}

function ImportPreview({ session, file, selected, onImported, onClose }: ImportDialogProps & { file: File }) {
  const { state, parse, cancel } = useImportParse(file);
  const [where, setWhere] = useState<'bottom' | 'top' | 'selected'>(selected ? 'selected' : 'bottom');
  /** Items written so far while importing, out of how many. */
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);
  if (state.status === 'parsing' || state.status === 'cancelled') {
    return (
      <div className="import-progress">
        <p className="dialog-text">{state.status === 'parsing' ? <>Reading <UserText text={file.name} max={60} />…</> : 'Cancelled: nothing was imported.'}</p>
        {state.status === 'parsing' && <progress aria-label="Reading the file" />}
        <div className="dialog-actions">
          {state.status === 'parsing' ? (
            <button type="button" className="button-secondary" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button-secondary" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="dialog-text" role="alert">
        This file could not be read: {state.error}
      </p>
    );
  }
  const { plan } = state;
  const items = itemsMap(session.doc);
  const existing = plan.items.filter((item) => items.has(importedItemId(item.source))).length;
  const added = plan.items.length - existing;
  const skipped = plan.warnings.filter((warning) => warning.message.endsWith('skipped')).length;
  const place: Place = where === 'top' ? { after: null } : where === 'selected' && selected ? { after: selected.id } : { before: null };
  const run = async () => {
    // In steps (shared/import/apply.ts): the page keeps painting, and each update stays small for the relay and for the others.
    const total: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    let steps: ReturnType<typeof importSteps> | null = null;
    const done = await session.actInSteps(() => {
      steps ??= importSteps(session.doc, plan, place);
      const result = steps.next();
      if (result === null) return false;
      total.added += result.added;
      total.updated += result.updated;
      total.unchanged += result.unchanged;
      setWriting({ done: steps.done, total: steps.total });
      return steps.done < steps.total;
    });
    setWriting(null);
    if (done) onImported(total, done.undo);
  };
  if (writing !== null) {
    return (
      <div className="import-progress">
        <p className="dialog-text">
          Importing: {writing.done.toLocaleString()} of {writing.total.toLocaleString()} items
        </p>
        <progress aria-label="Importing" value={writing.done} max={writing.total} />
      </div>
    );
  }
  return (
    <div className="import-preview">
      <div className="import-row">
        <label>
          Format{' '}
          <Choice aria-label="Format" values={IMPORT_FORMATS} labels={FORMAT_LABELS} value={plan.format} onChange={(format) => format && parse({ format })} />
        </label>
        <span className="import-counts" aria-label="What the import does">
          {added} new {added === 1 ? 'item' : 'items'}, {existing} already on the board (updated where they differ)
          {skipped > 0 && `, ${skipped} ${skipped === 1 ? 'row' : 'rows'} skipped`}
        </span>
      </div>
      {plan.errors.length > 0 && (
        <ul className="import-errors" role="alert" aria-label="Errors">
          {plan.errors.map((error, index) => (
            <li key={index}>{error.row === null ? '' : `Row ${error.row}: `}{error.message}</li>
          ))}
        </ul>
      )}
      {CSV_FORMATS.includes(plan.format) && plan.columns.length > 0 && <MappingEditor plan={plan} onChange={(mapping) => parse({ format: plan.format, mapping, priorities: chosenPriorities(plan) })} />}
      {Object.keys(plan.priorities).length > 0 && (
        <PriorityEditor plan={plan} onChange={(priorities) => parse({ format: plan.format, mapping: plan.mapping, priorities })} />
      )}
      {plan.warnings.length > 0 && (
        <details className="import-warnings" open={plan.warnings.length <= 5}>
          <summary>
            {plan.warnings.length} {plan.warnings.length === 1 ? 'warning' : 'warnings'}
          </summary>
          <ul aria-label="Warnings">
            {plan.warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => (
              <li key={index}>
                {warning.row === null ? '' : `Row ${warning.row}: `}
                <UserText text={warning.message} max={200} />
              </li>
            ))}
            {plan.warnings.length > SHOWN_WARNINGS && <li>and {plan.warnings.length - SHOWN_WARNINGS} more</li>}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <label>
          New items go{' '}
          <select aria-label="Where new items go" value={where} onChange={(event) => setWhere(event.target.value as typeof where)}>
            <option value="bottom">at the bottom</option>
            <option value="top">at the top</option>
            {selected && <option value="selected">below “{selected.title.slice(0, 40)}”</option>}
          </select>
        </label>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => void run()} disabled={plan.errors.length > 0 || plan.items.length === 0}>
          Import {plan.items.length} {plan.items.length === 1 ? 'item' : 'items'}
        </button>
      </div>
    </div>
  );
}

/** Which column feeds which board field: the detected mapping, editable. */
function MappingEditor({ plan, onChange }: { plan: ImportPlan; onChange: (mapping: ColumnMapping) => void }) {
  const columns = [...new Set(plan.columns)];
  const names = Object.fromEntries(columns.map((column) => [column, column]));
  return (
    <fieldset className="import-mapping">
      <legend>Columns</legend>
      {MAPPABLE_FIELDS.map((field) => (
        <label key={field}>
          {field}
          <Choice
            aria-label={`Column for ${field}`}
            values={columns}
            labels={names}
            value={plan.mapping[field] ?? ''}
            empty="(not imported)"
            onChange={(column) => onChange({ ...plan.mapping, [field]: column || undefined })}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** The plan's priority values as parse options: lower-case keys, as the parser matches them. */
function chosenPriorities(plan: ImportPlan): Record<string, Priority | null> {
  return Object.fromEntries(Object.entries(plan.priorities).map(([value, priority]) => [value.toLowerCase(), priority]));
}

/** Each priority the file uses, and the MoSCoW priority it becomes: the defaults, editable. */
function PriorityEditor({ plan, onChange }: { plan: ImportPlan; onChange: (priorities: Record<string, Priority | null>) => void }) {
  return (
    <fieldset className="import-mapping">
      <legend>Priorities</legend>
      {Object.entries(plan.priorities).map(([value, priority]) => (
        <label key={value}>
          <UserText text={value} max={40} />
          <Choice
            aria-label={`Priority for ${value}`}
            values={PRIORITIES}
            labels={PRIORITY_LABELS}
            value={priority ?? ''}
            empty="(none)"
            onChange={(choice) => onChange({ ...chosenPriorities(plan), [value.toLowerCase()]: choice || null })}
          />
        </label>
      ))}
    </fieldset>
  );
}
