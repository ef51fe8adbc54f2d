import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptRequest,
  declineRequest,
  fileRequest,
  addItem,
  applyRanking,
  boardFrameworks,
  itemsMap,
  moveItem,
  orderedIds,
  orderedItems,
  rankPreview,
  rankingMovedSince,
  scoreItem,
  setFramework,
  updateItem,
  updateItems,
  valueEffortQuadrant,
  type ItemSnapshot,
} from '../../shared/index.js';
import { board, expectRejected } from '../helpers/model.js';

function item(doc: Y.Doc, id: string): ItemSnapshot {
  return orderedItems(doc).find((entry) => entry.id === id)!;
}

describe('RICE', () => {
  // Intercom's formula (Sean McBride, "RICE: Simple prioritization for product managers"):
  // reach x impact x confidence / effort, impact on 0.25/0.5/1/2/3, confidence a percentage, effort in person-months.
  it('scores reach x impact x confidence / effort, and says how', () => {
    const { doc, ids } = board('onboarding');
    updateItem(doc, ids.onboarding!, { scoreInputs: { reach: 500, impact: 2, confidence: 80, effortMonths: 2 } });
    const score = scoreItem('rice', item(doc, ids.onboarding!));
    expect(score.value).toBe(400);
    expect(score.missing).toEqual([]);
    expect(score.explanation).toBe('RICE = reach 500 × impact 2 × confidence 80% ÷ effort 2 person-months = 400');
  });

  it('matches worked examples on those scales: a critical bug and a one-customer feature', () => {
    const { doc, ids } = board('bug', 'enterprise');
    updateItem(doc, ids.bug!, { scoreInputs: { reach: 10_000, impact: 3, confidence: 100, effortMonths: 0.5 } });
    updateItem(doc, ids.enterprise!, { scoreInputs: { reach: 10, impact: 3, confidence: 100, effortMonths: 6 } });
    expect(scoreItem('rice', item(doc, ids.bug!)).value).toBe(60_000);
    expect(scoreItem('rice', item(doc, ids.enterprise!)).value).toBe(5);
  });

  it('has no score while an input is missing, and names what is missing', () => {
    const { doc, ids } = board('half');
    updateItem(doc, ids.half!, { scoreInputs: { reach: 200, impact: 1 } });
    const score = scoreItem('rice', item(doc, ids.half!));
    expect(score.value).toBeNull();
    expect(score.missing).toEqual(['confidence', 'effortMonths']);
    expect(score.explanation).toBe('RICE needs confidence and effort');
  });

  it('refuses values off the published scales, naming the input, and writes nothing', () => {
    const { doc, ids } = board('x');
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { impact: 1.5 } }), /impact must be one of 0.25, 0.5, 1, 2, 3/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { confidence: 120 } }), /confidence must be a percentage from 0 to 100/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { effortMonths: 0 } }), /effortMonths must be more than 0/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { reach: -1 } }), /reach must be a number from 0/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { reach: Number.NaN } }), /reach must be a number/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { bogus: 1 } as never }), /unknown score input "bogus"/);
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: 5 as never }), /scoreInputs must be an object/);
  });
});

describe('WSJF', () => {
  // SAFe: cost of delay (user-business value + time criticality + risk reduction/opportunity enablement) over
  // job size, each on the relative Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
  it('scores cost of delay over job size', () => {
    const { doc, ids } = board('ads bug', 'podcast feed');
    // The pair WSJF exists to settle: a small urgent fix against a big feature of the same value.
    updateItem(doc, ids['ads bug']!, { scoreInputs: { businessValue: 8, timeCriticality: 13, riskReduction: 5, jobSize: 2 } });
    updateItem(doc, ids['podcast feed']!, { scoreInputs: { businessValue: 8, timeCriticality: 3, riskReduction: 5, jobSize: 8 } });
    const bug = scoreItem('wsjf', item(doc, ids['ads bug']!));
    expect(bug.value).toBe(13);
    expect(bug.explanation).toBe('WSJF = (business value 8 + time criticality 13 + risk reduction 5) ÷ job size 2 = 13');
    expect(scoreItem('wsjf', item(doc, ids['podcast feed']!)).value).toBe(2);
  });

  it('takes the job size from the estimate until someone sets it, and never overwrites a hand-set size', () => {
    const { doc, ids } = board('x');
    updateItem(doc, ids.x!, { estimate: 5, scoreInputs: { businessValue: 8, timeCriticality: 5, riskReduction: 2 } });
    let score = scoreItem('wsjf', item(doc, ids.x!));
    expect(score.value).toBe(3);
    expect(score.explanation).toBe('WSJF = (business value 8 + time criticality 5 + risk reduction 2) ÷ job size 5 (the estimate) = 3');
    expect(itemsMap(doc).get(ids.x!)!.has('jobSize')).toBe(false);
    updateItem(doc, ids.x!, { scoreInputs: { jobSize: 3 } });
    updateItem(doc, ids.x!, { estimate: 13 });
    score = scoreItem('wsjf', item(doc, ids.x!));
    expect(score.value).toBe(5);
    expect(item(doc, ids.x!).scoreInputs.jobSize).toBe(3);
  });

  it('has no job size from a card estimate such as "M"', () => {
    const { doc, ids } = board('x');
    updateItem(doc, ids.x!, { estimate: 'M', scoreInputs: { businessValue: 8, timeCriticality: 5, riskReduction: 2 } });
    expect(scoreItem('wsjf', item(doc, ids.x!)).missing).toEqual(['jobSize']);
  });

  it('refuses a WSJF input off the Fibonacci scale', () => {
    const { doc, ids } = board('x');
    expectRejected(doc, () => updateItem(doc, ids.x!, { scoreInputs: { timeCriticality: 4 } }), /timeCriticality must be one of 1, 2, 3, 5, 8, 13, 20/);
  });

  it('clears an input with null', () => {
    const { doc, ids } = board('x');
    updateItem(doc, ids.x!, { scoreInputs: { businessValue: 8 } });
    updateItem(doc, ids.x!, { scoreInputs: { businessValue: null } });
    expect(item(doc, ids.x!).scoreInputs.businessValue).toBeNull();
  });
});

describe('value against effort', () => {
  it('scores value over effort and names the quadrant', () => {
    const { doc, ids } = board('quick', 'bet', 'filler', 'sink');
    updateItem(doc, ids.quick!, { scoreInputs: { businessValue: 13, jobSize: 2 } });
    updateItem(doc, ids.bet!, { scoreInputs: { businessValue: 13, jobSize: 13 } });
    updateItem(doc, ids.filler!, { scoreInputs: { businessValue: 2, jobSize: 1 } });
    updateItem(doc, ids.sink!, { scoreInputs: { businessValue: 2, jobSize: 20 } });
    expect(scoreItem('value-effort', item(doc, ids.quick!)).value).toBe(6.5);
    expect(scoreItem('value-effort', item(doc, ids.quick!)).explanation).toBe('value 13 ÷ effort 2 = 6.5 (a quick win)');
    expect(valueEffortQuadrant(item(doc, ids.quick!))).toBe('quick-win');
    expect(valueEffortQuadrant(item(doc, ids.bet!))).toBe('big-bet');
    expect(valueEffortQuadrant(item(doc, ids.filler!))).toBe('filler');
    expect(valueEffortQuadrant(item(doc, ids.sink!))).toBe('time-sink');
  });
});

describe('MoSCoW', () => {
  it('ranks must before should before could before won’t', () => {
    const { doc, ids } = board('m', 'w', 'none');
    updateItem(doc, ids.m!, { priority: 'must' });
    updateItem(doc, ids.w!, { priority: 'wont' });
    expect(scoreItem('moscow', item(doc, ids.m!)).value).toBeGreaterThan(scoreItem('moscow', item(doc, ids.w!)).value!);
    expect(scoreItem('moscow', item(doc, ids.m!)).explanation).toBe('MoSCoW: must have');
    expect(scoreItem('moscow', item(doc, ids.none!)).value).toBeNull();
  });
});

describe("the board's frameworks", () => {
  it('start as MoSCoW only, and each can be turned on or off on its own', () => {
    const doc = new Y.Doc();
    expect(boardFrameworks(doc)).toEqual(['moscow']);
    setFramework(doc, 'wsjf', true);
    setFramework(doc, 'rice', true);
    expect(boardFrameworks(doc)).toEqual(['rice', 'wsjf', 'moscow']);
    setFramework(doc, 'moscow', false);
    expect(boardFrameworks(doc)).toEqual(['rice', 'wsjf']);
    expectRejected(doc, () => setFramework(doc, 'kano' as never, true), /unknown framework "kano"; use one of rice, wsjf, value-effort, moscow/);
  });

  it('merge: two people turning on different frameworks at once both get theirs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setFramework(a, 'rice', true);
    setFramework(b, 'wsjf', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(boardFrameworks(a)).toEqual(['rice', 'wsjf', 'moscow']);
    expect(boardFrameworks(b)).toEqual(boardFrameworks(a));
  });
});

describe('score inputs merge field by field', () => {
  it('two people editing different inputs of one score both keep theirs', () => {
    const a = new Y.Doc();
    const id = addItem(a, { title: 'x' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateItem(a, id, { scoreInputs: { reach: 300 } });
    updateItem(b, id, { scoreInputs: { impact: 2 } });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(item(doc, id).scoreInputs).toMatchObject({ reach: 300, impact: 2 });
  });
});

describe('setting fields of several items at once', () => {
  it('writes the patch to every item in one transaction', () => {
    const { doc, ids } = board('a', 'b', 'c');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateItems(doc, [ids.a!, ids.c!], { kind: 'bug', priority: 'should', scoreInputs: { timeCriticality: 8 } });
    expect(transactions).toBe(1);
    expect(item(doc, ids.a!)).toMatchObject({ kind: 'bug', priority: 'should', scoreInputs: { timeCriticality: 8 } });
    expect(item(doc, ids.b!).kind).toBe('story');
    expect(item(doc, ids.c!).scoreInputs.timeCriticality).toBe(8);
  });

  it('adds and removes labels on every item, keeping the other labels of each', () => {
    const { doc, ids } = board('a', 'b');
    updateItem(doc, ids.a!, { labels: ['web', 'old'] });
    updateItem(doc, ids.b!, { labels: ['ios'] });
    updateItems(doc, [ids.a!, ids.b!], {}, { add: ['q3'], remove: ['old'] });
    expect(item(doc, ids.a!).labels).toEqual(['q3', 'web']);
    expect(item(doc, ids.b!).labels).toEqual(['ios', 'q3']);
    expectRejected(doc, () => updateItems(doc, [ids.a!], { kind: 'bug' }, { add: ['bad\nlabel'] }), /a label contains a line break/);
  });

  it('checks every item and the patch before writing anything', () => {
    const { doc, ids } = board('a', 'b');
    expectRejected(doc, () => updateItems(doc, [ids.a!, 'nope'], { kind: 'bug' }), /unknown item id "nope"/);
    expectRejected(doc, () => updateItems(doc, [ids.a!, ids.b!], { kind: 'saga' as never }), /kind must be one of/);
    expectRejected(doc, () => updateItems(doc, [ids.a!, ids.b!], { parent: ids.a! }), /cannot be its own parent/);
  });
});

describe('rank by score', () => {
  function scored(): { doc: Y.Doc; ids: Record<string, string> } {
    const made = board('low', 'unscored', 'high', 'done', 'mid');
    const { doc, ids } = made;
    setFramework(doc, 'wsjf', true);
    const set = (name: string, businessValue: number) => updateItem(doc, ids[name]!, { scoreInputs: { businessValue, timeCriticality: 1, riskReduction: 1, jobSize: 1 } });
    set('low', 1);
    set('high', 20);
    set('mid', 8);
    set('done', 20);
    updateItem(doc, ids.done!, { status: 'done' });
    return made;
  }
  const names = (doc: Y.Doc, ids: Record<string, string>) => orderedIds(doc).map((id) => Object.keys(ids).find((name) => ids[name] === id));

  it('previews which items move and where, without moving anything', () => {
    const { doc, ids } = scored();
    const before = Y.encodeStateVector(doc);
    const preview = rankPreview(doc, 'wsjf');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // Scored open items trade places among the places they hold; unscored and done items stay put.
    expect(preview.proposed.map((id) => Object.keys(ids).find((name) => ids[name] === id))).toEqual(['high', 'unscored', 'mid', 'done', 'low']);
    expect(preview.moves).toEqual([
      { id: ids.high!, from: 2, to: 0 },
      { id: ids.mid!, from: 4, to: 2 },
      { id: ids.low!, from: 0, to: 4 },
    ]);
  });

  it('applies the preview as one transaction, every item exactly once', () => {
    const { doc, ids } = scored();
    const preview = rankPreview(doc, 'wsjf');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const result = applyRanking(doc, preview);
    expect(transactions).toBe(1);
    expect(result.kept).toEqual([]);
    expect(names(doc, ids)).toEqual(['high', 'unscored', 'mid', 'done', 'low']);
  });

  it('calls out an item someone moved by hand since the preview, and keeps it where they put it unless told', () => {
    const { doc, ids } = scored();
    const preview = rankPreview(doc, 'wsjf');
    moveItem(doc, ids.high!, { before: null });
    expect(rankingMovedSince(doc, preview)).toEqual([ids.high!]);
    const result = applyRanking(doc, preview);
    expect(result.kept).toEqual([ids.high!]);
    // "high" stays at the bottom where it was put by hand; the others are ranked in the places left.
    expect(names(doc, ids)).toEqual(['mid', 'unscored', 'done', 'low', 'high']);
  });

  it('overrides the hand move when asked', () => {
    const { doc, ids } = scored();
    const preview = rankPreview(doc, 'wsjf');
    moveItem(doc, ids.high!, { before: null });
    applyRanking(doc, preview, { overrideMoved: true });
    // The ranked items fill the places ranked items hold now; "done" and "unscored" stay where they are.
    expect(names(doc, ids)).toEqual(['high', 'unscored', 'done', 'mid', 'low']);
  });

  it('does not take an item with a malformed order key for one moved by hand', () => {
    const { doc, ids } = scored();
    itemsMap(doc).get(ids.mid!)!.set('order', 42);
    const preview = rankPreview(doc, 'wsjf');
    expect(rankingMovedSince(doc, preview)).toEqual([]);
  });

  it('ranks what is left when a ranked item leaves the backlog between the preview and applying it', () => {
    const { doc, ids } = scored();
    const request = fileRequest(doc, { title: 'From a customer', source: 'customer' }, 1);
    const fromRequest = acceptRequest(doc, request, { place: { after: null }, by: 'Ana' }, 2);
    updateItem(doc, fromRequest, { scoreInputs: { businessValue: 13, timeCriticality: 1, riskReduction: 1, jobSize: 1 } });
    const preview = rankPreview(doc, 'wsjf');
    declineRequest(doc, request, { reason: 'Duplicate', by: 'Bo' }, 3);
    applyRanking(doc, preview);
    expect(names(doc, ids)).toEqual(['high', 'unscored', 'mid', 'done', 'low']);
  });

  it('refuses a framework the board does not use', () => {
    const { doc } = scored();
    expect(() => rankPreview(doc, 'rice')).toThrow(/this board does not use rice/);
  });
});
