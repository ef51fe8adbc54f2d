/** The meeting summary, and a button to copy it as Markdown. */
import { useState } from 'react';
import { formatDuration, sessionSummary, summaryMarkdown } from '../../shared/index.js';
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
