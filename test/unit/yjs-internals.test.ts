/**
 * What the product relies on in Yjs beyond its documented API
 * (shared/yjs-internals.ts), checked against the installed version. The
 * relay's role policy is a security boundary built on these behaviours: if
 * an upgrade of `yjs` (pinned exactly in package.json) changes one, this
 * test fails before the policy can silently weaken.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clockOf, declaredPlace, depthOf, discardPending, hasPending, inTransaction, itemAt, itemsInRange, pathOf, plainValues, rootHasEntry, rootName, typeInItem } from '../../shared/yjs-internals.js';
import { craftUpdate } from '../helpers/craft-update.js';

describe('the Yjs internals the policy relies on', () => {
  it('reads the plain values of a decoded map entry, and nothing from a nested type or text', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    map.set('plain', 'text');
    map.set('number', 5);
    map.set('type', new Y.Map());
    doc.getText('t').insert(0, 'hi');
    const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs as Y.Item[];
    const byKey = (key: string) => structs.find((struct) => struct.parentSub === key)!;
    expect(plainValues(byKey('plain'))).toEqual(['text']);
    expect(plainValues(byKey('number'))).toEqual([5]);
    expect(plainValues(byKey('type'))).toBeNull();
    expect(plainValues(structs.find((struct) => (struct.parent as unknown) === 't')!)).toBeNull();
  });

  it('tells whether a top-level map holds a key, in a document loaded from an update, without creating the root', () => {
    const source = new Y.Doc();
    source.getMap('requests').set('r1', new Y.Map());
    source.getMap('requests').set('gone', 1);
    source.getMap('requests').delete('gone');
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source));
    expect(rootHasEntry(loaded, 'requests', 'r1')).toBe(true);
    expect(rootHasEntry(loaded, 'requests', 'gone')).toBe(false);
    expect(rootHasEntry(loaded, 'requests', 'other')).toBe(false);
    expect(rootHasEntry(loaded, 'nothing', 'x')).toBe(false);
    expect(loaded.share.has('nothing')).toBe(false);
  });

  it('decodes an overwrite with its parent and key left out, implied by the entry it overwrites', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set('k', 2);
    const [item] = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before)).structs as Y.Item[];
    expect(item).toBeInstanceOf(Y.Item);
    expect(declaredPlace(item!)).toEqual({ parent: null, key: null });
    expect(item!.origin).toEqual(doc.getMap('m')._map.get('k')!.left!.id);
  });

  it('decodes a new entry of a top-level map with the root’s name, and a nested one with its parent’s id', () => {
    const doc = new Y.Doc();
    const nested = new Y.Map();
    doc.getMap('root').set('child', nested);
    nested.set('leaf', 1);
    const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs as Y.Item[];
    expect(declaredPlace(structs[0]!)).toEqual({ parent: 'root', key: 'child' });
    const leaf = declaredPlace(structs[1]!);
    expect(leaf.parent).toBeInstanceOf(Y.ID);
    expect(leaf.key).toBe('leaf');
    expect(typeInItem(itemAt(doc, leaf.parent as Y.ID)!)).toBe(nested);
  });

  it('holds a generic type for a root loaded from an update, and replaces it when an accessor asks: paths are read by name', () => {
    const source = new Y.Doc();
    const inner = new Y.Map();
    source.getMap('grooming').set('session', inner);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source));
    const generic = loaded.share.get('grooming')!;
    expect(generic).not.toBeInstanceOf(Y.Map);
    const session = typeInItem(generic._map.get('session')!)!;
    expect(pathOf(loaded, session, 4)).toEqual(['grooming', 'session']);
    const typed = loaded.getMap('grooming');
    expect(typed).not.toBe(generic);
    expect(rootName(loaded, typed)).toBe('grooming');
    expect(rootName(loaded, generic)).toBeNull();
    expect(pathOf(loaded, typeInItem(typed._map.get('session')!)!, 4)).toEqual(['grooming', 'session']);
  });

  it('applies the last section when an update lists a client twice (which is why the policy refuses it)', () => {
    const doc = new Y.Doc();
    const update = craftUpdate([
      { client: 5, clock: 0, items: [{ parentRoot: 'a', parentSub: 'first', values: [1] }] },
      { client: 5, clock: 0, items: [{ parentRoot: 'a', parentSub: 'second', values: [2] }] },
    ]);
    Y.applyUpdate(doc, update);
    expect(doc.getMap('a').toJSON()).toEqual({ second: 2 });
  });

  it('keeps structs and deletions that refer to missing edits as pending, and applies them on a later update', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, craftUpdate([{ client: 9, clock: 1, items: [{ parentRoot: 'a', parentSub: 'later', values: [1] }] }]));
    expect(hasPending(doc)).toBe(true);
    expect(clockOf(doc, 9)).toBe(0);
    discardPending(doc);
    expect(hasPending(doc)).toBe(false);
    Y.applyUpdate(doc, craftUpdate([], [{ client: 10, ranges: [[0, 5]] }]));
    expect(hasPending(doc)).toBe(true);
  });

  it('reports a running transaction, walks a client’s items by clock, and counts nesting', () => {
    const doc = new Y.Doc();
    let inside = false;
    doc.transact(() => (inside = inTransaction(doc)));
    expect(inside).toBe(true);
    expect(inTransaction(doc)).toBe(false);
    let map = doc.getMap('deep');
    for (let i = 0; i < 5; i++) {
      const next = new Y.Map();
      map.set('k', next);
      map = next;
    }
    expect(depthOf(map, 100)).toBe(5);
    expect(depthOf(map, 3)).toBe(3);
    expect(pathOf(doc, map, 10)).toEqual(['deep', 'k', 'k', 'k', 'k', 'k']);
    expect(pathOf(doc, map, 3)).toBeNull();
    expect([...itemsInRange(doc, doc.clientID, 0, 2)].map((item) => item.id.clock)).toEqual([0, 1]);
  });
});
