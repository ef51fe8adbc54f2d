import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptRequest,
  addItem,
  allRequests,
  answerRequest,
  declineRequest,
  fileRequest,
  inbox,
  mergeRequest,
  mergedRequests,
  orderedIds,
  orderedItems,
  readRequest,
  requestMoreInfo,
  updateItem,
} from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

const T0 = Date.UTC(2026, 10, 30, 9);
const REQUEST = { title: 'Export invoices as PDF', description: 'Our accountant needs PDFs.', source: 'customer' as const, sourceName: 'Acme Corp', requester: 'Rita', link: 'https://support.example.com/t/42' };

describe('filing a request', () => {
  it('puts it in the inbox, not in the backlog', () => {
    const doc = new Y.Doc();
    addItem(doc, { title: 'Existing work' });
    const id = fileRequest(doc, REQUEST, T0);
    expect(orderedItems(doc).map((item) => item.title)).toEqual(['Existing work']);
    expect(inbox(doc).map((request) => request.id)).toEqual([id]);
    expect(readRequest(doc, id)).toMatchObject({ ...REQUEST, receivedAt: T0, triage: null });
  });

  it('checks every field and writes nothing when one is wrong', () => {
    const doc = new Y.Doc();
    expectRejected(doc, () => fileRequest(doc, { ...REQUEST, title: '  ' }, T0), /a request needs a title/);
    expectRejected(doc, () => fileRequest(doc, { ...REQUEST, source: 'martians' as never }, T0), /source must be one of customer, internal, client-facing, other/);
    expectRejected(doc, () => fileRequest(doc, { ...REQUEST, link: 'javascript:alert(1)' }, T0), /link must be an http or https address/);
    expectRejected(doc, () => fileRequest(doc, { ...REQUEST, requester: 'x'.repeat(65) }, T0), /requester is 65 characters long; the limit is 64/);
    expectRejected(doc, () => fileRequest(doc, { ...REQUEST, description: 'x'.repeat(20_001) }, T0), /description is 20001 characters long/);
  });
});

describe('triage', () => {
  it('accepts a request into the backlog at a place, with a kind and priority, in one step', () => {
    const doc = new Y.Doc();
    const first = addItem(doc, { title: 'First' });
    addItem(doc, { title: 'Second' });
    const id = fileRequest(doc, REQUEST, T0);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const itemId = acceptRequest(doc, id, { place: { after: first }, kind: 'enhancement', priority: 'should', by: 'Paula' }, T0 + 1);
    expect(transactions).toBe(1);
    expect(orderedItems(doc).map((item) => item.title)).toEqual(['First', 'Export invoices as PDF', 'Second']);
    const item = orderedItems(doc)[1]!;
    expect(item).toMatchObject({ id: itemId, kind: 'enhancement', priority: 'should', description: 'Our accountant needs PDFs.', createdBy: 'Rita' });
    expect(readRequest(doc, id)!.triage).toMatchObject({ action: 'accepted', by: 'Paula', at: T0 + 1, itemId });
    expect(inbox(doc)).toEqual([]);
  });

  it('merges a request into an existing item: the item shows its text and link, the request leaves the inbox', () => {
    const doc = new Y.Doc();
    const target = addItem(doc, { title: 'Invoices' });
    const id = fileRequest(doc, REQUEST, T0);
    mergeRequest(doc, id, target, { by: 'Paula' }, T0 + 1);
    expect(orderedIds(doc)).toEqual([target]);
    expect(mergedRequests(doc, target).map((request) => [request.title, request.description, request.link])).toEqual([[REQUEST.title, REQUEST.description, REQUEST.link]]);
    expect(inbox(doc)).toEqual([]);
    expectRejected(doc, () => mergeRequest(doc, fileRequest(new Y.Doc(), REQUEST, T0), target, { by: 'P' }, T0), /unknown request/);
  });

  it('sends a request back with a question, and declines with a reason; both need their text', () => {
    const doc = new Y.Doc();
    const asked = fileRequest(doc, REQUEST, T0);
    const declined = fileRequest(doc, { ...REQUEST, title: 'Make it pop' }, T0);
    requestMoreInfo(doc, asked, { question: 'Which invoices: all, or one at a time?', by: 'Paula' }, T0 + 1);
    declineRequest(doc, declined, { reason: 'Not specific enough to act on', by: 'Paula' }, T0 + 1);
    expect(readRequest(doc, asked)!.triage).toMatchObject({ action: 'needs-info', question: 'Which invoices: all, or one at a time?' });
    expect(readRequest(doc, declined)!.triage).toMatchObject({ action: 'declined', reason: 'Not specific enough to act on' });
    // Sent back for information it stays in the inbox (waiting), declined it does not.
    expect(inbox(doc).map((request) => request.id)).toEqual([asked]);
    expectRejected(doc, () => requestMoreInfo(doc, asked, { question: ' ', by: 'Paula' }, T0), /a question for the requester is needed/);
    expectRejected(doc, () => declineRequest(doc, asked, { reason: '', by: 'Paula' }, T0), /a reason is needed/);
  });

  it('lets the requester answer a question: the answer shows on the request, which waits in the inbox again', () => {
    const doc = new Y.Doc();
    const id = fileRequest(doc, REQUEST, T0);
    requestMoreInfo(doc, id, { question: 'Which invoices?', by: 'Paula' }, T0 + 1);
    const reply = answerRequest(doc, id, { text: 'All of last month', requester: 'Rita' }, T0 + 2);
    expect(inbox(doc).map((request) => request.id)).toEqual([id]);
    expect(readRequest(doc, id)!.replies).toEqual([{ id: reply, text: 'All of last month', requester: 'Rita', at: T0 + 2 }]);
    expect(readRequest(doc, id)!.answered).toBe(true);
    expect(allRequests(doc).map((request) => request.id)).toEqual([id]);
    expectRejected(doc, () => answerRequest(doc, id, { text: ' ', requester: 'Rita' }, T0), /an answer needs some text/);
    expectRejected(doc, () => answerRequest(doc, 'nope', { text: 'x', requester: 'Rita' }, T0), /unknown request id "nope"/);
  });

  it('takes an accepted item out of the backlog at once when a later decision replaces the acceptance', () => {
    const a = new Y.Doc();
    const id = fileRequest(a, REQUEST, T0);
    acceptRequest(a, id, { by: 'Ana' }, T0 + 1);
    expect(orderedItems(a).map((item) => item.title)).toEqual(['Export invoices as PDF']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    declineRequest(b, id, { reason: 'Changed our minds', by: 'Bo' }, T0 + 2);
    // Only the request changes: the backlog read a moment ago (and cached) must not keep the item.
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(orderedItems(a)).toEqual([]);
  });

  it('ends with one outcome on every replica when two people triage at once: the one that keeps the work', () => {
    // Whatever the replicas' client ids (Yjs breaks ties by them), an acceptance nobody saw is never undone.
    for (const [first, second] of [[1000, 2000], [2000, 1000]]) {
      const a = new Y.Doc();
      a.clientID = first!;
      const target = addItem(a, { title: 'Invoices' });
      const id = fileRequest(a, REQUEST, T0);
      const b = new Y.Doc();
      b.clientID = second!;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const accepted = acceptRequest(a, id, { place: { before: null }, by: 'Ana' }, T0 + 1);
      updateItem(a, accepted, { estimate: 5 }); // Ana is already working on it
      declineRequest(b, id, { reason: 'Out of scope', by: 'Bo' }, T0 + 2);
      mergeRequest(b, id, target, { by: 'Bo' }, T0 + 3);
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      for (const doc of [a, b]) {
        expect(readRequest(doc, id)!.triage).toMatchObject({ action: 'accepted', by: 'Ana' });
        expect(orderedItems(doc).map((item) => [item.title, item.estimate])).toEqual([['Invoices', null], ['Export invoices as PDF', 5]]);
        expect(mergedRequests(doc, target)).toEqual([]);
      }
    }
  });

  it('applies the new kind and priority when a request is accepted again', () => {
    const doc = new Y.Doc();
    const id = fileRequest(doc, REQUEST, T0);
    acceptRequest(doc, id, { kind: 'bug', by: 'Ana' }, T0 + 1);
    requestMoreInfo(doc, id, { question: 'Which?', by: 'Ana' }, T0 + 2);
    acceptRequest(doc, id, { kind: 'enhancement', priority: 'could', by: 'Ana' }, T0 + 3);
    expect(orderedItems(doc).map((item) => [item.kind, item.priority])).toEqual([['enhancement', 'could']]);
  });

  it('lets a decision made after seeing the outcome replace it', () => {
    const doc = new Y.Doc();
    const id = fileRequest(doc, REQUEST, T0);
    acceptRequest(doc, id, { by: 'Ana' }, T0 + 1);
    declineRequest(doc, id, { reason: 'Changed our minds', by: 'Bo' }, T0 + 2);
    expect(readRequest(doc, id)!.triage).toMatchObject({ action: 'declined', by: 'Bo' });
    expect(orderedItems(doc)).toEqual([]);
  });
});
