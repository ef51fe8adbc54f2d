/**
 * In the item panel: when the item is likely done (50 %) and almost surely
 * done (85 %), as a date and as the sprint the cut lines name (an open
 * sprint's own name, or "Sprint +2": the second after the open ones), and
 * what that rests on.
 */
import { comingSprintEnd, dayText, type SprintSnapshot } from '../../shared/index.js';
import { useRoadmapOptions } from '../roadmap/useRoadmapOptions.js';
import type { PlanFigures, PlanForecast } from './planFigures.js';

export function ForecastLine({ plan, forecast, sprints, itemId }: { plan: PlanFigures; forecast: PlanForecast | undefined; sprints: readonly SprintSnapshot[]; itemId: string }) {
  const options = useRoadmapOptions(Date.now());
  const likely = forecast?.likely.get(itemId);
  const safe = forecast?.safe.get(itemId);
  if (!forecast || likely === undefined) return null;
  const open = plan.open.length;
  const name = (sprint: number) => (sprint <= open ? plan.open[sprint - 1]!.sprint.name : `Sprint +${sprint - open}`);
  const when = (sprint: number | null | undefined) => (sprint === null || sprint === undefined ? 'beyond the horizon' : `${dayText(comingSprintEnd(sprints, sprint, options))} (${name(sprint)})`);
  const v = plan.velocity;
  const basis = v.basis === 'history' ? `${v.sprints.length} past sprints${v.excluded.length ? `, ${v.excluded.length} left out` : ''}` : 'the expected velocity';
  return (
    <p className="forecast-line" data-forecast={`${likely}:${safe}`}>
      <strong>Forecast:</strong> likely done by {when(likely)}, almost surely by {when(safe)} <span className="muted">· from {basis}, after the open sprints; unestimated items count as {plan.assumed} points</span>
    </p>
  );
}
