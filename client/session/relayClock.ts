/**
 * The relay's clock, as seen from this tab. Timers live in the document on
 * the relay's clock, so every client must read the same "now" whatever its
 * own clock says. The offset is measured like NTP: ask the relay for its
 * time, assume the answer was made halfway through the round trip, and keep
 * the sample with the shortest round trip (the least uncertain).
 */
export class RelayClock {
  private offset = 0;
  private bestRoundTrip = Infinity;
  measured = false;

  /** The relay's time now, in ms since the epoch (a bound function: pass it around freely). */
  readonly now = (): number => Date.now() + this.offset;

  async measure(samples = 5): Promise<void> {
    this.bestRoundTrip = Infinity;
    for (let i = 0; i < samples; i++) {
      try {
        const sent = Date.now();
        const startedAt = performance.now();
        const response = await fetch('/api/time', { cache: 'no-store' });
        const { now } = (await response.json()) as { now: number };
        const roundTrip = performance.now() - startedAt;
        if (roundTrip < this.bestRoundTrip && Number.isFinite(now)) {
          this.bestRoundTrip = roundTrip;
          this.offset = now - (sent + roundTrip / 2);
          this.measured = true;
        }
      } catch {
        // Offline: keep the last offset (or none); timers still run, perhaps a little off.
        return;
      }
    }
  }
}
