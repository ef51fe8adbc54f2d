/** The facilitator's buttons for one timer: compact symbols, each with its name for screen readers and a tooltip. */
import type { TimerAction, TimerState } from '../../shared/index.js';

const NAMES = {
  item: { start: 'Start', resume: 'Resume', pause: 'Pause', add: '+1 min', reset: 'Reset' },
  meeting: { start: 'Resume meeting', resume: 'Resume meeting', pause: 'Pause meeting', add: 'Add a minute to the meeting', reset: 'Reset the meeting clock' },
};

export function TimerControls({ which, timer, onAction }: { which: 'item' | 'meeting'; timer: TimerState; onAction: (action: TimerAction) => void }) {
  const names = NAMES[which];
  const running = timer.runningSince !== null;
  const toggle = running ? names.pause : timer.accumulatedMs > 0 ? names.resume : names.start;
  const button = (label: string, symbol: string, action: TimerAction) => (
    <button type="button" className="timer-button" aria-label={label} title={label} onClick={() => onAction(action)}>
      {symbol}
    </button>
  );
  return (
    <span className="timer-controls">
      {button(toggle, running ? '❚❚' : '▶', running ? 'pause' : 'start')}
      {button(names.add, '+1', 'add-minute')}
      {button(names.reset, '↺', 'reset')}
    </span>
  );
}
