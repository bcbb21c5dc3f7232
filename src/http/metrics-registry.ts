/** A small Prometheus registry: counters, histograms and gauges, written in the text exposition format. */

export type Labels = Readonly<Record<string, string>>;

interface Metric {
  /** The metric's sample lines, without HELP and TYPE. */
  samples(): Promise<string[]>;
}

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const labelText = (labels: Labels): string => {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
};

/** Values kept per label set. */
class Series<T> {
  readonly #entries = new Map<string, { labels: Labels; value: T }>();
  readonly #initial: () => T;
  constructor(initial: () => T) {
    this.#initial = initial;
  }
  get(labels: Labels): { labels: Labels; value: T } {
    const key = labelText(labels);
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { labels, value: this.#initial() };
      this.#entries.set(key, entry);
    }
    return entry;
  }
  all(): { labels: Labels; value: T }[] {
    return [...this.#entries.values()];
  }
}

export class Counter implements Metric {
  readonly #name: string;
  readonly #series = new Series(() => 0);
  constructor(name: string) {
    this.#name = name;
  }
  inc(labels: Labels = {}, by = 1): void {
    this.#series.get(labels).value += by;
  }
  async samples(): Promise<string[]> {
    const all = this.#series.all();
    if (all.length === 0) return [`${this.#name} 0`];
    return all.map(({ labels, value }) => `${this.#name}${labelText(labels)} ${value}`);
  }
}

export class Histogram implements Metric {
  readonly #name: string;
  readonly #buckets: readonly number[];
  readonly #series: Series<{ counts: number[]; sum: number; count: number }>;
  constructor(name: string, buckets: readonly number[]) {
    this.#name = name;
    this.#buckets = [...buckets].sort((a, b) => a - b);
    this.#series = new Series(() => ({ counts: this.#buckets.map(() => 0), sum: 0, count: 0 }));
  }
  observe(labels: Labels, value: number): void {
    const entry = this.#series.get(labels).value;
    this.#buckets.forEach((bound, i) => {
      if (value <= bound) entry.counts[i]!++;
    });
    entry.sum += value;
    entry.count++;
  }
  async samples(): Promise<string[]> {
    return this.#series
      .all()
      .flatMap(({ labels, value }) => [
        ...this.#buckets.map(
          (bound, i) =>
            `${this.#name}_bucket${labelText({ ...labels, le: String(bound) })} ${value.counts[i]}`,
        ),
        `${this.#name}_bucket${labelText({ ...labels, le: '+Inf' })} ${value.count}`,
        `${this.#name}_sum${labelText(labels)} ${value.sum}`,
        `${this.#name}_count${labelText(labels)} ${value.count}`,
      ]);
  }
}

/** A value read when the metrics are scraped; a collector that fails leaves the gauge out. */
export class Gauge implements Metric {
  readonly #name: string;
  readonly #collect: () => number | Promise<number>;
  constructor(name: string, collect: () => number | Promise<number>) {
    this.#name = name;
    this.#collect = collect;
  }
  async samples(): Promise<string[]> {
    try {
      return [`${this.#name} ${await this.#collect()}`];
    } catch {
      return [];
    }
  }
}

export class Registry {
  readonly #metrics: { name: string; help: string; type: string; metric: Metric }[] = [];

  counter(name: string, help: string): Counter {
    return this.#add(name, help, 'counter', new Counter(name));
  }
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.#add(name, help, 'histogram', new Histogram(name, buckets));
  }
  gauge(name: string, help: string, collect: () => number | Promise<number>): Gauge {
    return this.#add(name, help, 'gauge', new Gauge(name, collect));
  }

  /** Every metric in the Prometheus text exposition format (version 0.0.4). */
  async render(): Promise<string> {
    const blocks = await Promise.all(
      this.#metrics.map(async ({ name, help, type, metric }) => {
        const samples = await metric.samples();
        if (samples.length === 0) return '';
        return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples, ''].join('\n');
      }),
    );
    return blocks.join('');
  }

  #add<M extends Metric>(name: string, help: string, type: string, metric: M): M {
    this.#metrics.push({ name, help, type, metric });
    return metric;
  }
}
