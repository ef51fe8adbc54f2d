/**
 * What the planning view and the backlog's cut lines show, from the items
 * in backlog order and the sprints: where each item stands, each open
 * sprint's load against its capacity, the velocity, the capacity of each
 * coming sprint and the cut lines in the product backlog. The forecast
 * (planForecast) is apart: it costs the most and changes only with the
 * points, order, dependencies and velocities, not with every keystroke.
 * Pure; the forecast is seeded, so every screen shows the same.
 */
import {
  assumedPoints,
  cutLines,
  forecastBacklog,
  itemPlace,
  pointsPerDay,
  respectDependencies,
  seededRandom,
  sprintCapacity,
  sprintDependencyWarnings,
  sprintLoad,
  velocity,
  type ItemSnapshot,
  type SprintSnapshot,
  type Velocity,
} from '../../shared/index.js';

/** Coming sprints past the planned ones that cut lines are drawn for. */
const MORE_SPRINTS = 12;
/** The runs the issue sizes the forecast by (about 20 ms in a worker, bench/analysis.md). */
const RUNS = 10_000;

export interface SprintPlan {
  sprint: SprintSnapshot;
  items: ItemSnapshot[];
  load: { points: number; unestimated: number; items: number };
  capacity: { days: number; points: number | null };
}

export interface PlanFigures {
  /** The product backlog: items not in an open sprint, in backlog order. */
  backlog: ItemSnapshot[];
  open: SprintPlan[];
  velocity: Velocity;
  /** What an unestimated item counts as. */
  assumed: number;
  /** Where each coming sprint is expected to end: before this item of the product backlog. */
  cutLines: { beforeId: string; sprint: number; name: string }[];
  /** Items in a sprint that wait for something neither done nor planned for the same or an earlier sprint: id to those titles. */
  lateDependencies: Map<string, string[]>;
  /** Open work items of the product backlog (not epics or themes), in order: what the forecast walks. */
  waiting: ItemSnapshot[];
  /** The velocities the forecast draws from (past sprints, else the expected one). */
  history: number[];
}

/**
 * What the forecast needs, and nothing else, so that it can be posted to a
 * worker and compared cheaply: the open items of the product backlog in
 * order, each with the points it counts as (unestimated ones as assumed)
 * and what it waits for, and the velocities to draw from.
 */
export interface ForecastInput {
  items: { id: string; points: number; dependsOn: string[] }[];
  history: number[];
  /** Points of room left in each open sprint, in order: the product backlog fills it first, as the cut lines show. */
  openRoom: number[];
}

/**
 * Item id to the coming sprint it is done by, at 50 % and 85 % (1 is the first open sprint, as on the cut lines
 * and the roadmap; null beyond the horizon); and the points the simulated sprints after the open ones cover by
 * the end of each, at each confidence (the burn-up's range).
 */
export type PlanForecast = {
  likely: Map<string, number | null>;
  safe: Map<string, number | null>;
  covered: { likely: number[]; safe: number[] };
} | null;

export function forecastInput(plan: PlanFigures): ForecastInput {
  return {
    items: plan.waiting.map((item) => ({ id: item.id, points: typeof item.estimate === 'number' ? item.estimate : plan.assumed, dependsOn: item.dependsOn })),
    history: plan.history,
    openRoom: plan.open.map((open) => Math.max(0, (open.capacity.points ?? plan.velocity.mean ?? 0) - open.load.points)),
  };
}

/**
 * The forecast, by the cut lines' rule for the open sprints and by simulation
 * after them: walking the backlog, an item whose running total of points fits
 * in the room the open sprints have left (added up) is done in the first open
 * sprint whose room, added up, covers it, surely; the rest is simulated over
 * the team's past velocities, counting only the points past that room.
 */
export function planForecast({ items, history, openRoom }: ForecastInput): PlanForecast {
  if (!history.some((points) => points > 0) || items.length === 0) return null;
  const roomUpTo: number[] = [];
  let room = 0;
  for (const left of openRoom) roomUpTo.push((room += left));
  const fixed: number[] = [];
  let total = 0;
  let firstLater = items.length;
  for (const [at, item] of items.entries()) {
    total += item.points;
    const sprint = roomUpTo.findIndex((upTo) => upTo >= total);
    if (sprint === -1) {
      firstLater = at;
      break;
    }
    fixed.push(sprint + 1);
  }
  const later = items.slice(firstLater);
  // The first item past the room counts only its points beyond it.
  const points = later.map((item, at) => (at === 0 ? total - room : item.points));
  const result =
    later.length > 0 ? forecastBacklog(points, { velocities: history, runs: RUNS, random: seededRandom(1), maxSprints: 200 }) : { sprints: new Map([[0.5, []], [0.85, []]]), covered: new Map([[0.5, []], [0.85, []]]) };
  const shift = (sprint: number | null) => (sprint === null ? null : sprint + openRoom.length);
  const toMap = (sprintsOf: (number | null)[]) => {
    const waited = respectDependencies(items, [...fixed, ...sprintsOf.map(shift)]);
    return new Map(items.map((item, at) => [item.id, waited[at]!]));
  };
  return {
    likely: toMap(result.sprints.get(0.5)!),
    safe: toMap(result.sprints.get(0.85)!),
    covered: { likely: result.covered.get(0.5)!, safe: result.covered.get(0.85)! },
  };
}

export function planFigures(items: readonly ItemSnapshot[], sprints: readonly SprintSnapshot[], settings: { expected: number | null; unestimated: number | null }): PlanFigures {
  const byId = new Map(sprints.map((sprint) => [sprint.id, sprint]));
  const placed = new Map<string, ItemSnapshot[]>();
  const backlog: ItemSnapshot[] = [];
  for (const item of items) {
    const place = itemPlace(item, byId);
    if (place === 'backlog') backlog.push(item);
    else placed.set(place, [...(placed.get(place) ?? []), item]);
  }
  const rate = pointsPerDay(sprints);
  const open = sprints
    .filter((sprint) => sprint.state !== 'closed')
    .map((sprint) => ({ sprint, items: placed.get(sprint.id) ?? [], load: sprintLoad(items, sprint.id), capacity: sprintCapacity(sprint, rate) }));
  const v = velocity(sprints, settings.expected);
  const assumed = assumedPoints(items, settings.unestimated);
  // Epics and themes group the work; their stories carry it, so they are not counted again.
  const waiting = backlog.filter((item) => !item.archived && item.status !== 'done' && item.kind !== 'epic' && item.kind !== 'theme');
  const mean = v.mean ?? 0;
  // Room left in each open sprint, then sprints of the average velocity.
  const capacities = [...open.map((plan) => Math.max(0, (plan.capacity.points ?? mean) - plan.load.points)), ...Array.from({ length: MORE_SPRINTS }, () => mean)];
  const names = [...open.map((plan) => plan.sprint.name), ...Array.from({ length: MORE_SPRINTS }, (_, i) => `Sprint +${i + 1}`)];
  const lines = mean > 0 ? cutLines(waiting, capacities, assumed).map((line) => ({ beforeId: waiting[line.before]!.id, sprint: line.sprint, name: names[line.sprint - 1] ?? `Sprint ${line.sprint}` })) : [];
  const history = v.basis === 'history' ? v.sprints.map((sprint) => sprint.points) : v.mean !== null ? [v.mean] : [];
  const titles = new Map(items.map((item) => [item.id, item.title || 'Untitled']));
  const lateDependencies = new Map(sprintDependencyWarnings(items, sprints).map(({ id, waitsFor }) => [id, waitsFor.map((dep) => titles.get(dep) ?? dep)]));
  return { backlog, open, velocity: v, assumed, cutLines: lines, lateDependencies, waiting, history };
}
