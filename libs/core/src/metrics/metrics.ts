import { Injectable, Logger } from '@nestjs/common';
import { Aggregator, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { clusterMetricsText, inApiCluster, joinClusterMetrics } from './cluster-metrics';

/** Every metric's name starts with this. */
export const METRIC_PREFIX = 'registry_';

/** A gauge whose values are read when scraped (from the database, a pool), by labels. */
export interface ScrapedGauge<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /**
   * How start:cluster adds up the processes' values (cluster-metrics.ts): `sum` for what each
   * process has of its own (its pool's connections), `max` for what every process reads alike from
   * the database (a job's last success), `min`/`max` for the worst of the processes' views.
   */
  aggregator: Aggregator;
  /** The current values; a failure leaves the gauge empty for this scrape and is logged. */
  read(): Promise<{ labels: Partial<Record<L, string>>; value: number }[]>;
}

/**
 * The process's Prometheus registry (one per app, not prom-client's global one, so that several
 * apps in one process, as in the e2e tests, keep their own). Libs add their metrics here; the API
 * serves them at /metrics, the worker on WORKER_METRICS_PORT; under start:cluster an API process
 * serves the sum of all the processes' registries (cluster-metrics.ts).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    if (inApiCluster()) joinClusterMetrics(this.registry);
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name: METRIC_PREFIX + name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return new Histogram({ name: METRIC_PREFIX + name, help, labelNames, buckets, registers: [this.registry] });
  }

  scraped<L extends string>(gauge: ScrapedGauge<L>): void {
    const logger = this.logger;
    new Gauge<L>({
      name: METRIC_PREFIX + gauge.name,
      help: gauge.help,
      labelNames: gauge.labelNames,
      aggregator: gauge.aggregator,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const { labels, value } of await gauge.read()) this.set(labels, value);
        } catch (error) {
          logger.warn(`Metric ${gauge.name} not read: ${(error as Error).message}`);
        }
      },
    });
  }

  /** The Prometheus text exposition: of this process, or under start:cluster of all the API processes. */
  text(): Promise<string> {
    return inApiCluster() ? clusterMetricsText() : this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
