/**
 * A timer kept in the document, so that it runs on its own: nobody's screen
 * drives it. Times are on the relay's clock (each client corrects its own
 * clock by the offset it measured), so all clients agree.
 *
 *   durationMs      the timebox; 0 for a clock that only counts up
 *   runningSince    relay time when it was last started, or null when paused
 *   accumulatedMs   time counted before runningSince
 */
export interface TimerState {
  durationMs: number;
  runningSince: number | null;
  accumulatedMs: number;
}

export const STOPPED: TimerState = { durationMs: 0, runningSince: null, accumulatedMs: 0 };

export function elapsed(timer: TimerState, now: number): number {
  return timer.accumulatedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

/** Time left in the timebox; negative once it is over. */
export function remaining(timer: TimerState, now: number): number {
  return timer.durationMs - elapsed(timer, now);
}

export function isRunning(timer: TimerState): boolean {
  return timer.runningSince !== null;
}

export function start(timer: TimerState, now: number): TimerState {
  return timer.runningSince === null ? { ...timer, runningSince: now } : timer;
}

export function pause(timer: TimerState, now: number): TimerState {
  return timer.runningSince === null ? timer : { ...timer, accumulatedMs: elapsed(timer, now), runningSince: null };
}

export function addTime(timer: TimerState, ms: number): TimerState {
  return { ...timer, durationMs: Math.max(0, timer.durationMs + ms) };
}

/** Back to the full timebox, stopped. */
export function reset(timer: TimerState): TimerState {
  return { ...timer, accumulatedMs: 0, runningSince: null };
}

export function readTimer(value: unknown): TimerState {
  const t = value as Partial<TimerState> | null;
  const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    durationMs: Math.max(0, number(t?.durationMs, 0)),
    runningSince: typeof t?.runningSince === 'number' && Number.isFinite(t.runningSince) ? t.runningSince : null,
    accumulatedMs: Math.max(0, number(t?.accumulatedMs, 0)),
  };
}
