/** The tabs over the main pane: the backlog (as a list or chart), the intake inbox with what waits, planning, the roadmap, health and the board's activity. */
import type { BacklogView } from './viewUrl.js';

export function PaneTabs({ mode, waiting, onMode }: { mode: BacklogView['mode']; waiting: number; onMode: (mode: BacklogView['mode']) => void }) {
  return (
    <div className="pane-tabs" role="tablist" aria-label="Backlog, inbox or health">
      <button type="button" role="tab" aria-selected={mode === 'list' || mode === 'chart'} onClick={() => onMode('list')}>
        Backlog
      </button>
      <button type="button" role="tab" aria-selected={mode === 'inbox'} onClick={() => onMode('inbox')}>
        Inbox{waiting > 0 && <span className="tab-count">{waiting}</span>}
      </button>
      <button type="button" role="tab" aria-selected={mode === 'planning'} onClick={() => onMode('planning')}>
        Planning
      </button>
      <button type="button" role="tab" aria-selected={mode === 'roadmap'} onClick={() => onMode('roadmap')}>
        Roadmap
      </button>
      <button type="button" role="tab" aria-selected={mode === 'health'} onClick={() => onMode('health')}>
        Health
      </button>
      <button type="button" role="tab" aria-selected={mode === 'activity'} onClick={() => onMode('activity')}>
        Activity
      </button>
    </div>
  );
}
