/**
 * A toast's Undo reverts exactly its own action, whatever happened since:
 * the undo manager's own undo() would take back the latest change instead.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap, metaMap, orderedItems, removeItems, setBoardTitle } from '../../shared/index.js';
import { recordStep, undoStep } from '../../client/session/undoStep.js';

function setup() {
  const doc = new Y.Doc();
  const undo = new Y.UndoManager([itemsMap(doc), metaMap(doc)], { captureTimeout: 400 });
  const step = <T>(change: () => T) => recordStep(undo, change);
  const titles = () => orderedItems(doc).map((item) => item.title);
  return { doc, undo, step, titles };
}

describe('undoing one step', () => {
  it('brings back a deleted item after something else was added, and keeps the new item', () => {
    const { doc, undo, step, titles } = setup();
    const old = step(() => addItem(doc, { title: 'Old' })).result;
    const deleted = step(() => removeItems(doc, [old]));
    step(() => addItem(doc, { title: 'Newer' }));
    expect(titles()).toEqual(['Newer']);

    expect(undoStep(undo, deleted.step!)).toBe(true);
    expect(titles().sort()).toEqual(['Newer', 'Old']);
    // Undone once only: a second click finds nothing to undo.
    expect(undoStep(undo, deleted.step!)).toBe(false);
    // Ctrl+Z afterwards still takes back the latest change of its own.
    undo.undo();
    expect(titles()).toEqual(['Old']);
  });

  it('does nothing when the step was already undone with Ctrl+Z, and never takes back an older one', () => {
    const { doc, undo, step, titles } = setup();
    step(() => setBoardTitle(doc, 'Board'));
    const added = step(() => addItem(doc, { title: 'A' }));
    undo.undo();
    expect(titles()).toEqual([]);
    expect(undoStep(undo, added.step!)).toBe(false);
    expect(metaMap(doc).get('title')).toBe('Board');
  });

  it('records no step for a change that wrote nothing', () => {
    const { doc, step } = setup();
    expect(step(() => removeItems(doc, [])).step).toBeNull();
  });
});
