/**
 * Estimate suggestions from the board's own estimated history: the most
 * similar estimated items ("reference stories") and a suggested value, the
 * weighted median of their points snapped to the board's deck, with its
 * spread (the interquartile range of the same weighted points).
 *
 * The value: the k most similar estimated items (the board's BM25F
 * similarity index, similarity.ts), each weighted by its score squared and
 * together weighing 1, beside the whole history weighing `prior` (1): a
 * weighted median that follows the neighbours when they agree and leans to
 * the board's median when they do not. k, the weighting and the prior were
 * chosen on the train and val rows of 16 real Jira projects (EVALUATION.md).
 *
 * Honest by construction: before suggesting anything, the estimator replays
 * the latest items of the history in order (each predicted from the items
 * estimated before it) and compares that value with simply suggesting the
 * median of the earlier items. The neighbours' value is offered only when its
 * mean absolute error there is lower; otherwise the board's median is, and
 * with fewer than `minHistory` (50) estimated items only the median is. The
 * backtest's figures come with every suggestion, so the interface can say why.
 */
import { DECKS, cardValue } from '../grooming/decks.js';
import { createSimilarityIndex } from './similarity.js';

/** One estimated item of the board's history. The history is given oldest first. */
export interface EstimateHistoryItem {
  id: string;
  title: string;
  description?: string;
  /** Points, 0 or more. */
  estimate: number;
}

/** How much each neighbour counts: once ('equal'), by its similarity score ('score'), or by its score squared ('squared-score'), which leans on the closest few. */
export type EstimateWeighting = 'equal' | 'score' | 'squared-score';

export interface EstimatorOptions {
  /** The point values a suggestion snaps to, e.g. the numeric cards of the round's deck. Default: the board's default deck, Fibonacci 0, 1, 2, 3, 5, 8, 13, 21. */
  deck?: readonly number[];
  /** How many neighbours the value is taken over (the suggestion lists them all, best first). */
  k?: number;
  weighting?: EstimateWeighting;
  /**
   * How much the whole history counts beside the neighbours: the neighbours'
   * weights sum to 1, and every estimated item shares `prior` more, so the
   * value leans to the board's median when the neighbours disagree. 0: the
   * neighbours alone.
   */
  prior?: number;
  /** Below this many estimated items, only the median is offered (no backtest); a backtest needs at least 2, whatever this says. */
  minHistory?: number;
  /** At most this many of the latest items are replayed by the backtest (what keeps it affordable on a long history). */
  backtestItems?: number;
}

/** How the two ways of suggesting did, replaying the latest estimated items in order. */
export interface EstimateBacktest {
  /** How many items were predicted. */
  items: number;
  /** Mean absolute error, in points, of the neighbours' (snapped) value. */
  similarMae: number;
  /** Mean absolute error, in points, of the (snapped) median of the items before each one. */
  medianMae: number;
}

export type EstimateBasis = 'similar' | 'median' | 'none';

export interface EstimateNeighbour {
  id: string;
  estimate: number;
  score: number;
}

export interface EstimateSuggestion {
  /** The suggested points, on the deck; null without any history. */
  value: number | null;
  /** 'similar': the neighbours' value; 'median': the board's median; 'none': no estimated history. */
  basis: EstimateBasis;
  /** The most similar estimated items, best first (shown as reference stories whatever the basis). */
  neighbours: EstimateNeighbour[];
  /** The interquartile range, snapped to the deck, of the weighted points the value was taken over (the neighbours' beside the history, or the whole history's); null without history. */
  spread: { low: number; high: number } | null;
  /** The backtest that chose the basis; null when there was none (no or too little history). */
  backtest: EstimateBacktest | null;
}

export interface Estimator {
  /** The basis the backtest chose for this history (a single suggestion falls back to 'median' when no item is similar at all). */
  readonly basis: EstimateBasis;
  /** The board's median estimate snapped to the deck, null without history. */
  readonly median: number | null;
  readonly backtest: EstimateBacktest | null;
  /** `exclude`: ids never taken as neighbours, e.g. the item itself when it is already estimated (it would echo its own points). */
  suggest(item: { title: string; description?: string }, options?: { exclude?: string[] }): EstimateSuggestion;
}

/** Chosen on the storypoint projects' train and validation rows (eval/estimates.ts, EVALUATION.md). */
export const ESTIMATOR_DEFAULTS = {
  k: 50,
  weighting: 'squared-score',
  prior: 1,
  minHistory: 50,
  backtestItems: 100,
} as const satisfies Required<Omit<EstimatorOptions, 'deck'>>;

/** The numeric cards of the board's default deck. */
export const DEFAULT_POINTS_DECK: readonly number[] = DECKS.fibonacci.cards.map((card) => cardValue(card)!);

const WEIGHTINGS: readonly EstimateWeighting[] = ['equal', 'score', 'squared-score'];

interface Settings {
  deck: readonly number[];
  k: number;
  weighting: EstimateWeighting;
  prior: number;
  minHistory: number;
  backtestItems: number;
}

function integer(name: string, value: unknown, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least) throw new Error(`options.${name} must be an integer, ${least} or more; got ${String(value)}`);
  return value;
}

function checkOptions(options: unknown): Settings {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) throw new Error(`options must be an object; got ${String(options)}`);
  const { deck, k, weighting, prior, minHistory, backtestItems } = options as Record<string, unknown>;
  let points = DEFAULT_POINTS_DECK;
  if (deck !== undefined) {
    if (!Array.isArray(deck) || deck.length === 0) throw new Error('options.deck must be a non-empty array of point values');
    deck.forEach((value: unknown, index) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`options.deck[${index}] must be a number of points, 0 or more; got ${String(value)}`);
    });
    points = [...new Set(deck as number[])].sort((a, b) => a - b);
  }
  if (weighting !== undefined && !WEIGHTINGS.includes(weighting as EstimateWeighting)) throw new Error(`options.weighting must be one of ${WEIGHTINGS.join(', ')}; got ${String(weighting)}`);
  if (prior !== undefined && (typeof prior !== 'number' || !Number.isFinite(prior) || prior < 0)) throw new Error(`options.prior must be a number, 0 or more; got ${String(prior)}`);
  return {
    deck: points,
    k: integer('k', k, ESTIMATOR_DEFAULTS.k, 1),
    weighting: (weighting as EstimateWeighting | undefined) ?? ESTIMATOR_DEFAULTS.weighting,
    prior: (prior as number | undefined) ?? ESTIMATOR_DEFAULTS.prior,
    minHistory: integer('minHistory', minHistory, ESTIMATOR_DEFAULTS.minHistory, 0),
    backtestItems: integer('backtestItems', backtestItems, ESTIMATOR_DEFAULTS.backtestItems, 1),
  };
}

function checkHistory(history: unknown): EstimateHistoryItem[] {
  if (!Array.isArray(history)) throw new Error(`history must be an array of estimated items; got ${history === null ? 'null' : typeof history}`);
  const seen = new Set<string>();
  return history.map((item: unknown, index) => {
    const at = `history[${index}]`;
    if (typeof item !== 'object' || item === null) throw new Error(`${at} must be an object { id, title, description?, estimate }`);
    const { id, title, description, estimate } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw new Error(`${at}.id must be a non-empty string; got ${JSON.stringify(id)}`);
    if (seen.has(id)) throw new Error(`${at}.id ${JSON.stringify(id)} appears twice`);
    seen.add(id);
    if (typeof title !== 'string') throw new Error(`${at}.title must be a string; got ${JSON.stringify(title)}`);
    if (description !== undefined && typeof description !== 'string') throw new Error(`${at}.description must be a string when given; got ${JSON.stringify(description)}`);
    if (typeof estimate !== 'number' || !Number.isFinite(estimate) || estimate < 0) throw new Error(`${at}.estimate must be a number of points, 0 or more; got ${JSON.stringify(estimate)}`);
    return description === undefined ? { id, title, estimate } : { id, title, description, estimate };
  });
}

function checkItem(item: unknown): { title: string; description?: string } {
  if (typeof item !== 'object' || item === null) throw new Error('item must be an object { title, description? }');
  const { title, description } = item as Record<string, unknown>;
  if (typeof title !== 'string') throw new Error(`item.title must be a string; got ${JSON.stringify(title)}`);
  if (description !== undefined && typeof description !== 'string') throw new Error(`item.description must be a string when given; got ${JSON.stringify(description)}`);
  return description === undefined ? { title } : { title, description };
}

function checkExclude(options: unknown): string[] | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw new Error('suggest options must be an object { exclude? }');
  const { exclude } = options as Record<string, unknown>;
  if (exclude === undefined) return undefined;
  if (!Array.isArray(exclude) || exclude.some((id) => typeof id !== 'string')) throw new Error('options.exclude must be an array of item ids (strings)');
  return exclude as string[];
}

/** The deck value nearest to `points`; halfway between two cards, the larger. */
export function snapToDeck(points: number, deck: readonly number[]): number {
  let best = deck[0]!;
  for (const card of deck) if (Math.abs(card - points) <= Math.abs(best - points)) best = card;
  return best;
}

/** Points with a weight: a count of items, or a neighbour's share. */
export interface WeightedPoints {
  value: number;
  weight: number;
}

/**
 * The q-quantile (0 < q < 1) of weighted points: the first value (ascending)
 * where the cumulative weight passes q of the total, or the mean of it and
 * the next value when it reaches exactly q (so with equal weights the median
 * is the usual one, the mean of the middle two of an even count).
 */
export function weightedQuantile(points: readonly WeightedPoints[], q: number): number {
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.weight, 0);
  const target = q * total;
  let cumulative = 0;
  for (let index = 0; index < sorted.length; index++) {
    cumulative += sorted[index]!.weight;
    // A relative tolerance: sums of score shares are not exact.
    if (Math.abs(cumulative - target) <= total * 1e-12 && index + 1 < sorted.length) return (sorted[index]!.value + sorted[index + 1]!.value) / 2;
    if (cumulative > target) return sorted[index]!.value;
  }
  return sorted[sorted.length - 1]!.value;
}

/** The median and interquartile range of weighted points, before snapping. */
export function summarise(points: readonly WeightedPoints[]): { median: number; low: number; high: number } {
  return { median: weightedQuantile(points, 0.5), low: weightedQuantile(points, 0.25), high: weightedQuantile(points, 0.75) };
}

/**
 * What the neighbours say, before snapping: the points of the neighbours,
 * each weighted per `weighting` and together weighing 1, beside the history's
 * points (its count of items per value) together weighing `prior`.
 */
export function neighbourPoints(
  neighbours: readonly { estimate: number; score: number }[],
  history: readonly WeightedPoints[],
  weighting: EstimateWeighting,
  prior: number,
): WeightedPoints[] {
  const weights = neighbours.map(({ score }) => (weighting === 'equal' ? 1 : weighting === 'score' ? score : score * score));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const points = neighbours.map(({ estimate }, index) => ({ value: estimate, weight: total > 0 ? weights[index]! / total : 1 / neighbours.length }));
  const items = history.reduce((sum, entry) => sum + entry.weight, 0);
  if (prior > 0 && items > 0) for (const entry of history) points.push({ value: entry.value, weight: (prior * entry.weight) / items });
  return points;
}

/** A count of items per points value, kept as items are added. */
function histogram(): { add(points: number): void; points(): WeightedPoints[] } {
  const counts = new Map<number, number>();
  return {
    add: (points) => void counts.set(points, (counts.get(points) ?? 0) + 1),
    points: () => [...counts].map(([value, weight]) => ({ value, weight })),
  };
}

export function createEstimator(history: EstimateHistoryItem[], options?: EstimatorOptions): Estimator {
  const items = checkHistory(history);
  const settings = checkOptions(options);
  const { deck, k, weighting, prior } = settings;
  const snap = (points: number): number => snapToDeck(points, deck);
  const estimates = new Map(items.map((item) => [item.id, item.estimate]));
  const index = createSimilarityIndex();
  const known = histogram();

  const neighboursOf = (item: { title: string; description?: string }, exclude?: string[]): EstimateNeighbour[] =>
    index.similar(item, k, exclude ? { exclude } : undefined).map(({ id, score }) => ({ id, estimate: estimates.get(id)!, score }));

  // Replay the latest items in order: each predicted from the items before it, then added.
  // The first item has none before it, so a backtest needs two items whatever minHistory says.
  const start = items.length < Math.max(settings.minHistory, 2) ? items.length : Math.max(items.length - settings.backtestItems, Math.floor(items.length / 2));
  let similarError = 0;
  let medianError = 0;
  for (const [position, item] of items.entries()) {
    if (position >= start) {
      const before = known.points();
      const median = snap(weightedQuantile(before, 0.5));
      const neighbours = neighboursOf(item);
      const similar = neighbours.length > 0 ? snap(weightedQuantile(neighbourPoints(neighbours, before, weighting, prior), 0.5)) : median;
      similarError += Math.abs(similar - item.estimate);
      medianError += Math.abs(median - item.estimate);
    }
    index.add(item);
    known.add(item.estimate);
  }
  const replayed = items.length - start;
  const backtest: EstimateBacktest | null = replayed > 0 ? { items: replayed, similarMae: similarError / replayed, medianMae: medianError / replayed } : null;
  const basis: EstimateBasis = items.length === 0 ? 'none' : backtest !== null && backtest.similarMae < backtest.medianMae ? 'similar' : 'median';
  const all = known.points();
  const overall = items.length === 0 ? null : summarise(all);
  const median = overall === null ? null : snap(overall.median);

  return {
    basis,
    median,
    backtest,
    suggest(item, options) {
      const query = checkItem(item);
      const exclude = checkExclude(options);
      if (overall === null || median === null) return { value: null, basis: 'none', neighbours: [], spread: null, backtest: null };
      const neighbours = neighboursOf(query, exclude);
      if (basis === 'similar' && neighbours.length > 0) {
        const said = summarise(neighbourPoints(neighbours, all, weighting, prior));
        return { value: snap(said.median), basis: 'similar', neighbours, spread: { low: snap(said.low), high: snap(said.high) }, backtest };
      }
      return { value: median, basis: 'median', neighbours, spread: { low: snap(overall.low), high: snap(overall.high) }, backtest };
    },
  };
}
