import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_DEFINITION_OF_READY,
  addComment,
  addItem,
  backlogHealth,
  definitionOfReady,
  keepItems,
  openQuestions,
  orderedItems,
  readinessGaps,
  resolveThread,
  setDefinitionOfReady,
  setFramework,
  setStaleAfterDays,
  staleAfterDays,
  staleItems,
  updateItem,
} from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);

describe('the definition of ready', () => {
  it('defaults to criteria, an estimate of at most 13, a priority, a description and no open questions', () => {
    const doc = new Y.Doc();
    expect(definitionOfReady(doc)).toEqual(DEFAULT_DEFINITION_OF_READY);
    expect(DEFAULT_DEFINITION_OF_READY).toEqual({ acceptanceCriteria: true, estimate: true, maxEstimate: 13, priority: true, description: true, openQuestions: true });
    const id = addItem(doc, { title: 'Huge', estimate: 40 });
    expect(readinessGaps(orderedItems(doc)[0]!, { definition: definitionOfReady(doc) })).toEqual(['no-acceptance-criteria', 'estimate-too-large', 'no-priority', 'no-description']);
    updateItem(doc, id, { estimate: 8, priority: 'must', description: 'Why', acceptanceCriteria: [{ text: 'works' }] });
    expect(readinessGaps(orderedItems(doc)[0]!, { definition: definitionOfReady(doc) })).toEqual([]);
    // An open question in its comments keeps it from ready, until answered; the rule can be switched off.
    const question = addComment(doc, { itemId: id, text: 'Which browsers?', author: { id: 'ana', name: 'Ana' }, question: true });
    expect(readinessGaps(orderedItems(doc)[0]!, { definition: definitionOfReady(doc), openQuestions: openQuestions(doc) })).toEqual(['open-questions']);
    setDefinitionOfReady(doc, { openQuestions: false });
    expect(readinessGaps(orderedItems(doc)[0]!, { definition: definitionOfReady(doc), openQuestions: openQuestions(doc) })).toEqual([]);
    setDefinitionOfReady(doc, { openQuestions: true });
    resolveThread(doc, question, { id: 'bo', name: 'Bo' }, true);
    expect(readinessGaps(orderedItems(doc)[0]!, { definition: definitionOfReady(doc), openQuestions: openQuestions(doc) })).toEqual([]);
  });

  it('is edited by the team, rule by rule, and two people changing different rules both keep theirs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setDefinitionOfReady(a, { description: false });
    setDefinitionOfReady(b, { maxEstimate: 8 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(definitionOfReady(doc)).toEqual({ ...DEFAULT_DEFINITION_OF_READY, description: false, maxEstimate: 8 });
    setDefinitionOfReady(a, { maxEstimate: null });
    expect(definitionOfReady(a).maxEstimate).toBeNull();
    expectRejected(a, () => setDefinitionOfReady(a, { maxEstimate: -1 }), /maxEstimate must be a number of points above 0, or null/);
    expectRejected(a, () => setDefinitionOfReady(a, { sparkles: true } as never), /unknown rule "sparkles"/);
  });

  it('counts a score in one of the board’s frameworks as prioritized', () => {
    const doc = new Y.Doc();
    setFramework(doc, 'wsjf', true);
    addItem(doc, { title: 'Scored', estimate: 3, scoreInputs: { businessValue: 8, timeCriticality: 3, riskReduction: 1 } });
    const [item] = orderedItems(doc);
    expect(readinessGaps(item!, { definition: definitionOfReady(doc), frameworks: ['wsjf'] })).not.toContain('no-priority');
    expect(readinessGaps(item!, { definition: definitionOfReady(doc) })).toContain('no-priority');
  });

  it('keeps the old hints for callers that give no definition', () => {
    const doc = new Y.Doc();
    addItem(doc, { title: 'x' });
    expect(readinessGaps(orderedItems(doc)[0]!)).toEqual(['no-acceptance-criteria', 'no-estimate', 'no-description']);
  });
});

describe('stale items', () => {
  function board() {
    const doc = new Y.Doc();
    const ids = ['old', 'recent', 'done', 'archived'].map((title) => addItem(doc, { title }));
    const at = (id: string, days: number) => itemsAt(doc, id, NOW - days * DAY);
    at(ids[0]!, 300);
    at(ids[1]!, 10);
    at(ids[2]!, 400);
    at(ids[3]!, 400);
    return { doc, ids };
  }
  function itemsAt(doc: Y.Doc, id: string, updatedAt: number) {
    doc.getMap<Y.Map<unknown>>('items').get(id)!.set('updatedAt', updatedAt);
  }

  it('lists open items not changed for the board’s period (270 days unless set), oldest first', () => {
    const { doc, ids } = board();
    updateItem(doc, ids[2]!, { status: 'done' });
    itemsAt(doc, ids[2]!, NOW - 400 * DAY);
    doc.getMap<Y.Map<unknown>>('items').get(ids[3]!)!.set('archived', true);
    expect(staleAfterDays(doc)).toBe(270);
    expect(staleItems(orderedItems(doc), { now: NOW, days: staleAfterDays(doc) }).map((item) => item.title)).toEqual(['old']);
    setStaleAfterDays(doc, 5);
    expect(staleItems(orderedItems(doc), { now: NOW, days: staleAfterDays(doc) }).map((item) => item.title)).toEqual(['old', 'recent']);
    expectRejected(doc, () => setStaleAfterDays(doc, 0), /days must be a whole number from 1 to 3650/);
  });

  it('keeping items resets their clock and notes who decided, in one transaction', () => {
    const { doc, ids } = board();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    keepItems(doc, [ids[0]!], { by: 'Paula' }, NOW);
    expect(transactions).toBe(1);
    const kept = orderedItems(doc).find((item) => item.id === ids[0])!;
    expect(kept.updatedAt).toBe(NOW);
    expect(kept.keptBy).toBe('Paula');
    expect(kept.keptAt).toBe(NOW);
    expect(staleItems(orderedItems(doc), { now: NOW, days: 270 }).map((item) => item.title)).toEqual(['done', 'archived']);
  });
});

describe('backlog health', () => {
  it('says how much of the top of the backlog is ready, what lacks a priority or estimate, and what to groom next', () => {
    const doc = new Y.Doc();
    const ready = { estimate: 3, priority: 'must' as const, description: 'd', acceptanceCriteria: [{ text: 'c' }] };
    addItem(doc, { title: 'A', ...ready });
    addItem(doc, { title: 'B' });
    addItem(doc, { title: 'C', ...ready });
    addItem(doc, { title: 'D', estimate: 5 });
    addItem(doc, { title: 'E (done)', status: 'done' });
    addItem(doc, { title: 'F (being built)', status: 'in-progress' }, { after: null });
    const health = backlogHealth(orderedItems(doc), { definition: definitionOfReady(doc), frameworks: [], top: 3, now: NOW });
    expect(health.top.map((item) => item.title)).toEqual(['A', 'B', 'C']);
    expect(health.topReady).toBe(2);
    expect(health.groomNext.map(({ item, gaps }) => [item.title, gaps])).toEqual([
      ['B', ['no-acceptance-criteria', 'no-estimate', 'no-priority', 'no-description']],
      ['D', ['no-acceptance-criteria', 'no-priority', 'no-description']],
    ]);
    expect(health.withoutPriority.map((item) => item.title)).toEqual(['F (being built)', 'B', 'D']);
    expect(health.withoutEstimate.map((item) => item.title)).toEqual(['F (being built)', 'B']);
    expect(health.open).toBe(5);
  });

  it('counts an open question against readiness as the row hint does, until it is resolved', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { title: 'Login with SSO', estimate: 3, priority: 'must', description: 'd', acceptanceCriteria: [{ text: 'works' }] });
    const question = addComment(doc, { itemId: id, text: 'Which providers first?', author: { id: 'ana', name: 'Ana' }, question: true });
    const health = () => backlogHealth(orderedItems(doc), { definition: definitionOfReady(doc), frameworks: [], top: 10, now: NOW, openQuestions: openQuestions(doc) });
    expect(health().topReady).toBe(0);
    expect(health().groomNext.map(({ item, gaps }) => [item.title, gaps])).toEqual([['Login with SSO', ['open-questions']]]);
    resolveThread(doc, question, { id: 'bo', name: 'Bo' }, true);
    expect(health().topReady).toBe(1);
    expect(health().groomNext).toEqual([]);
  });
});
