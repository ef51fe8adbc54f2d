/**
 * Downloading the backlog: all of it, what the filters show, or the
 * selection; as CSV (Jira's column names), JSON (everything, re-importable),
 * Markdown, or the estimates CSV that updates the issues in Jira.
 */
import { useState } from 'react';
import { EXPORT_FORMATS, boardTitle, exportBacklog, type ExportFormat } from '../../shared/index.js';
import { Choice } from '../ui/Choice.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Dialog } from '../ui/Dialog.js';
import { EXPORT_FILES, downloadText, exportFileName } from './download.js';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV (Jira column names)',
  json: 'JSON (every field, re-importable)',
  markdown: 'Markdown (for documents)',
  'estimates-csv': 'Estimates for Jira (CSV, changed estimates only)',
};

interface ExportDialogProps {
  session: BoardSession;
  /** Ids of the items the filters show, in board order; null when no filter is on. */
  shown: string[] | null;
  selected: string[];
  onClose: () => void;
}

export function ExportDialog({ session, shown, selected, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<'all' | 'shown' | 'selected'>(selected.length > 1 ? 'selected' : shown ? 'shown' : 'all');
  const ids = scope === 'selected' ? selected : scope === 'shown' && shown ? shown : undefined;
  return (
    <Dialog title="Export the backlog" onClose={onClose}>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          const file = EXPORT_FILES[format];
          const suffix = format === 'estimates-csv' ? '-estimates' : '';
          downloadText(exportBacklog(session.doc, format, ids ? { ids } : {}), exportFileName(boardTitle(session.doc), suffix, file.extension), file.type);
          onClose();
        }}
      >
        <label>
          Format
          <Choice aria-label="Export format" values={EXPORT_FORMATS} labels={FORMAT_LABELS} value={format} onChange={(value) => value && setFormat(value)} />
        </label>
        <label>
          Items
          <select aria-label="Items to export" value={scope} onChange={(event) => setScope(event.target.value as typeof scope)}>
            <option value="all">the whole backlog</option>
            {shown && <option value="shown">what the filters show ({shown.length})</option>}
            {selected.length > 0 && <option value="selected">the selection ({selected.length})</option>}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Download</button>
        </div>
      </form>
    </Dialog>
  );
}
