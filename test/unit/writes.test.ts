/**
 * The model's writers that the client leans on: text edits (the one writer
 * of Y.Text), changes to several items at once, and the checks that turn a
 * wrong argument into an Error naming it, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, editText, estimateCards, itemsMap, metaMap, orderedItems, removeItems, setArchived, setBoardTitle, textAt, updateItem } from '../../shared/index.js';
import { board, expectRejected } from '../helpers/model.js';

const item = (doc: Y.Doc, id: string) => orderedItems(doc).find((candidate) => candidate.id === id)!;

describe('editing text', () => {
  it('finds the text a target points at, also a criterion stored without an id', () => {
    const { doc, ids } = board('story');
    const criteria = new Y.Array<Y.Map<unknown>>();
    const legacy = new Y.Map<unknown>();
    legacy.set('text', new Y.Text('written by another program'));
    criteria.push([legacy]);
    itemsMap(doc).get(ids.story!)!.set('acceptanceCriteria', criteria);
    expect(textAt(doc, { item: ids.story!, criterion: '#0' })?.toString()).toBe('written by another program');
    expect(textAt(doc, { item: ids.story!, field: 'title' })?.toString()).toBe('story');
    expect(textAt(doc, { item: ids.story!, criterion: 'gone' })).toBeNull();
    expect(textAt(doc, { item: 'no such item', field: 'title' })).toBeNull();
  });

  it('changes only the edited part, placed by the caret, and stamps updatedAt', () => {
    const { doc, ids } = board('aa');
    itemsMap(doc).get(ids.aa!)!.set('updatedAt', 1);
    const text = itemsMap(doc).get(ids.aa!)!.get('title') as Y.Text;
    const inserts: number[] = [];
    text.observe((event) => {
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        if (op.insert) inserts.push(index);
      }
    });
    // "aa" -> "aaa" with the caret after the first new character: the new "a" is the second one.
    editText(doc, { item: ids.aa!, field: 'title' }, 'aaa', 2);
    expect(inserts).toEqual([1]);
    expect(item(doc, ids.aa!).title).toBe('aaa');
    expect(item(doc, ids.aa!).updatedAt).toBeGreaterThan(1);
  });

  it('writes descriptions and criteria, and makes the Y.Text another program left out', () => {
    const { doc, ids } = board('a');
    updateItem(doc, ids.a!, { acceptanceCriteria: [{ id: 'c1', text: 'works' }] });
    itemsMap(doc).get(ids.a!)!.set('description', 'plain string from an importer');
    editText(doc, { item: ids.a!, field: 'description' }, 'why it matters');
    editText(doc, { item: ids.a!, criterion: 'c1' }, 'works offline');
    expect(itemsMap(doc).get(ids.a!)!.get('description')).toBeInstanceOf(Y.Text);
    expect(item(doc, ids.a!)).toMatchObject({ description: 'why it matters', acceptanceCriteria: [{ id: 'c1', text: 'works offline', done: false }] });
  });

  it('refuses text over the limits, line breaks and direction overrides in a title, and unknown targets', () => {
    const { doc, ids } = board('a');
    expectRejected(doc, () => editText(doc, { item: ids.a!, field: 'title' }, 'x'.repeat(501)), /title is 501 characters long; the limit is 500/);
    expectRejected(doc, () => editText(doc, { item: ids.a!, field: 'description' }, 'x'.repeat(100_001)), /limit is 100000/);
    expectRejected(doc, () => editText(doc, { item: ids.a!, field: 'title' }, 'invoice\u202Egnp.exe'), /U\+202E \(right-to-left override\)/);
    expectRejected(doc, () => editText(doc, { item: ids.a!, field: 'title' }, 'two\nlines'), /line break/);
    expectRejected(doc, () => editText(doc, { item: ids.a!, criterion: 'nope' }, 'x'), /no criterion "nope"/);
    expectRejected(doc, () => editText(doc, { item: 'ghost', field: 'title' }, 'x'), /"ghost"/);
    expectRejected(doc, () => editText(doc, { item: ids.a!, field: 'order' } as never, 'x'), /title, description or a criterion/);
    // Right-to-left letters are fine.
    editText(doc, { item: ids.a!, field: 'title' }, 'תשלום בכרטיס');
    expect(item(doc, ids.a!).title).toBe('תשלום בכרטיס');
  });

  it('applies the same rules to titles given to addItem, updateItem and setBoardTitle', () => {
    const { doc, ids } = board('a');
    expectRejected(doc, () => addItem(doc, { title: 'a\u202Eb' }), /addItem: title contains U\+202E/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { labels: ['ok', 'x\u202Dy'] }), /a label contains U\+202D/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { labels: ['x'.repeat(65)] }), /a label is 65 characters long; the limit is 64/);
    expectRejected(doc, () => setBoardTitle(doc, 'board\u202E'), /board title contains U\+202E/);
  });
});

describe('estimates', () => {
  it('takes points as numbers and cards of the board’s decks, and names anything else', () => {
    const { doc, ids } = board('a');
    updateItem(doc, ids.a!, { estimate: 3 });
    updateItem(doc, ids.a!, { estimate: 'XL' });
    expect(item(doc, ids.a!).estimate).toBe('XL');
    expectRejected(doc, () => updateItem(doc, ids.a!, { estimate: 'banana' }), /estimate "banana" is neither a number of points \(0 or more\) nor a card of this board's decks \(XS, S, M, L, XL, XXL\)/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { estimate: '-3' }), /estimate "-3" is neither/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { estimate: -3 }), /estimate must be a number of points, 0 or more; got -3/);
    expectRejected(doc, () => updateItem(doc, ids.a!, { estimate: '?' }), /estimate "\?" is neither/);
    expectRejected(doc, () => addItem(doc, { title: 'b', estimate: ' M' }), /must not be blank or start or end with spaces/);
    expect(item(doc, ids.a!).estimate).toBe('XL');
  });

  it('takes the cards of a custom deck the team estimates with', () => {
    const { doc, ids } = board('a');
    metaMap(doc).set('customDeck', ['banana', 'apple', '3']);
    expect(estimateCards(doc)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', 'banana', 'apple']);
    updateItem(doc, ids.a!, { estimate: 'banana' });
    expect(item(doc, ids.a!).estimate).toBe('banana');
  });
});

describe('changing several items at once', () => {
  it('removes several items in one transaction', () => {
    const { doc, ids } = board('a', 'b', 'c');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    removeItems(doc, [ids.a!, ids.c!]);
    expect(transactions).toBe(1);
    expect(orderedItems(doc).map((i) => i.title)).toEqual(['b']);
  });

  it('archives and restores several items, stamping only those that change', () => {
    const { doc, ids } = board('a', 'b');
    updateItem(doc, ids.b!, { archived: true });
    itemsMap(doc).get(ids.b!)!.set('updatedAt', 1);
    setArchived(doc, [ids.a!, ids.b!], true);
    expect(orderedItems(doc).map((i) => i.archived)).toEqual([true, true]);
    expect(item(doc, ids.b!).updatedAt).toBe(1);
    setArchived(doc, [ids.a!, ids.b!], false);
    expect(orderedItems(doc).map((i) => i.archived)).toEqual([false, false]);
  });

  it('refuses unknown or repeated ids and a non-boolean, writing nothing', () => {
    const { doc, ids } = board('a', 'b');
    expectRejected(doc, () => removeItems(doc, [ids.a!, 'ghost']), /unknown item id "ghost"/);
    expectRejected(doc, () => removeItems(doc, [ids.a!, ids.a!]), /removeItems: item "[^"]+" is given twice/);
    expectRejected(doc, () => removeItems(doc, ids.a! as never), /ids must be an array/);
    expectRejected(doc, () => setArchived(doc, [ids.b!], 'yes' as never), /archived must be a boolean/);
    expect(orderedItems(doc)).toHaveLength(2);
  });

  it('refuses a parent that would make a cycle, naming it (an epic under its own grandchild)', () => {
    const { doc, ids } = board('epic', 'story', 'task');
    updateItem(doc, ids.story!, { parent: ids.epic! });
    updateItem(doc, ids.task!, { parent: ids.story! });
    expectRejected(doc, () => updateItem(doc, ids.epic!, { parent: ids.task! }), /cannot be its own ancestor/);
  });
});
