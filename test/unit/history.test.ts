import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptRound,
  addItem,
  castVote,
  editText,
  generateRoundKeys,
  historyMap,
  itemHistory,
  moveItem,
  openRound,
  orderedItems,
  readRound,
  recentActivity,
  recordHistory,
  revealRound,
  sealVote,
  splitItem,
  startSession,
  updateItem,
  type HistoryEntry,
} from '../../shared/index.js';

const ana = { id: 'ana-id', name: 'Ana' };
const bo = { id: 'bo-id', name: 'Bo' };
const pick = (entries: HistoryEntry[]) => entries.map(({ field, by, from, to }) => ({ field, by, ...(from !== undefined && { from }), ...(to !== undefined && { to }) }));

function clock(start = Date.UTC(2026, 11, 1, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('history', () => {
  it('records who changed which field from what to what', () => {
    const doc = new Y.Doc();
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const id = addItem(doc, { title: 'Login', estimate: 3 });
    updateItem(doc, id, { estimate: 5, status: 'ready', labels: ['auth'] });
    expect(pick(itemHistory(doc, id))).toEqual([
      { field: 'created', by: 'Ana' },
      { field: 'status', by: 'Ana', from: 'new', to: 'ready' },
      { field: 'estimate', by: 'Ana', from: 3, to: 5 },
      { field: 'labels', by: 'Ana', from: [], to: ['auth'] },
    ]);
    expect(itemHistory(doc, id).every((entry) => entry.at === time.now())).toBe(true);
  });

  it('marks an estimate accepted in a poker round as such, and only that one', async () => {
    const doc = new Y.Doc();
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const id = addItem(doc, { title: 'Login', estimate: 2 });
    startSession(doc, { facilitator: ana, agenda: [id], now: time.now() });
    const keys = await generateRoundKeys();
    openRound(doc, { roundId: 'r1', itemId: id, publicKey: keys.publicKey, deck: ['1', '2', '3', '5'], now: time.now() });
    castVote(doc, 'r1', ana, await sealVote(readRound(doc, 'r1')!.publicKey!, '5', { roundId: 'r1', voter: ana.id }), time.now());
    revealRound(doc, 'r1', keys.privateKey, time.now());
    acceptRound(doc, 'r1', '5', time.now());
    updateItem(doc, id, { estimate: 3 });
    expect(itemHistory(doc, id).filter((entry) => entry.field === 'estimate').map(({ from, to, via }) => ({ from, to, via }))).toEqual([
      { from: 2, to: 5, via: 'poker' },
      { from: 5, to: 3, via: undefined },
    ]);
  });

  it('groups typing per person and minute, and reads what the text became', () => {
    const doc = new Y.Doc();
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const id = addItem(doc, { title: 'Log' });
    let text = 'Log';
    for (const letter of 'in with SSO') {
      editText(doc, { item: id, field: 'title' }, (text += letter));
      time.advance(1_000);
    }
    const entries = itemHistory(doc, id).filter((entry) => entry.field === 'title');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ from: 'Log', to: 'Login with SSO' });
    time.advance(60_000);
    editText(doc, { item: id, field: 'title' }, 'SSO: Login with SSO', 0);
    expect(itemHistory(doc, id).filter((entry) => entry.field === 'title').map(({ from, to }) => [from, to])).toEqual([
      ['Log', 'Login with SSO'],
      ['Login with SSO', 'SSO: Login with SSO'],
    ]);
  });

  it('groups edits of acceptance criteria per person and minute too, not one entry per keystroke', () => {
    const doc = new Y.Doc();
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const id = addItem(doc, { title: 'Login', acceptanceCriteria: [{ text: 'Google works' }, { text: '' }] });
    const criterion = orderedItems(doc)[0]!.acceptanceCriteria[1]!.id;
    let text = '';
    for (const letter of 'GitHub works') {
      editText(doc, { item: id, criterion }, (text += letter));
      time.advance(1_000);
    }
    const entries = itemHistory(doc, id).filter((entry) => entry.field === 'acceptanceCriteria');
    expect(entries.map(({ from, to }) => [from, to])).toEqual([[['Google works', ''], ['Google works', 'GitHub works']]]);
  });

  it('keeps both people’s first entries on an item written before history, edited offline by both', () => {
    const base = new Y.Doc();
    const id = addItem(base, { title: 'Login page' });
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    for (const doc of [a, b]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    recordHistory(a, () => ana);
    recordHistory(b, () => bo);
    updateItem(a, id, { estimate: 5 });
    updateItem(b, id, { status: 'ready' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(itemHistory(doc, id).map((entry) => `${entry.by}:${entry.field}`).sort()).toEqual(['Ana:estimate', 'Bo:status']);
  });

  it('still reads the history of boards written with one array per item', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { title: 'Login', estimate: 3 });
    const legacy = new Y.Array<HistoryEntry>();
    historyMap(doc).set(id, legacy as never);
    legacy.push([{ at: 1, by: 'Ana', byId: 'ana-id', field: 'estimate', from: null, to: 3 }]);
    recordHistory(doc, () => bo);
    updateItem(doc, id, { estimate: 5 });
    expect(pick(itemHistory(doc, id))).toEqual([
      { field: 'estimate', by: 'Ana', from: null, to: 3 },
      { field: 'estimate', by: 'Bo', from: 3, to: 5 },
    ]);
    expect(recentActivity(doc).map((entry) => [entry.itemId, entry.by])).toEqual([
      [id, 'Bo'],
      [id, 'Ana'],
    ]);
  });

  it("records each person's own changes, merged on every replica; remote changes are not recorded twice", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, update, 'a'));
    b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, update, 'b'));
    recordHistory(a, () => ana);
    recordHistory(b, () => bo);
    const id = addItem(a, { title: 'Login' });
    updateItem(b, id, { priority: 'must' });
    updateItem(a, id, { estimate: 8 });
    for (const doc of [a, b]) expect(pick(itemHistory(doc, id)).map(({ field, by }) => `${by}:${field}`)).toEqual(['Ana:created', 'Bo:priority', 'Ana:estimate']);
  });

  it('records moves with the new position, and splits on both sides', () => {
    const doc = new Y.Doc();
    recordHistory(doc, () => ana);
    const first = addItem(doc, { title: 'First' });
    const big = addItem(doc, { title: 'Big story' });
    moveItem(doc, big, { before: first });
    expect(pick(itemHistory(doc, big)).at(-1)).toEqual({ field: 'moved', by: 'Ana', to: 1 });
    const parts = splitItem(doc, big, ['Part one', 'Part two']);
    expect(pick(itemHistory(doc, big)).slice(-2)).toEqual([
      { field: 'archived', by: 'Ana', from: false, to: true },
      { field: 'split', by: 'Ana', to: ['Part one', 'Part two'] },
    ]);
    expect(pick(itemHistory(doc, parts[0]!))).toEqual([{ field: 'created', by: 'Ana', from: 'Big story' }]);
  });

  it('lists the latest changes across the board, newest first', () => {
    const doc = new Y.Doc();
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const one = addItem(doc, { title: 'One' });
    time.advance(1_000);
    const two = addItem(doc, { title: 'Two' });
    time.advance(1_000);
    updateItem(doc, one, { estimate: 2 });
    expect(recentActivity(doc, 2).map((entry) => [entry.itemId, entry.field])).toEqual([
      [one, 'estimate'],
      [two, 'created'],
    ]);
  });

  it('costs one entry per change, not per keystroke', () => {
    // The same client id in both documents: its varint size shows in every struct.
    const doc = new Y.Doc();
    doc.clientID = 7;
    const time = clock();
    recordHistory(doc, () => ana, time.now);
    const id = addItem(doc, { title: '' });
    const before = Y.encodeStateAsUpdate(doc).length;
    for (let n = 1; n <= 500; n++) editText(doc, { item: id, field: 'description' }, 'x'.repeat(n));
    const typed = Y.encodeStateAsUpdate(doc).length - before;
    const withoutHistory = new Y.Doc();
    withoutHistory.clientID = 7;
    const bare = addItem(withoutHistory, { title: '' });
    const bareBefore = Y.encodeStateAsUpdate(withoutHistory).length;
    for (let n = 1; n <= 500; n++) editText(withoutHistory, { item: bare, field: 'description' }, 'x'.repeat(n));
    // Typing in one minute adds one history entry: a few dozen bytes beside what the typing itself costs.
    expect(typed - (Y.encodeStateAsUpdate(withoutHistory).length - bareBefore)).toBeLessThan(200);
  });
});
