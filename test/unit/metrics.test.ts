import { describe, expect, it } from 'vitest';
import { Metrics } from '../../server/metrics.js';

/** The value of one sample line of the Prometheus text, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('relay metrics', () => {
  it('counts messages and bytes as Prometheus counters', async () => {
    const metrics = new Metrics();
    metrics.messagesIn.inc();
    metrics.messagesIn.inc();
    metrics.bytesIn.inc(300);
    metrics.bytesOut.inc(7);
    const text = await metrics.text();
    expect(text).toContain('# TYPE relay_messages_in_total counter');
    expect(sample(text, 'relay_messages_in_total')).toBe(2);
    expect(sample(text, 'relay_bytes_in_total')).toBe(300);
    expect(sample(text, 'relay_messages_out_total')).toBe(0);
    expect(sample(text, 'relay_bytes_out_total')).toBe(7);
  });

  it('keeps update timings as a cumulative histogram with sum and count', async () => {
    const metrics = new Metrics();
    for (const seconds of [0.00005, 0.0001, 0.0003, 0.002, 3]) metrics.applySeconds.observe(seconds);
    const text = await metrics.text();
    expect(text).toContain('# TYPE relay_update_apply_seconds histogram');
    expect(text).toContain('# HELP relay_update_apply_seconds ');
    // A bucket counts every observation at or below its bound.
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="0.0001"}')).toBe(2);
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="0.0005"}')).toBe(3);
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="0.001"}')).toBe(3);
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="0.005"}')).toBe(4);
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="1"}')).toBe(4);
    expect(sample(text, 'relay_update_apply_seconds_bucket{le="+Inf"}')).toBe(5);
    expect(sample(text, 'relay_update_apply_seconds_count')).toBe(5);
    expect(sample(text, 'relay_update_apply_seconds_sum')).toBeCloseTo(3.00245, 9);
    expect(sample(text, 'relay_storage_write_seconds_count')).toBe(0);
    expect(sample(text, 'relay_storage_write_seconds_bucket{le="+Inf"}')).toBe(0);
  });
});
