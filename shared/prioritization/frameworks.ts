/**
 * The prioritization frameworks: each turns an item's inputs into one score
 * (higher goes first) and says how, so that a score is never a mystery.
 *
 *   rice          reach × impact × confidence ÷ effort (Intercom)
 *   wsjf          (business value + time criticality + risk reduction) ÷ job size (SAFe)
 *   value-effort  value ÷ effort, with the quadrant of the value/effort matrix
 *   moscow        must 4, should 3, could 2, won't 1
 *
 * A score is null while an input it needs is missing. Scores are computed
 * when read and never stored, so nothing computed can overwrite what a
 * person set.
 */
import type { ItemSnapshot } from '../snapshot.js';
import type { Priority } from '../schema.js';
import { INPUT_LABELS, effectiveJobSize, type ScoreInput } from './inputs.js';

export const FRAMEWORKS = ['rice', 'wsjf', 'value-effort', 'moscow'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_NAMES: Record<Framework, string> = { rice: 'RICE', wsjf: 'WSJF', 'value-effort': 'Value/effort', moscow: 'MoSCoW' };

/** The inputs each framework shows in the item panel, in the order people fill them in. */
export const FRAMEWORK_INPUTS: Record<Framework, readonly ScoreInput[]> = {
  rice: ['reach', 'impact', 'confidence', 'effortMonths'],
  wsjf: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
  'value-effort': ['businessValue', 'jobSize'],
  moscow: [],
};

export interface Score {
  /** Higher ranks first; null while an input is missing. */
  value: number | null;
  /** The inputs still to fill in, in the framework's order. */
  missing: ScoreInput[];
  /** How the score was computed, or what it still needs, in one line. */
  explanation: string;
}

/** A number as people read it: at most two decimals, no trailing zeros. */
export function formatScore(value: number): string {
  return String(Number(value.toFixed(2)));
}

function needs(framework: Framework, missing: ScoreInput[]): Score {
  const names = missing.map((input) => (framework === 'value-effort' ? valueEffortName(input) : INPUT_LABELS[input].name));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return { value: null, missing, explanation: `${FRAMEWORK_NAMES[framework]} needs ${list}` };
}

function valueEffortName(input: ScoreInput): string {
  return input === 'businessValue' ? 'value' : 'effort';
}

function rice(item: ItemSnapshot): Score {
  const { reach, impact, confidence, effortMonths } = item.scoreInputs;
  const missing = FRAMEWORK_INPUTS.rice.filter((input) => item.scoreInputs[input] === null);
  if (reach === null || impact === null || confidence === null || effortMonths === null) return needs('rice', missing);
  const value = (reach * impact * (confidence / 100)) / effortMonths;
  const explanation = `RICE = reach ${formatScore(reach)} × impact ${formatScore(impact)} × confidence ${formatScore(confidence)}% ÷ effort ${formatScore(effortMonths)} person-months = ${formatScore(value)}`;
  return { value, missing, explanation };
}

function jobSizeText(size: { value: number; fromEstimate: boolean }): string {
  return `${formatScore(size.value)}${size.fromEstimate ? ' (the estimate)' : ''}`;
}

function wsjf(item: ItemSnapshot): Score {
  const { businessValue, timeCriticality, riskReduction } = item.scoreInputs;
  const size = effectiveJobSize(item.scoreInputs, item.estimate);
  const missing = FRAMEWORK_INPUTS.wsjf.filter((input) => (input === 'jobSize' ? size.value === null : item.scoreInputs[input] === null));
  if (businessValue === null || timeCriticality === null || riskReduction === null || size.value === null) return needs('wsjf', missing);
  const value = (businessValue + timeCriticality + riskReduction) / size.value;
  const explanation =
    `WSJF = (business value ${businessValue} + time criticality ${timeCriticality} + risk reduction ${riskReduction}) ` +
    `÷ job size ${jobSizeText({ value: size.value, fromEstimate: size.fromEstimate })} = ${formatScore(value)}`;
  return { value, missing, explanation };
}

export type Quadrant = 'quick-win' | 'big-bet' | 'filler' | 'time-sink';
export const QUADRANT_NAMES: Record<Quadrant, string> = { 'quick-win': 'a quick win', 'big-bet': 'a big bet', filler: 'a filler', 'time-sink': 'a time sink' };
/**
 * Where the matrix splits: above the middle of the relative scale (5) is high.
 * Fixed rather than relative to the board, so an item's quadrant changes only
 * when its own value or effort does.
 */
export const QUADRANT_SPLIT = 5;

/** The value/effort quadrant of an item, or null while its value or effort is missing. */
export function valueEffortQuadrant(item: ItemSnapshot): Quadrant | null {
  const value = item.scoreInputs.businessValue;
  const effort = effectiveJobSize(item.scoreInputs, item.estimate).value;
  if (value === null || effort === null) return null;
  const high = value > QUADRANT_SPLIT;
  const costly = effort > QUADRANT_SPLIT;
  if (high) return costly ? 'big-bet' : 'quick-win';
  return costly ? 'time-sink' : 'filler';
}

function valueEffort(item: ItemSnapshot): Score {
  const value = item.scoreInputs.businessValue;
  const size = effectiveJobSize(item.scoreInputs, item.estimate);
  const missing = FRAMEWORK_INPUTS['value-effort'].filter((input) => (input === 'jobSize' ? size.value === null : item.scoreInputs[input] === null));
  if (value === null || size.value === null) return needs('value-effort', missing);
  const score = value / size.value;
  const quadrant = valueEffortQuadrant(item)!;
  return { value: score, missing, explanation: `value ${value} ÷ effort ${jobSizeText({ value: size.value, fromEstimate: size.fromEstimate })} = ${formatScore(score)} (${QUADRANT_NAMES[quadrant]})` };
}

const MOSCOW_RANK: Record<Priority, number> = { must: 4, should: 3, could: 2, wont: 1 };
const MOSCOW_NAMES: Record<Priority, string> = { must: 'must have', should: 'should have', could: 'could have', wont: 'won’t have this time' };

function moscow(item: ItemSnapshot): Score {
  if (item.priority === null) return { value: null, missing: [], explanation: 'MoSCoW: not prioritised' };
  return { value: MOSCOW_RANK[item.priority], missing: [], explanation: `MoSCoW: ${MOSCOW_NAMES[item.priority]}` };
}

const SCORERS: Record<Framework, (item: ItemSnapshot) => Score> = { rice, wsjf, 'value-effort': valueEffort, moscow };

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && (FRAMEWORKS as readonly string[]).includes(value);
}

export function checkFramework(value: unknown): asserts value is Framework {
  if (!isFramework(value)) throw new Error(`unknown framework ${JSON.stringify(value)}; use one of ${FRAMEWORKS.join(', ')}`);
}

/** An item's score in one framework, with how it was computed. */
export function scoreItem(framework: Framework, item: ItemSnapshot): Score {
  checkFramework(framework);
  return SCORERS[framework](item);
}
