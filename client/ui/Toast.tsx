/**
 * A short notice at the bottom of the screen, with at most one action
 * (Undo, Show it). Problems are announced as alerts, the rest politely.
 */
import { useEffect, useRef } from 'react';

export interface Notice {
  text: string;
  /** A refusal or failure rather than news. */
  problem?: boolean;
  action?: { label: string; run: () => void };
}

const VISIBLE_MS = 6000;
/** A problem stays longer: it takes a moment to read why. */
const PROBLEM_MS = 10000;

export function Toast({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  // The page re-renders on every remote change; the timer must not restart with it.
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const timer = setTimeout(() => done.current(), notice.problem ? PROBLEM_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={notice.problem ? 'toast toast-problem' : 'toast'} role={notice.problem ? 'alert' : 'status'}>
      <span className="toast-text">{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            notice.action!.run();
            onDone();
          }}
        >
          {notice.action.label}
        </button>
      )}
      {notice.problem && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDone}>
          ×
        </button>
      )}
    </div>
  );
}
