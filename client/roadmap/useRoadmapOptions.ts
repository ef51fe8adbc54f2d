/** What the roadmap's figures need beside the items and the forecast: today, a default sprint length, and the board's definition of ready. */
import { useContext, useMemo } from 'react';
import { readinessGaps, type RoadmapOptions } from '../../shared/index.js';
import { ReadinessContext } from '../health/ReadinessContext.js';
import { localDay } from './dates.js';
import { MIN_COLUMNS } from './layout.js';

/** Sprint length when no sprint has dates. */
const LENGTH_DAYS = 14;

export function useRoadmapOptions(now: number): RoadmapOptions {
  const readiness = useContext(ReadinessContext);
  const today = localDay(now);
  return useMemo(() => ({ today, lengthDays: LENGTH_DAYS, minSprints: MIN_COLUMNS, isReady: (item) => readinessGaps(item, readiness).length === 0 }), [today, readiness]);
}
