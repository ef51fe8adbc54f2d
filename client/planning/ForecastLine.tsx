/** In the item panel: when the item is likely done (50 %) and almost surely done (85 %), and what that rests on. */
import type { PlanFigures, PlanForecast } from './planFigures.js';

export function ForecastLine({ plan, forecast, itemId }: { plan: PlanFigures; forecast: PlanForecast | undefined; itemId: string }) {
  const likely = forecast?.likely.get(itemId);
  const safe = forecast?.safe.get(itemId);
  if (!forecast || likely === undefined) return null;
  const name = (sprint: number | null | undefined) => (sprint === null || sprint === undefined ? 'beyond the horizon' : `coming sprint ${sprint}`);
  const v = plan.velocity;
  const basis = v.basis === 'history' ? `${v.sprints.length} past sprints${v.excluded.length ? `, ${v.excluded.length} left out` : ''}` : 'the expected velocity';
  return (
    <p className="forecast-line" data-forecast={`${likely}:${safe}`}>
      <strong>Forecast:</strong> done by {name(likely)} (50 %), {name(safe)} (85 %) <span className="muted">· from {basis}; unestimated items count as {plan.assumed} points</span>
    </p>
  );
}
