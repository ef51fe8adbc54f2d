/** A short notice at the bottom of the screen, optionally with Undo. */
import { useEffect, useRef } from 'react';

export interface ToastMessage {
  text: string;
  undo?: boolean;
}

const VISIBLE_MS = 6000;

export function Toast({ message, onUndo, onDone }: { message: ToastMessage; onUndo: () => void; onDone: () => void }) {
  // The page re-renders on every remote change; the timer must not restart with it.
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const timer = setTimeout(() => done.current(), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div className="toast" role="status">
      <span>{message.text}</span>
      {message.undo && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onUndo();
            onDone();
          }}
        >
          Undo
        </button>
      )}
    </div>
  );
}
