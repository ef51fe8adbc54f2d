import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, addDependency, addItem, commentsMap, historyMap, itemHistory, itemsMap, itemThreads, mergeDuplicate, orderedItems, recordHistory, updateItem } from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

const ana = { id: 'ana-id', name: 'Ana' };
const find = (doc: Y.Doc, id: string) => orderedItems(doc).find((item) => item.id === id)!;

describe('merging a duplicate', () => {
  it('moves criteria, labels, comments and estimate history to the kept item and archives the other with a link back', () => {
    const doc = new Y.Doc();
    recordHistory(doc, () => ana);
    const keep = addItem(doc, { title: 'Login with SSO', labels: ['auth'], acceptanceCriteria: [{ text: 'Google works' }] });
    const dup = addItem(doc, { title: 'SSO login', labels: ['sso'], acceptanceCriteria: [{ text: 'google works' }, { text: 'GitHub works' }] });
    updateItem(doc, dup, { estimate: 3 });
    updateItem(doc, dup, { estimate: 5 });
    addComment(doc, { itemId: dup, text: 'Which providers?', author: ana });
    mergeDuplicate(doc, keep, dup);
    const kept = find(doc, keep);
    expect(kept.labels).toEqual(['auth', 'sso']);
    expect(kept.acceptanceCriteria.map((criterion) => criterion.text)).toEqual(['Google works', 'GitHub works']);
    expect(kept.estimate).toBe(5);
    expect(itemThreads(doc, keep).map((thread) => thread.root.text)).toEqual(['Which providers?']);
    expect(itemThreads(doc, dup)).toEqual([]);
    const gone = find(doc, dup);
    expect(gone.archived).toBe(true);
    expect(gone.duplicateOf).toBe(keep);
    const history = itemHistory(doc, keep);
    expect(history.filter((entry) => entry.field === 'estimate').map((entry) => [entry.from, entry.to])).toEqual([[null, 3], [3, 5], [null, 5]]);
    expect(history.at(-1)).toMatchObject({ field: 'merged', from: 'SSO login', by: 'Ana' });
  });

  it("is undone in one step without taking the kept item's later history with it", () => {
    const doc = new Y.Doc();
    const keep = addItem(doc, { title: 'Export CSV' });
    const undo = new Y.UndoManager([itemsMap(doc), commentsMap(doc), historyMap(doc)]);
    recordHistory(doc, () => ana);
    const step = (change: () => void) => {
      undo.stopCapturing();
      change();
      undo.stopCapturing();
    };
    let dup = '';
    step(() => (dup = addItem(doc, { title: 'CSV export' })));
    step(() => updateItem(doc, dup, { estimate: 3 }));
    step(() => mergeDuplicate(doc, keep, dup));
    step(() => updateItem(doc, keep, { status: 'ready' }));
    undo.undo(); // the status
    undo.undo(); // the merge
    expect(itemHistory(doc, keep).map((entry) => entry.field)).toEqual(['estimate', 'merged', 'status', 'status', 'estimate']);
    expect(itemHistory(doc, keep).filter((entry) => entry.mergedFrom !== undefined)).toEqual([]);
  });

  it('keeps the kept estimate when it has one', () => {
    const doc = new Y.Doc();
    const keep = addItem(doc, { title: 'A', estimate: 8 });
    const dup = addItem(doc, { title: 'B', estimate: 2 });
    mergeDuplicate(doc, keep, dup);
    expect(find(doc, keep).estimate).toBe(8);
  });

  it('refuses a wrong merge by name and writes nothing', () => {
    const doc = new Y.Doc();
    const keep = addItem(doc, { title: 'A' });
    const dup = addItem(doc, { title: 'B' });
    expectRejected(doc, () => mergeDuplicate(doc, keep, keep), /an item cannot be merged into itself/);
    expectRejected(doc, () => mergeDuplicate(doc, keep, 'nope'), /unknown duplicate id "nope"/);
    mergeDuplicate(doc, keep, dup);
    expectRejected(doc, () => mergeDuplicate(doc, keep, dup), /already merged into/);
    // The other way round would archive both.
    expectRejected(doc, () => mergeDuplicate(doc, dup, keep), /the kept item was itself merged into/);
    const other = addItem(doc, { title: 'C' });
    updateItem(doc, other, { archived: true });
    expectRejected(doc, () => mergeDuplicate(doc, other, keep), /the kept item is archived/);
  });

  it("takes the duplicate's children and dependents along, without making loops", () => {
    const doc = new Y.Doc();
    const keep = addItem(doc, { title: 'Checkout' });
    const dup = addItem(doc, { title: 'Check-out flow' });
    const child = addItem(doc, { title: 'Pay by card', parent: dup });
    const waiting = addItem(doc, { title: 'Receipts' });
    const before = addItem(doc, { title: 'Payment provider contract' });
    addDependency(doc, waiting, dup);
    addDependency(doc, dup, before);
    addDependency(doc, keep, waiting);
    mergeDuplicate(doc, keep, dup);
    expect(find(doc, child).parent).toBe(keep);
    // Receipts waited for the duplicate; waiting for the kept item would close a loop (the kept item waits for Receipts): dropped.
    expect(find(doc, waiting).dependsOn).toEqual([]);
    expect(find(doc, keep).dependsOn.sort()).toEqual([waiting, before].sort());
  });
});
