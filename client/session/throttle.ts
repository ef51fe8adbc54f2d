/**
 * Calls `send` with the latest value at most once per `interval` ms. The
 * last value always goes out (trailing call), so a pointer that stops still
 * ends up where it stopped.
 */
export function throttleLatest<T>(send: (value: T) => void, interval: number, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T;
  let lastSentAt = -Infinity;
  return {
    push(value: T): void {
      latest = value;
      if (timer !== undefined) return;
      const wait = Math.max(0, lastSentAt + interval - now());
      timer = setTimeout(() => {
        timer = undefined;
        lastSentAt = now();
        send(latest);
      }, wait);
    },
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
