/** A short notice at the bottom of the screen, optionally with Undo. */
import { useEffect } from 'react';

export interface ToastMessage {
  text: string;
  undo?: boolean;
}

export function Toast({ message, onUndo, onDone }: { message: ToastMessage; onUndo: () => void; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 6000);
    return () => clearTimeout(timer);
  }, [message, onDone]);
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
