/** The board's prioritization frameworks, chosen for everyone, and a way into ranking by each score. */
import { FRAMEWORKS, FRAMEWORK_NAMES, setFramework, type Framework } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Dialog } from '../ui/Dialog.js';
import { scoringFrameworks, useFrameworks } from './useFrameworks.js';

const WHAT: Record<Framework, string> = {
  rice: 'Reach × impact × confidence ÷ effort in person-months (Intercom).',
  wsjf: 'Cost of delay (business value + time criticality + risk reduction) ÷ job size, on the 1–20 Fibonacci scale (SAFe).',
  'value-effort': 'Value ÷ effort: quick wins, big bets, fillers and time sinks, with a chart.',
  moscow: 'Must, should, could, won’t: the priority field.',
};

export function PrioritizeDialog({ session, onRank, onChart, onClose }: { session: BoardSession; onRank: (framework: Framework) => void; onChart: () => void; onClose: () => void }) {
  const frameworks = useFrameworks(session.doc);
  return (
    <Dialog title="Prioritization" onClose={onClose}>
      <p className="dialog-text">The board scores its items with the frameworks turned on here, for everyone. Scores never reorder the backlog by themselves.</p>
      <ul className="framework-list">
        {FRAMEWORKS.map((framework) => (
          <li key={framework}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={frameworks.includes(framework)}
                disabled={session.readOnly}
                onChange={(event) => session.act(() => setFramework(session.doc, framework, event.target.checked))}
              />
              <span>
                <strong>{FRAMEWORK_NAMES[framework]}</strong> <span className="muted">{WHAT[framework]}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        {frameworks.includes('value-effort') && (
          <button type="button" className="button-secondary" onClick={onChart}>
            Value/effort chart
          </button>
        )}
        {!session.readOnly &&
          [...scoringFrameworks(frameworks), ...(frameworks.includes('moscow') ? (['moscow'] as const) : [])].map((framework) => (
            <button key={framework} type="button" className="button-secondary" onClick={() => onRank(framework)}>
              Rank by {FRAMEWORK_NAMES[framework]}…
            </button>
          ))}
      </div>
    </Dialog>
  );
}
