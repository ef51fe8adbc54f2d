/**
 * The board's forecast (planForecast), recomputed only when what it rests
 * on changes: points, order, dependencies or velocities, not a title typed.
 * undefined while it is being computed; null when there is nothing to
 * forecast (no velocity or an empty backlog).
 */
import { useMemo } from 'react';
import { forecastInputs, planForecast, type PlanFigures, type PlanForecast } from './planFigures.js';

export function usePlanForecast(plan: PlanFigures): PlanForecast | undefined {
  const inputs = forecastInputs(plan);
  return useMemo(() => planForecast(plan), [inputs]); // eslint-disable-line react-hooks/exhaustive-deps
}
