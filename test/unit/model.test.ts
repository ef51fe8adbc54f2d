import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_KEY_LENGTH,
  SCHEMA_VERSION,
  addItem,
  boardTitle,
  isValidOrderKey,
  itemsMap,
  moveItem,
  moveItems,
  orderedIds,
  orderedItems,
  readinessGaps,
  removeItem,
  schemaVersion,
  splitItem,
  setBoardTitle,
  updateItem,
} from '../../shared/index.js';
import { board, expectRejected } from '../helpers/model.js';

function titles(doc: Y.Doc): string[] {
  return orderedItems(doc).map((item) => item.title);
}

function setRawOrder(doc: Y.Doc, id: string, order: unknown): void {
  itemsMap(doc).get(id)!.set('order', order);
}

describe('adding items', () => {
  it('adds at the bottom by default, and at the top or next to an item when asked', () => {
    const { doc, ids } = board('a', 'b');
    addItem(doc, { title: 'top' }, { after: null });
    addItem(doc, { title: 'bottom' }, { before: null });
    addItem(doc, { title: 'after a' }, { after: ids.a! });
    addItem(doc, { title: 'before b' }, { before: ids.b! });
    expect(titles(doc)).toEqual(['top', 'a', 'after a', 'before b', 'b', 'bottom']);
  });

  it('gives new items defaults and stamps the schema version', () => {
    const doc = new Y.Doc();
    expect(schemaVersion(doc)).toBeNull();
    const before = Date.now();
    const id = addItem(doc, { title: 'Export CSV', createdBy: 'ana' });
    const [item] = orderedItems(doc);
    expect(schemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(item).toMatchObject({
      id,
      title: 'Export CSV',
      description: '',
      kind: 'story',
      status: 'new',
      estimate: null,
      priority: null,
      labels: [],
      acceptanceCriteria: [],
      parent: null,
      archived: false,
      createdBy: 'ana',
    });
    expect(item!.createdAt).toBeGreaterThanOrEqual(before);
    expect(item!.updatedAt).toBe(item!.createdAt);
    expect(itemsMap(doc).get(id)!.get('title')).toBeInstanceOf(Y.Text);
    expect(itemsMap(doc).get(id)!.get('description')).toBeInstanceOf(Y.Text);
  });

  it('makes random ids of fixed length', () => {
    const doc = new Y.Doc();
    const ids = Array.from({ length: 200 }, () => addItem(doc, { title: 'x' }));
    expect(new Set(ids).size).toBe(200);
    expect(new Set(ids.map((id) => id.length))).toEqual(new Set([16]));
  });

  it('rejects bad fields with an error naming the field, writing nothing', () => {
    const { doc, ids } = board('a');
    expectRejected(doc, () => addItem(doc, { title: 'x', kind: 'saga' as never }), /kind must be one of/);
    expectRejected(doc, () => addItem(doc, {} as never), /title/);
    expectRejected(doc, () => addItem(doc, { title: 'x', estimate: -1 }), /estimate/);
    expectRejected(doc, () => addItem(doc, { title: 'x', colour: 'red' } as never), /unknown or read-only field "colour"/);
    expectRejected(doc, () => addItem(doc, { title: 'x' }, { after: 'missing' }), /"missing"/);
    expectRejected(doc, () => addItem(doc, { title: 'x' }, { next: ids.a } as never), /a place must be/);
    expectRejected(doc, () => addItem(doc, { title: 'x', parent: 'ghost' }), /"ghost"/);
  });
});

describe('moving items', () => {
  it('moves one item to the top, the bottom, after and before another', () => {
    const { doc, ids } = board('a', 'b', 'c', 'd');
    moveItem(doc, ids.d!, { after: null });
    expect(titles(doc)).toEqual(['d', 'a', 'b', 'c']);
    moveItem(doc, ids.d!, { before: null });
    expect(titles(doc)).toEqual(['a', 'b', 'c', 'd']);
    moveItem(doc, ids.a!, { after: ids.c! });
    expect(titles(doc)).toEqual(['b', 'c', 'a', 'd']);
    moveItem(doc, ids.d!, { before: ids.b! });
    expect(titles(doc)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('writes only the moved item, in one transaction', () => {
    const { doc, ids } = board('a', 'b', 'c');
    const changed: string[][] = [];
    doc.on('afterTransaction', (tr) => {
      const keys: string[] = [];
      tr.changed.forEach((subs, type) => {
        if (type instanceof Y.Map && type !== itemsMap(doc)) subs.forEach((key) => key && keys.push(key));
      });
      changed.push(keys);
    });
    moveItem(doc, ids.c!, { after: null });
    expect(changed).toEqual([['order']]);
    expect(orderedItems(doc).map((item) => item.id)).toEqual([ids.c, ids.a, ids.b]);
    expect(itemsMap(doc).size).toBe(3);
  });

  it('leaves an item that is already in place untouched', () => {
    const { doc, ids } = board('a', 'b');
    const before = Y.encodeStateVector(doc);
    moveItem(doc, ids.b!, { after: ids.a! });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('moves a block contiguously, in the given order', () => {
    const { doc, ids } = board('a', 'b', 'c', 'd', 'e');
    moveItems(doc, [ids.e!, ids.a!, ids.c!], { after: ids.b! });
    expect(titles(doc)).toEqual(['b', 'e', 'a', 'c', 'd']);
    moveItems(doc, [ids.d!, ids.b!], { after: null });
    expect(titles(doc)).toEqual(['d', 'b', 'e', 'a', 'c']);
  });

  it('rejects unknown ids, self anchors and repeated ids, naming the id and writing nothing', () => {
    const { doc, ids } = board('a', 'b');
    expectRejected(doc, () => moveItem(doc, 'nope', { after: null }), /unknown item id "nope"/);
    expectRejected(doc, () => moveItem(doc, ids.a!, { after: 'gone' }), /"gone"/);
    expectRejected(doc, () => moveItem(doc, ids.a!, { after: ids.a! }), new RegExp(`"${ids.a}" cannot be placed relative to itself`));
    expectRejected(doc, () => moveItems(doc, [ids.a!, ids.b!], { before: ids.b! }), new RegExp(`"${ids.b}"`));
    expectRejected(doc, () => moveItems(doc, [ids.a!, ids.a!], { after: null }), /repeat/);
    expectRejected(doc, () => moveItems(doc, [ids.a!, 'x'], { after: null }), /unknown item id "x"/);
  });
});

describe('order keys under stress', () => {
  it('repairs tied keys: the tied items and the new one are re-keyed together', () => {
    const { doc, ids } = board('a', 'b', 'c');
    const tie = itemsMap(doc).get(ids.a!)!.get('order');
    setRawOrder(doc, ids.b!, tie);
    setRawOrder(doc, ids.c!, tie);
    const tiedOrder = orderedIds(doc);
    const [first, second, third] = tiedOrder as [string, string, string];
    const x = addItem(doc, { title: 'x' }, { after: first });
    expect(orderedIds(doc)).toEqual([first, x, second, third]);
    const y = addItem(doc, { title: 'y' }, { after: second });
    expect(orderedIds(doc)).toEqual([first, x, second, y, third]);
    const keys = orderedItems(doc).map((item) => item.order);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows items with malformed or empty keys once, deterministically, and moves next to them work', () => {
    const { doc, ids } = board('a', 'b', 'c', 'd');
    setRawOrder(doc, ids.b!, '');
    setRawOrder(doc, ids.c!, 'not a key!');
    setRawOrder(doc, ids.d!, 42);
    const order = orderedIds(doc);
    expect(order).toHaveLength(4);
    expect(new Set(order).size).toBe(4);
    // The same raw data gives the same order on another replica.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(orderedIds(other)).toEqual(order);
    for (const anchor of order) {
      const x = addItem(doc, { title: 'x' }, { after: anchor });
      const now = orderedIds(doc);
      expect(now[now.indexOf(anchor) + 1]).toBe(x);
      moveItem(doc, ids.a!, { before: anchor === ids.a ? x : anchor });
    }
    for (const item of orderedItems(doc)) expect(isValidOrderKey(item.order) || ['', 'not a key!'].includes(item.order)).toBe(true);
  });

  it('keeps keys within the cap when thousands of items go into one gap, without renumbering the list', () => {
    const { doc, ids } = board('a', 'b');
    const far = Array.from({ length: 50 }, (_, i) => addItem(doc, { title: `far ${i}` }));
    const farKeys = far.map((id) => itemsMap(doc).get(id)!.get('order'));
    for (let i = 0; i < 3000; i++) addItem(doc, { title: `x${i}` }, { after: ids.a! });
    for (let i = 0; i < 3000; i++) addItem(doc, { title: `y${i}` }, { before: ids.b! });
    const items = orderedItems(doc);
    expect(Math.max(...items.map((item) => item.order.length))).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(items.every((item) => isValidOrderKey(item.order))).toBe(true);
    expect(far.map((id) => itemsMap(doc).get(id)!.get('order'))).toEqual(farKeys);
    expect(items[0]!.title).toBe('a');
    expect(items[1]!.title).toBe('x2999');
    expect(items.at(-52)!.title).toBe('y2999');
  });
});

describe('editing and removing', () => {
  it('updates any field and replaces text without touching the unchanged part', () => {
    const { doc, ids } = board('Export');
    const id = ids.Export!;
    const title = itemsMap(doc).get(id)!.get('title') as Y.Text;
    updateItem(doc, id, {
      title: 'Export to CSV',
      description: 'so that finance can reconcile',
      kind: 'enhancement',
      status: 'ready',
      estimate: 5,
      priority: 'must',
      labels: ['finance', 'export', 'finance'],
      archived: true,
    });
    expect(itemsMap(doc).get(id)!.get('title')).toBe(title);
    expect(orderedItems(doc)[0]).toMatchObject({
      title: 'Export to CSV',
      description: 'so that finance can reconcile',
      kind: 'enhancement',
      status: 'ready',
      estimate: 5,
      priority: 'must',
      labels: ['export', 'finance'],
      archived: true,
    });
    updateItem(doc, id, { estimate: 'XL', priority: null });
    expect(orderedItems(doc)[0]).toMatchObject({ estimate: 'XL', priority: null });
  });

  it('keeps a concurrent edit when a title is replaced', () => {
    const a = new Y.Doc();
    const id = addItem(a, { title: 'Export report' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateItem(a, id, { title: 'Export monthly report' });
    (itemsMap(b).get(id)!.get('title') as Y.Text).insert('Export report'.length, ' as PDF');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(titles(a)).toEqual(['Export monthly report as PDF']);
    expect(titles(b)).toEqual(titles(a));
  });

  it('edits acceptance criteria in place by id', () => {
    const { doc, ids } = board('story');
    const id = ids.story!;
    updateItem(doc, id, { acceptanceCriteria: [{ text: 'Given a user' }, { text: 'When they export', done: true }] });
    const [first, second] = orderedItems(doc)[0]!.acceptanceCriteria;
    expect(first).toMatchObject({ text: 'Given a user', done: false });
    expect(second).toMatchObject({ text: 'When they export', done: true });
    const secondText = (itemsMap(doc).get(id)!.get('acceptanceCriteria') as Y.Array<Y.Map<unknown>>).get(1).get('text');
    updateItem(doc, id, {
      acceptanceCriteria: [
        { id: second!.id, text: 'When they export a CSV', done: true },
        { text: 'Then a file downloads' },
      ],
    });
    const criteria = orderedItems(doc)[0]!.acceptanceCriteria;
    expect(criteria.map((c) => c.text)).toEqual(['When they export a CSV', 'Then a file downloads']);
    expect(criteria[0]!.id).toBe(second!.id);
    expect((itemsMap(doc).get(id)!.get('acceptanceCriteria') as Y.Array<Y.Map<unknown>>).get(0).get('text')).toBe(secondText);
  });

  it('sets a parent epic, refusing unknown parents and cycles', () => {
    const { doc, ids } = board('epic', 'story');
    updateItem(doc, ids.story!, { parent: ids.epic! });
    expect(orderedItems(doc)[1]!.parent).toBe(ids.epic);
    expectRejected(doc, () => updateItem(doc, ids.epic!, { parent: ids.story! }), /own ancestor/);
    expectRejected(doc, () => updateItem(doc, ids.story!, { parent: ids.story! }), /own parent/);
    expectRejected(doc, () => updateItem(doc, ids.story!, { parent: 'nope' }), /"nope"/);
  });

  it('rejects bad patches and unknown ids, writing nothing', () => {
    const { doc, ids } = board('a');
    expectRejected(doc, () => updateItem(doc, 'zz', { title: 'x' }), /unknown item id "zz"/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { status: 'shipped' as never }), /status must be one of/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { order: 'a0' } as never), /read-only field "order"/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { title: 'ok', labels: [''] }), /label/);
    expectRejected(doc, () => removeItem(doc, 'zz'), /unknown item id "zz"/);
  });

  it('removes an item', () => {
    const { doc, ids } = board('a', 'b');
    removeItem(doc, ids.a!);
    expect(titles(doc)).toEqual(['b']);
  });

  it('sets the board title', () => {
    const doc = new Y.Doc();
    setBoardTitle(doc, 'Checkout revamp');
    expect(boardTitle(doc)).toBe('Checkout revamp');
    expect(() => setBoardTitle(doc, 7 as never)).toThrow(/board title must be a string/);
  });
});

describe('items written by other software', () => {
  it('reads items that lack optional fields or hold odd values', () => {
    const doc = new Y.Doc();
    const items = itemsMap(doc);
    const bare = new Y.Map<unknown>();
    items.set('bare', bare);
    const odd = new Y.Map<unknown>();
    items.set('odd', odd);
    odd.set('title', 'plain string title');
    odd.set('kind', 'saga');
    odd.set('estimate', -3);
    odd.set('order', 'a0');
    const snapshots = orderedItems(doc);
    expect(snapshots.map((item) => item.id)).toEqual(['bare', 'odd']);
    expect(snapshots[0]).toMatchObject({ title: '', order: '', kind: 'story', status: 'new', labels: [], createdAt: null });
    expect(snapshots[1]).toMatchObject({ title: 'plain string title', kind: 'story', estimate: null });
    updateItem(doc, 'odd', { title: 'now a Y.Text' });
    expect(odd.get('title')).toBeInstanceOf(Y.Text);
    expect(orderedItems(doc)[1]!.title).toBe('now a Y.Text');
  });
});

describe('splitting', () => {
  it('puts the new items where the original stood, inheriting its fields, and archives the original', () => {
    const { doc, ids } = board('a', 'big', 'c');
    updateItem(doc, ids.big!, { kind: 'bug', priority: 'should', labels: ['checkout'], description: 'long story' });
    const parts = splitItem(doc, ids.big!, ['part one', 'part two']);
    const items = orderedItems(doc);
    expect(items.map((item) => item.title)).toEqual(['a', 'big', 'part one', 'part two', 'c']);
    expect(items[1]!.archived).toBe(true);
    expect(items[1]!.description).toBe('long story');
    for (const id of parts) {
      expect(items.find((item) => item.id === id)).toMatchObject({ kind: 'bug', priority: 'should', labels: ['checkout'], archived: false });
    }
  });

  it('is one undoable transaction and rejects bad titles writing nothing', () => {
    const { doc, ids } = board('big');
    const undo = new Y.UndoManager(itemsMap(doc));
    expectRejected(doc, () => splitItem(doc, ids.big!, []), /at least one title/);
    expectRejected(doc, () => splitItem(doc, ids.big!, ['ok', 'x'.repeat(501)]), /title 1/);
    splitItem(doc, ids.big!, ['one', 'two', 'three']);
    expect(orderedItems(doc)).toHaveLength(4);
    undo.undo();
    expect(orderedItems(doc).map((item) => [item.title, item.archived])).toEqual([['big', false]]);
  });
});

describe('readiness', () => {
  it('lists the gaps of an open item and none for done or archived ones', () => {
    const { doc, ids } = board('x');
    expect(readinessGaps(orderedItems(doc)[0]!)).toEqual(['no-acceptance-criteria', 'no-estimate', 'no-description']);
    updateItem(doc, ids.x!, { description: 'why', estimate: 2, acceptanceCriteria: [{ text: 'works' }] });
    expect(readinessGaps(orderedItems(doc)[0]!)).toEqual([]);
    updateItem(doc, ids.x!, { estimate: null, status: 'done' });
    expect(readinessGaps(orderedItems(doc)[0]!)).toEqual([]);
  });
});
