/**
 * The inputs of the prioritization frameworks, on their published scales.
 *
 * Layout: each input is a plain number under its own key of the item's map
 * (next to `estimate`), so that two people editing different inputs of one
 * score both keep theirs. Absent means not set.
 *
 *   reach            RICE reach: people or events per quarter, 0 or more
 *   impact           RICE impact: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive
 *   confidence       RICE confidence: a percentage, 0 to 100 (100 high, 80 medium, 50 low)
 *   effortMonths     RICE effort: person-months, more than 0
 *   businessValue    WSJF user-business value, and value/effort's value
 *   timeCriticality  WSJF time criticality
 *   riskReduction    WSJF risk reduction / opportunity enablement
 *   jobSize          WSJF job size, and value/effort's effort. Absent: the item's
 *                    estimate when that is a number (read, never written: a
 *                    hand-set size is the only one stored)
 *
 * The last four take SAFe's relative Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
 */
import type { Estimate } from '../schema.js';

export const SCORE_INPUTS = [
  'reach',
  'impact',
  'confidence',
  'effortMonths',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
] as const;
export type ScoreInput = (typeof SCORE_INPUTS)[number];

/** Every input, null where not set. */
export type ScoreInputs = Record<ScoreInput, number | null>;

export const RICE_IMPACTS = [0.25, 0.5, 1, 2, 3] as const;
export const RICE_IMPACT_NAMES: Record<number, string> = { 0.25: 'minimal', 0.5: 'low', 1: 'medium', 2: 'high', 3: 'massive' };
export const RELATIVE_SCALE = [1, 2, 3, 5, 8, 13, 20] as const;
/** Far beyond any real audience; keeps scores finite. */
const MAX_REACH = 1e12;
const MAX_EFFORT_MONTHS = 1000;

/** How people see each input: its name and, where it has one, its unit. */
export const INPUT_LABELS: Record<ScoreInput, { name: string; unit?: string }> = {
  reach: { name: 'reach', unit: 'per quarter' },
  impact: { name: 'impact' },
  confidence: { name: 'confidence', unit: '%' },
  effortMonths: { name: 'effort', unit: 'person-months' },
  businessValue: { name: 'business value' },
  timeCriticality: { name: 'time criticality' },
  riskReduction: { name: 'risk reduction' },
  jobSize: { name: 'job size' },
};

/** The values an input takes from a fixed scale, or null for a free number. */
export function inputScale(input: ScoreInput): readonly number[] | null {
  if (input === 'impact') return RICE_IMPACTS;
  if (input === 'businessValue' || input === 'timeCriticality' || input === 'riskReduction' || input === 'jobSize') return RELATIVE_SCALE;
  return null;
}

function checkInput(input: ScoreInput, value: unknown): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${input} must be a number or null; got ${typeof value === 'number' ? value : JSON.stringify(value)}`);
  const scale = inputScale(input);
  if (scale !== null) {
    if (!scale.includes(value)) throw new Error(`${input} must be one of ${scale.join(', ')}; got ${value}`);
    return;
  }
  if (input === 'reach' && !(value >= 0 && value <= MAX_REACH)) throw new Error(`reach must be a number from 0 to ${MAX_REACH}; got ${value}`);
  if (input === 'confidence' && !(value >= 0 && value <= 100)) throw new Error(`confidence must be a percentage from 0 to 100; got ${value}`);
  if (input === 'effortMonths' && !(value > 0 && value <= MAX_EFFORT_MONTHS)) {
    throw new Error(`effortMonths must be more than 0 and at most ${MAX_EFFORT_MONTHS} person-months; got ${value}`);
  }
}

/** Throws an Error naming the first bad input of a patch of inputs (null clears one). */
export function checkScoreInputs(patch: unknown): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new Error('scoreInputs must be an object of inputs');
  for (const [input, value] of Object.entries(patch)) {
    if (!(SCORE_INPUTS as readonly string[]).includes(input)) {
      throw new Error(`unknown score input ${JSON.stringify(input)}; use one of ${SCORE_INPUTS.join(', ')}`);
    }
    checkInput(input as ScoreInput, value);
  }
}

/** Writes a checked patch of inputs into an item's map: each input under its own key. */
export function writeScoreInputs(item: { get(key: string): unknown; set(key: string, value: number): unknown; delete(key: string): void }, patch: Partial<ScoreInputs>): void {
  for (const [input, value] of Object.entries(patch) as [ScoreInput, number | null][]) {
    if (value === null) item.delete(input);
    else if (item.get(input) !== value) item.set(input, value);
  }
}

/** An item's inputs as stored; anything not a usable number reads as not set. */
export function readScoreInputs(item: { get(key: string): unknown }): ScoreInputs {
  const inputs = {} as ScoreInputs;
  for (const input of SCORE_INPUTS) {
    const value = item.get(input);
    let usable = typeof value === 'number' && Number.isFinite(value);
    if (usable) {
      try {
        checkInput(input, value);
      } catch {
        usable = false;
      }
    }
    inputs[input] = usable ? (value as number) : null;
  }
  return inputs;
}

/** The job size a score uses: the hand-set one, else the estimate when it is points. */
export function effectiveJobSize(inputs: ScoreInputs, estimate: Estimate | null): { value: number | null; fromEstimate: boolean } {
  if (inputs.jobSize !== null) return { value: inputs.jobSize, fromEstimate: false };
  if (typeof estimate === 'number' && estimate > 0) return { value: estimate, fromEstimate: true };
  return { value: null, fromEstimate: false };
}
