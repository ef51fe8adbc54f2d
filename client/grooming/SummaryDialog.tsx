/** The meeting summary, a button to copy it as Markdown, and the estimates agreed in it as a CSV for Jira. */
import { useState } from 'react';
import { boardTitle, formatDuration, sessionEstimatesCsv, sessionSummary, summaryMarkdown } from '../../shared/index.js';
import { EXPORT_FILES, downloadText, exportFileName } from '../export/download.js';
import type { BoardSession } from '../session/BoardSession.js';
import { copyText } from '../clipboard.js';
import { Dialog } from '../ui/Dialog.js';
import { UserText } from '../ui/UserText.js';

export function SummaryDialog({ session, onClose }: { session: BoardSession; onClose: () => void }) {
  const now = session.clock.now();
  const summary = sessionSummary(session.doc, now);
  const [copied, setCopied] = useState(false);
  if (summary === null) return null;
  const markdown = summaryMarkdown(summary, now);
  // The session's items imported from Jira whose estimate changed: what the team agreed, for the tracker.
  const writeBack = sessionEstimatesCsv(session.doc, now)!;
  const changed = writeBack.issues;
  return (
    <Dialog title="Session summary" onClose={onClose}>
      <p className="dialog-text">
        {formatDuration((summary.endedAt ?? now) - summary.startedAt)} · facilitated by {summary.facilitator} · {summary.participants.join(', ')}
      </p>
      <table className="summary">
        <thead>
          <tr>
            <th>Item</th>
            <th>Estimate</th>
            <th>Time</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.itemId}>
              <td>
                <UserText text={row.title} max={80} />
              </td>
              <td>{row.estimate ?? '–'}</td>
              <td>{formatDuration(row.spentMs)}</td>
              <td>{row.outcome ?? 'discussed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <textarea className="text-area summary-markdown" readOnly value={markdown} aria-label="Summary as Markdown" rows={8} />
      <div className="dialog-actions">
        <button
          type="button"
          className="button-secondary"
          disabled={changed === 0}
          title={changed === 0 ? 'No item imported from Jira got a new estimate in this session' : 'For Jira: import as an update of existing issues'}
          onClick={() => downloadText(writeBack.csv, exportFileName(boardTitle(session.doc), '-estimates', 'csv'), EXPORT_FILES['estimates-csv'].type)}
        >
          Estimates for Jira ({changed})
        </button>
        <button
          type="button"
          onClick={() => {
            void copyText(markdown).then(setCopied);
          }}
        >
          {copied ? 'Copied' : 'Copy as Markdown'}
        </button>
      </div>
    </Dialog>
  );
}
