import { describe, expect, it } from 'vitest';
import { createEstimator, type EstimateHistoryItem } from '../../shared/refinement/index.js';

/** A small seeded generator, so that the fixtures are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** Four kinds of work whose words tell their size: a team that sizes alike work alike. */
const TOPICS = [
  { estimate: 1, words: ['typo', 'label', 'wording', 'tooltip', 'colour', 'spelling'] },
  { estimate: 3, words: ['export', 'spreadsheet', 'column', 'download', 'format', 'filename'] },
  { estimate: 8, words: ['payment', 'invoice', 'checkout', 'refund', 'currency', 'gateway'] },
  { estimate: 13, words: ['migration', 'database', 'schema', 'replication', 'sharding', 'backup'] },
] as const;

/** `count` items, oldest first, whose titles carry their topic's words and whose estimate is the topic's. */
function telling(count: number, seed = 1): EstimateHistoryItem[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, index) => {
    const topic = TOPICS[index % TOPICS.length]!;
    return { id: `t${index}`, title: `${pick(random, topic.words)} ${pick(random, topic.words)} ${pick(random, topic.words)}`, estimate: topic.estimate };
  });
}

/** `count` items whose titles are drawn from every topic's words regardless of the estimate: the words carry no signal. */
function silent(count: number, seed = 2): EstimateHistoryItem[] {
  const random = seeded(seed);
  const words = TOPICS.flatMap((topic) => topic.words);
  // Spread evenly over five cards: the board's median (3) is the best single guess, and neighbours drawn at random only add noise.
  const estimates = [1, 2, 3, 5, 8];
  return Array.from({ length: count }, (_, index) => ({
    id: `s${index}`,
    title: `${pick(random, words)} ${pick(random, words)} ${pick(random, words)}`,
    estimate: pick(random, estimates),
  }));
}

describe('estimate suggestions', () => {
  it('finds the reference stories by similar titles, best first, with their points', () => {
    const estimator = createEstimator(telling(120));
    const suggestion = estimator.suggest({ title: 'refund through the payment gateway fails' });
    expect(suggestion.neighbours.length).toBeGreaterThan(0);
    for (const neighbour of suggestion.neighbours) expect(neighbour.estimate).toBe(8);
    const scores = suggestion.neighbours.map((neighbour) => neighbour.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves out the ids it is told to, such as the item itself when it is already estimated', () => {
    const history = telling(120);
    const self = history[2]!;
    const estimator = createEstimator(history);
    expect(estimator.suggest(self).neighbours[0]!.id).toBe(self.id);
    const without = estimator.suggest(self, { exclude: [self.id] });
    expect(without.neighbours.map((neighbour) => neighbour.id)).not.toContain(self.id);
    expect(without).toMatchObject({ basis: 'similar', value: self.estimate });
  });

  it('suggests the neighbours\' median when the backtest says they beat the board\'s median, with the figures', () => {
    const estimator = createEstimator(telling(120));
    expect(estimator.backtest).not.toBeNull();
    expect(estimator.backtest!.items).toBeGreaterThan(0);
    expect(estimator.backtest!.similarMae).toBeLessThan(estimator.backtest!.medianMae);
    const suggestion = estimator.suggest({ title: 'database schema migration' });
    expect(suggestion).toMatchObject({ basis: 'similar', value: 13 });
    expect(suggestion.spread!.low).toBeLessThanOrEqual(13);
    expect(suggestion.spread!.high).toBe(13);
    expect(suggestion.backtest).toEqual(estimator.backtest);
    // Without the history's weight beside them, the neighbours alone: all 13.
    expect(createEstimator(telling(120), { prior: 0 }).suggest({ title: 'database schema migration' }).spread).toEqual({ low: 13, high: 13 });
    expect(estimator.suggest({ title: 'spelling of a tooltip label' })).toMatchObject({ basis: 'similar', value: 1 });
  });

  it('offers the median when the titles carry no signal, because the backtest says the neighbours do worse', () => {
    const estimator = createEstimator(silent(200));
    expect(estimator.backtest).not.toBeNull();
    expect(estimator.backtest!.similarMae).toBeGreaterThan(estimator.backtest!.medianMae);
    const suggestion = estimator.suggest({ title: 'refund through the payment gateway fails' });
    expect(suggestion).toMatchObject({ basis: 'median', value: 3 });
    // The reference stories are still shown, for the team to compare against.
    expect(suggestion.neighbours.length).toBeGreaterThan(0);
  });

  it('offers only the median with fewer than 50 estimated items, however telling the titles', () => {
    const estimator = createEstimator(telling(40));
    expect(estimator.backtest).toBeNull();
    expect(estimator.suggest({ title: 'database schema migration' })).toMatchObject({ basis: 'median' });
    expect(createEstimator(telling(50)).suggest({ title: 'database schema migration' }).basis).toBe('similar');
  });

  it('backtests with any minHistory, from the second item on (the first has nothing before it)', () => {
    const one = [{ id: 'a', title: 'x', estimate: 3 }];
    for (const minHistory of [0, 1]) {
      const estimator = createEstimator(one, { minHistory });
      expect(estimator.backtest).toBeNull();
      expect(estimator.suggest({ title: 'x' })).toMatchObject({ basis: 'median', value: 3 });
    }
    expect(createEstimator([], { minHistory: 0 }).suggest({ title: 'x' }).basis).toBe('none');
    const two = [...one, { id: 'b', title: 'x', estimate: 5 }];
    expect(createEstimator(two, { minHistory: 0 }).backtest).toEqual({ items: 1, similarMae: 2, medianMae: 2 });
  });

  it('snaps the median to the deck', () => {
    const history = [6, 6, 6, 7, 7].map((estimate, index) => ({ id: `m${index}`, title: `item ${index}`, estimate }));
    // The board's default deck is 0, 1, 2, 3, 5, 8, 13, 21: a median of 6 is shown as 5.
    expect(createEstimator(history).suggest({ title: 'anything' })).toMatchObject({ basis: 'median', value: 5 });
    expect(createEstimator(history, { deck: [1, 2, 4, 8, 16] }).suggest({ title: 'anything' }).value).toBe(8);
    // Halfway between two cards takes the larger one.
    const halfway = [3, 5].map((estimate, index) => ({ id: `h${index}`, title: `item ${index}`, estimate }));
    expect(createEstimator(halfway).suggest({ title: 'anything' }).value).toBe(5);
  });

  it('suggests the neighbours\' median snapped to the deck, with their spread', () => {
    const history = telling(120).map((item) => (item.estimate === 8 ? { ...item, estimate: item.id.endsWith('2') ? 6 : 7 } : item));
    const suggestion = createEstimator(history, { deck: [1, 2, 3, 5, 8, 13] }).suggest({ title: 'payment checkout' });
    expect(suggestion.basis).toBe('similar');
    expect(suggestion.value).toBe(8);
    expect(suggestion.spread!.low).toBeLessThanOrEqual(suggestion.spread!.high);
  });

  it('says none with no history', () => {
    const estimator = createEstimator([]);
    expect(estimator.suggest({ title: 'anything', description: 'at all' })).toEqual({ value: null, basis: 'none', neighbours: [], spread: null, backtest: null });
  });

  it('refuses wrong arguments with an error naming the problem', () => {
    expect(() => createEstimator(undefined as never)).toThrow(/history must be an array/);
    expect(() => createEstimator([{ id: 'a', title: 'x', estimate: -1 }])).toThrow(/history\[0\]\.estimate/);
    expect(() => createEstimator([{ id: 'a', title: 'x', estimate: '5' as never }])).toThrow(/history\[0\]\.estimate/);
    expect(() => createEstimator([{ id: 'a', title: 'x', estimate: Number.NaN }])).toThrow(/history\[0\]\.estimate/);
    expect(() => createEstimator([{ id: '', title: 'x', estimate: 1 }])).toThrow(/history\[0\]\.id/);
    expect(() => createEstimator([{ id: 'a', title: 3 as never, estimate: 1 }])).toThrow(/history\[0\]\.title/);
    expect(() => createEstimator([{ id: 'a', title: 'x', description: 4 as never, estimate: 1 }])).toThrow(/history\[0\]\.description/);
    expect(() => createEstimator([{ id: 'a', title: 'x', estimate: 1 }, { id: 'a', title: 'y', estimate: 2 }])).toThrow(/history\[1\]\.id "a" appears twice/);
    expect(() => createEstimator([null as never])).toThrow(/history\[0\] must be an object/);
    expect(() => createEstimator([], { deck: [] })).toThrow(/deck/);
    expect(() => createEstimator([], { deck: [1, Number.NaN] })).toThrow(/deck/);
    expect(() => createEstimator([], { k: 0 })).toThrow(/k must be/);
    expect(() => createEstimator([], { k: 2.5 })).toThrow(/k must be/);
    expect(() => createEstimator([], { weighting: 'loud' as never })).toThrow(/weighting must be one of/);
    expect(() => createEstimator([], { prior: -1 })).toThrow(/prior must be/);
    expect(() => createEstimator([], 'fast' as never)).toThrow(/options must be an object/);
    const estimator = createEstimator(telling(10));
    expect(() => estimator.suggest(undefined as never)).toThrow(/item must be an object/);
    expect(() => estimator.suggest({ title: 7 as never })).toThrow(/item\.title must be a string/);
    expect(() => estimator.suggest({ title: 'x', description: [] as never })).toThrow(/item\.description must be a string/);
    expect(() => estimator.suggest({ title: 'x' }, { exclude: 'x' as never })).toThrow(/exclude must be an array/);
  });
});
