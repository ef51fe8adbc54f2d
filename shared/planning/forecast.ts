/**
 * When will it be done: a Monte Carlo forecast over the team's own past
 * sprint velocities.
 *
 * Each simulated run draws one past velocity (with replacement) for every
 * coming sprint. Walking the backlog in order, an item is done in the first
 * sprint whose cumulative velocity covers the points up to and including it.
 * So an item whose backlog prefix holds C points is done by sprint k with
 * probability P(V_k ≥ C), V_k being the sum of k draws; the forecast at
 * confidence q is the first k where that probability reaches q, that is
 * where the (1 − q) quantile of V_k reaches C.
 *
 * That needs only the quantiles of V_k over the runs, one sprint at a time,
 * not a pass over the backlog per run: 10,000 runs over a few hundred coming
 * sprints, whatever the backlog's length.
 */
import type { Random } from './random.js';

export interface ForecastOptions {
  /** Past velocities (points done per sprint) to draw from; at least one. */
  velocities: readonly number[];
  runs: number;
  random: Random;
  /** Confidence levels, each in (0, 1): 0.5 and 0.85 by default. */
  confidences?: readonly number[];
  /** Stop after this many coming sprints even if the backlog is not covered. */
  maxSprints?: number;
}

export interface Forecast {
  /** For each confidence, for each item (by index), the 1-based sprint it is done by, or null beyond maxSprints. */
  sprints: Map<number, (number | null)[]>;
  /** For each confidence, the points covered by the end of each coming sprint (index 0 is sprint 1). */
  covered: Map<number, number[]>;
}

/** Sums are kept in quarter points, as whole numbers: exact for any estimate a deck offers (½ included). */
const UNITS_PER_POINT = 4;

/**
 * The forecast for a backlog given as the points of its items in order
 * (unestimated items already counted as whatever the caller assumes).
 */
export function forecastBacklog(points: readonly number[], options: ForecastOptions): Forecast {
  const { velocities, runs, random, confidences = [0.5, 0.85], maxSprints = 1000 } = options;
  if (velocities.length === 0) throw new Error('a forecast needs at least one past velocity');
  if (velocities.some((v) => !(Number.isFinite(v) && v >= 0))) throw new Error('velocities must be numbers of points, 0 or more');
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error('runs must be a whole number above 0');
  for (const q of confidences) if (!(q > 0 && q < 1)) throw new Error(`a confidence must be between 0 and 1; got ${q}`);
  const cumulative: number[] = [];
  let total = 0;
  for (const p of points) cumulative.push((total += p));

  const draws = Int32Array.from(velocities, (v) => Math.round(v * UNITS_PER_POINT));
  const choices = draws.length;
  const minDraw = Math.min(...draws);
  const maxDraw = Math.max(...draws);
  const sums = new Int32Array(runs);
  let histogram = new Int32Array(1024);
  const covered = new Map(confidences.map((q) => [q, [] as number[]]));
  // Covered with probability at least q: the run ranked runs − ⌈q·runs⌉ from the bottom still reaches it.
  const order = [...confidences].sort((a, b) => b - a);
  const ranks = order.map((q) => Math.max(0, runs - Math.ceil(q * runs)));
  const totalUnits = Math.round(total * UNITS_PER_POINT);
  let low = 0;
  let high = 0;
  for (let sprint = 0; sprint < maxSprints; sprint++) {
    // Every sum grows by one draw, so this sprint's sums lie within the last ones' bounds plus a draw's: the
    // histogram of them is filled in the same pass that draws (the hot loop of the forecast).
    const base = low + minDraw;
    const width = high + maxDraw - base + 1;
    if (histogram.length < width) histogram = new Int32Array(width * 2);
    histogram.fill(0, 0, width);
    low = 2 ** 31 - 1;
    high = -(2 ** 31);
    // One random number gives two draws (16 bits each).
    for (let run = 0; run < runs; run += 2) {
      const bits = (random() * 4294967296) >>> 0;
      const first = (sums[run] = sums[run]! + draws[((bits & 0xffff) * choices) >>> 16]!);
      histogram[first - base]!++;
      if (first < low) low = first;
      if (first > high) high = first;
      if (run + 1 === runs) break;
      const second = (sums[run + 1] = sums[run + 1]! + draws[((bits >>> 16) * choices) >>> 16]!);
      histogram[second - base]!++;
      if (second < low) low = second;
      if (second > high) high = second;
    }
    let seen = 0;
    let bucket = 0;
    const values = ranks.map((rank) => {
      while (seen + histogram[bucket]! <= rank) seen += histogram[bucket++]!;
      return base + bucket;
    });
    order.forEach((q, i) => covered.get(q)!.push(values[i]! / UNITS_PER_POINT));
    if (values[0]! >= totalUnits) break;
  }

  const sprints = new Map<number, (number | null)[]>();
  for (const q of confidences) {
    const line = covered.get(q)!;
    const out: (number | null)[] = [];
    let k = 0;
    for (const c of cumulative) {
      while (k < line.length && line[k]! < c) k++;
      out.push(k < line.length ? k + 1 : null);
    }
    sprints.set(q, out);
  }
  return { sprints, covered };
}
