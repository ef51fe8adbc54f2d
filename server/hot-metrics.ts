/**
 * A counter and a histogram cheap enough to touch on every message. prom-client's
 * own hash their labels and, for a histogram, build a closure on each call:
 * at the anchor load of the fan-out benchmark that was about 3% of the relay's
 * busy time. These hold plain numbers and become prom-client's format only
 * when `/metrics` is read. No labels.
 */
import type { Metric, Registry } from 'prom-client';

interface Sample {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

abstract class HotMetric {
  readonly aggregator = 'sum';
  abstract readonly type: 'counter' | 'histogram';

  constructor(
    readonly name: string,
    readonly help: string,
    registry: Registry,
  ) {
    // prom-client renders any registered object with a name, help, type and get(); its typings name only its own classes.
    registry.registerMetric(this as unknown as Metric);
  }

  protected abstract samples(): Sample[];

  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Sample[] }> {
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values: this.samples() });
  }
}

export class HotCounter extends HotMetric {
  readonly type = 'counter';
  private value = 0;

  inc(amount = 1): void {
    this.value += amount;
  }

  protected samples(): Sample[] {
    return [{ labels: {}, value: this.value }];
  }
}

export class HotHistogram extends HotMetric {
  readonly type = 'histogram';
  /** Observations per bucket (not cumulative); the last one is above every bound. */
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(name: string, help: string, registry: Registry, private readonly bounds: readonly number[]) {
    super(name, help, registry);
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket++;
    this.counts[bucket]!++;
    this.sum += value;
    this.count++;
  }

  protected samples(): Sample[] {
    let cumulative = 0;
    const buckets = this.bounds.map((bound, index) => {
      cumulative += this.counts[index]!;
      return { metricName: `${this.name}_bucket`, labels: { le: bound }, value: cumulative };
    });
    return [
      ...buckets,
      { metricName: `${this.name}_bucket`, labels: { le: '+Inf' }, value: this.count },
      { metricName: `${this.name}_sum`, labels: {}, value: this.sum },
      { metricName: `${this.name}_count`, labels: {}, value: this.count },
    ];
  }
}
