/**
 * The relay's first look at an update's bytes (server/update-scan.ts):
 * everything an honest client writes passes, and what would be costly to
 * decode, or is not a v1 update at all, is refused before Yjs builds it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, updateItem, splitItem, setBoardTitle } from '../../shared/index.js';
import { scanUpdate } from '../../server/update-scan.js';
import { CloseCode, ProtocolError } from '../../server/protocol.js';
import { craftUpdate } from '../helpers/craft-update.js';

const LIMITS = { maxEntries: 100_000 };

function refusal(update: Uint8Array, limits = LIMITS): { code: number; message: string } | null {
  try {
    scanUpdate(update, limits);
    return null;
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('scanning an update', () => {
  it('passes every kind of content an honest board writes, counting its structs', () => {
    const doc = new Y.Doc();
    setBoardTitle(doc, 'board');
    const id = addItem(doc, { title: 'story', description: 'text', labels: ['a', 'b'], acceptanceCriteria: [{ text: 'c1' }], estimate: 3 });
    updateItem(doc, id, { title: 'renamed', archived: false });
    splitItem(doc, id, ['part one', 'part two']);
    doc.getArray('misc').insert(0, [new Uint8Array([1, 2]), { nested: [1, { deep: null }] }, -7, 1.5, true, 'str', null]);
    doc.getText('t').insert(0, 'bold', { bold: true });
    doc.getXmlFragment('x').insert(0, [new Y.XmlElement('p'), new Y.XmlText('hi')]);
    const update = Y.encodeStateAsUpdate(doc);
    const { entries } = scanUpdate(update, LIMITS);
    expect(entries).toBeGreaterThanOrEqual(Y.decodeUpdate(update).structs.length);
  });

  it('refuses an update with more entries than the limit, before decoding it', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 2_000; i++) doc.getMap('m').set(`k${i}`, i);
    });
    expect(refusal(Y.encodeStateAsUpdate(doc), { maxEntries: 1_000 })?.code).toBe(CloseCode.tooBig);
    expect(refusal(Y.encodeStateAsUpdate(doc), { maxEntries: 5_000 })).toBeNull();
  });

  it('refuses sub-documents, values nested deeper than the limit, v2 updates and truncated bytes', () => {
    const withSubdoc = new Y.Doc();
    withSubdoc.getMap('m').set('doc', new Y.Doc());
    expect(refusal(Y.encodeStateAsUpdate(withSubdoc))?.code).toBe(CloseCode.policy);

    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = i % 2 ? { d: deep } : [deep];
    expect(refusal(craftUpdate([{ client: 1, clock: 0, items: [{ parentRoot: 'm', parentSub: 'k', values: [deep] }] }]))?.code).toBe(CloseCode.policy);

    const doc = new Y.Doc();
    addItem(doc, { title: 'story' });
    expect(refusal(Y.encodeStateAsUpdateV2(doc))?.code).toBe(CloseCode.malformed);
    const v1 = Y.encodeStateAsUpdate(doc);
    expect(refusal(v1.subarray(0, v1.byteLength - 3))?.code).toBe(CloseCode.malformed);
  });
});
