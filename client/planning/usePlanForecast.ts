/**
 * The board's forecast, computed in a worker (forecast.worker.ts) and again
 * only when what it rests on changes: points, order, dependencies or
 * velocities, not a title typed. While a new one is computed the last one
 * stays on screen; undefined before the first arrives, null when there is
 * nothing to forecast (no velocity or an empty backlog).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { forecastInput, planForecast, type PlanFigures, type PlanForecast } from './planFigures.js';
import type { ForecastReply, ForecastRequest } from './forecast.worker.js';

export function usePlanForecast(plan: PlanFigures): PlanForecast | undefined {
  const input = forecastInput(plan);
  const key = JSON.stringify(input);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableInput = useMemo(() => input, [key]);
  const [result, setResult] = useState<{ seq: number; forecast: PlanForecast } | undefined>(undefined);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const current = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
    current.onmessage = (event: MessageEvent<ForecastReply>) => {
      const reply = event.data;
      // A reply to an older request is dropped: a newer one is on its way.
      if (reply.seq !== seq.current) return;
      // A forecast that fails (velocities the model refuses) shows as none rather than a stale one.
      setResult({ seq: reply.seq, forecast: reply.ok ? reply.forecast : null });
    };
    worker.current = current;
    return () => {
      current.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const request: ForecastRequest = { seq: ++seq.current, input: stableInput };
    if (worker.current) worker.current.postMessage(request);
    // No worker (an old browser): compute here, after the render.
    else setResult({ seq: request.seq, forecast: planForecast(stableInput) });
  }, [stableInput]);

  return result?.forecast;
}
