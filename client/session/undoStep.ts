/**
 * Undoing one particular change later, whatever happened since. A toast's
 * Undo must take back its own action ("Deleted …"), not whatever was done
 * last: Y.UndoManager.undo() only knows the top of its stack, and when the
 * top step changes nothing it goes on to the next one.
 */
import type * as Y from 'yjs';

type StackItem = Y.UndoManager['undoStack'][number];

/**
 * Runs `change` as an undo step of its own and returns the step it made
 * (null when it wrote nothing that the manager tracks).
 */
export function recordStep<T>(manager: Y.UndoManager, change: () => T): { result: T; step: StackItem | null } {
  manager.stopCapturing();
  const before = manager.undoStack[manager.undoStack.length - 1];
  try {
    const result = change();
    const after = manager.undoStack[manager.undoStack.length - 1];
    return { result, step: after !== undefined && after !== before ? after : null };
  } finally {
    // The next change, typing too, starts a step of its own.
    manager.stopCapturing();
  }
}

/**
 * Undoes exactly `step`, if it is still on the undo stack (Ctrl+Z may have
 * taken it back already); returns whether it did. The manager is handed a
 * stack holding only this step, so it can neither pick another one nor fall
 * through to older steps; the rest of the stack is kept as it was, and the
 * step goes onto the redo stack as usual.
 */
export function undoStep(manager: Y.UndoManager, step: StackItem): boolean {
  if (!manager.undoStack.includes(step)) return false;
  const others = manager.undoStack.filter((item) => item !== step);
  manager.undoStack = [step];
  try {
    return manager.undo() !== null;
  } finally {
    manager.undoStack = others;
  }
}
