import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from '../../client/session/throttle.js';

describe('cursor throttling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one value per interval, and always the latest one last', () => {
    const sent: number[] = [];
    const throttle = throttleLatest((value: number) => sent.push(value), 50);
    // A pointer moving for one second, an event every 5 ms.
    for (let t = 0; t < 1000; t += 5) {
      throttle.push(t);
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(100);
    expect(sent.length).toBeLessThanOrEqual(21);
    expect(sent.length).toBeGreaterThanOrEqual(19);
    expect(sent.at(-1)).toBe(995);
  });

  it('sends nothing after cancel', () => {
    const sent: number[] = [];
    const throttle = throttleLatest((value: number) => sent.push(value), 50);
    throttle.push(1);
    throttle.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });
});
