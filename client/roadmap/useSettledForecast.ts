/**
 * The last forecast that finished: while a new one is being computed
 * (undefined) the roadmap keeps showing the previous one rather than
 * emptying and refilling. undefined only before the first one.
 */
import { useState } from 'react';
import type { PlanForecast } from '../planning/planFigures.js';

export function useSettledForecast(forecast: PlanForecast | undefined): PlanForecast | undefined {
  const [settled, setSettled] = useState(forecast);
  if (forecast !== undefined && forecast !== settled) setSettled(forecast);
  return forecast === undefined ? settled : forecast;
}
