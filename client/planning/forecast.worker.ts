/**
 * The forecast off the main thread: thousands of simulated runs over a long
 * backlog take tens of milliseconds, and typing must never wait for them.
 * Each request carries a number; the page keeps only the reply to its latest.
 */
import { planForecast, type ForecastInput, type PlanForecast } from './planFigures.js';

export interface ForecastRequest {
  seq: number;
  input: ForecastInput;
}

export type ForecastReply = { seq: number; ok: true; forecast: PlanForecast } | { seq: number; ok: false; error: string };

self.onmessage = (event: MessageEvent<ForecastRequest>) => {
  const { seq, input } = event.data;
  let reply: ForecastReply;
  try {
    reply = { seq, ok: true, forecast: planForecast(input) };
  } catch (error) {
    reply = { seq, ok: false, error: (error as Error).message };
  }
  self.postMessage(reply);
};
