/** What the roadmap's forecast rests on, in one sentence (shown above the timeline and written into the Markdown). */
import type { PlanFigures } from '../planning/planFigures.js';

const round = (value: number) => String(Math.round(value * 10) / 10);

export function assumptionsText(plan: PlanFigures): string {
  const v = plan.velocity;
  const unestimated = `unestimated items count as ${round(plan.assumed)} points`;
  if (v.basis === 'history') {
    const left = v.excluded.length > 0 ? `, ${v.excluded.length} left out` : '';
    const count = v.sprints.length === 1 ? '1 past sprint' : `${v.sprints.length} past sprints`;
    return `Forecast from ${count} (${round(v.mean!)} points a sprint on average${left}); ${unestimated}.`;
  }
  if (v.basis === 'expected') return `Forecast from the expected velocity of ${round(v.mean!)} points a sprint (no sprint has closed yet); ${unestimated}.`;
  return 'No forecast yet: no sprint has closed and no expected velocity is set (Planning).';
}
