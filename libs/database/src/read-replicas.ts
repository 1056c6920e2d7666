import { HttpException, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Pool } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig, Metrics } from '@app/core';
import { RecentWriters } from './recent-writers';

/** One replica as this process sees it: its pool, and whether it may be read now. */
interface Replica {
  name: string;
  url: string;
  dataSource: DataSource;
  /** The checks' own connection: a check neither waits for nor holds one of the pool's. */
  checker?: Client;
  /** Seconds behind the primary at the last check; undefined: it did not answer. */
  lagSeconds?: number;
  usable: boolean;
  problem?: string;
}

/**
 * Lag of a standby: zero when it has replayed all it received (an idle primary sends nothing, and
 * `now() - pg_last_xact_replay_timestamp()` would grow though nothing is missing), else the age of
 * the last transaction replayed. A server not in recovery (a plain database) lags nothing.
 */
const LAG_SQL = `SELECT CASE
    WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)
  END::float8 AS lag`;

/**
 * Where reads that tolerate a little lag go: public verification, the public register and
 * sanctions, complaint trends, the reports overview (DATABASE_REPLICA_URLS). Each replica's lag is
 * measured every REPLICA_CHECK_INTERVAL_SECONDS; one that does not answer or lags more than
 * REPLICA_MAX_LAG_SECONDS is skipped until it recovers, and with none usable the primary serves.
 * An official who wrote in the last REPLICA_MAX_LAG_SECONDS reads the primary (RecentWriters), so
 * nobody misses their own change. Writes never come here: they use the primary DataSource.
 */
@Injectable()
export class ReadReplicas implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplicas');
  private readonly replicas: Replica[];
  private timer?: NodeJS.Timeout;
  private next = 0;
  private readonly reads;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    private readonly config: AppConfig,
    private readonly writers: RecentWriters,
    metrics: Metrics,
  ) {
    const urls = (config.get('DATABASE_REPLICA_URLS') ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter((url) => url !== '');
    const options = primary.options as DataSourceOptions & { extra?: Record<string, unknown> };
    this.replicas = urls.map((url, index) => ({
      // Never the URL: it holds a password.
      name: `replica-${index + 1}`,
      url,
      dataSource: new DataSource({
        ...options,
        url,
        migrations: [],
        extra: { ...options.extra, application_name: `${String(options.extra?.application_name ?? 'agency-registry')}-replica-read`, connectionTimeoutMillis: 2_000 },
      } as DataSourceOptions),
      usable: false,
      problem: 'not checked yet',
    }));
    this.reads = metrics.counter('db_routed_reads_total', 'Reads routed between replicas and the primary (public, trends, reports), by the pool that served them', ['pool']);
    metrics.scraped({
      name: 'db_replica_lag_seconds',
      help: 'Seconds each replica is behind the primary at the last check (absent while it does not answer)',
      labelNames: ['replica'] as const,
      aggregator: 'max',
      read: () => Promise.resolve(this.replicas.filter((r) => r.lagSeconds !== undefined).map((r) => ({ labels: { replica: r.name }, value: r.lagSeconds as number }))),
    });
    metrics.scraped({
      name: 'db_replica_usable',
      help: '1 when a replica answers and lags at most REPLICA_MAX_LAG_SECONDS (it is read), 0 when the primary serves its reads instead',
      labelNames: ['replica'] as const,
      aggregator: 'min',
      read: () => Promise.resolve(this.replicas.map((r) => ({ labels: { replica: r.name }, value: r.usable ? 1 : 0 }))),
    });
  }

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  /** How far behind a replica may be and still be read, in milliseconds. */
  get maxLagMs(): number {
    return this.config.get('REPLICA_MAX_LAG_SECONDS') * 1000;
  }

  /**
   * How long after a change the replicas may still miss it: the largest lag measured plus the time
   * until the next measurement, never more than REPLICA_MAX_LAG_SECONDS (a replica further behind
   * is not read). A look-up of something changed more recently than this reads the primary.
   */
  get staleForMs(): number {
    const measured = Math.max(0, ...this.replicas.filter((r) => r.usable).map((r) => r.lagSeconds ?? 0));
    return Math.min(this.maxLagMs, (measured + this.config.get('REPLICA_CHECK_INTERVAL_SECONDS')) * 1000);
  }

  async onModuleInit(): Promise<void> {
    if (!this.configured) return;
    await this.check();
    const every = this.config.get('REPLICA_CHECK_INTERVAL_SECONDS') * 1000;
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.replicas.map((r) => (r.checker ? r.checker.end().catch(() => undefined) : Promise.resolve())));
    await Promise.all(this.replicas.filter((r) => r.dataSource.isInitialized).map((r) => r.dataSource.destroy().catch(() => undefined)));
  }

  /**
   * Runs a lag-tolerant read on a usable replica (in turn), else on the primary. `userId`: on the
   * primary while that user's own write may not have reached the replicas; `primary`: there in any
   * case (the caller knows its data just changed). A replica that fails the read (it went down since
   * the last check) is set aside and the primary answers instead.
   */
  async read<T>(work: (source: DataSource) => Promise<T>, options: { userId?: string | null; primary?: boolean } = {}): Promise<T> {
    const usable = this.replicas.filter((r) => r.usable);
    if (usable.length === 0 || options.primary || (options.userId && (await this.writers.wroteRecently(options.userId)))) return this.onPrimary(work);
    const replica = usable[this.next++ % usable.length];
    try {
      const result = await work(replica.dataSource);
      this.reads.inc({ pool: replica.name });
      return result;
    } catch (error) {
      if (error instanceof HttpException) throw error;
      replica.usable = false;
      replica.problem = `a read failed: ${(error as Error).message}`;
      this.logger.warn(`Database ${replica.name} ${replica.problem}: its reads go to the primary until the next check`);
      return this.onPrimary(work);
    }
  }

  private onPrimary<T>(work: (source: DataSource) => Promise<T>): Promise<T> {
    if (this.configured) this.reads.inc({ pool: 'primary' });
    return work(this.primary);
  }

  /** Called after a user's successful write: their reads stay on the primary for the lag allowed. */
  async noteWrite(userId: string): Promise<void> {
    if (this.configured) await this.writers.note(userId, this.maxLagMs + this.config.get('REPLICA_CHECK_INTERVAL_SECONDS') * 1000);
  }

  /** Why some configured replica is not read now (for readiness); empty when all are. */
  problems(): string[] {
    return this.replicas.filter((r) => !r.usable).map((r) => `Database ${r.name} is not read (${r.problem}): the primary serves its reads`);
  }

  /** The pg pools of the replicas, for the pool metrics. */
  pools(): { pool: string; pg: Pool }[] {
    return this.replicas
      .filter((r) => r.dataSource.isInitialized)
      .map((r) => ({ pool: r.name, pg: (r.dataSource.driver as unknown as { master: Pool }).master }));
  }

  /** Measures every replica's lag, connecting those not connected yet (a replica down at start is picked up later). */
  async check(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => this.checkOne(replica)));
  }

  private async checkOne(replica: Replica): Promise<void> {
    const wasUsable = replica.usable;
    try {
      if (!replica.dataSource.isInitialized) await replica.dataSource.initialize();
      const lag = await this.measure(replica);
      replica.lagSeconds = lag;
      const limit = this.config.get('REPLICA_MAX_LAG_SECONDS');
      replica.usable = lag <= limit;
      replica.problem = replica.usable ? undefined : `${lag.toFixed(1)} s behind the primary, more than REPLICA_MAX_LAG_SECONDS=${limit}`;
    } catch (error) {
      replica.lagSeconds = undefined;
      replica.usable = false;
      replica.problem = `does not answer: ${(error as Error).message}`;
    }
    if (!replica.usable) {
      void replica.checker?.end().catch(() => undefined);
      replica.checker = undefined;
    }
    if (wasUsable && !replica.usable) this.logger.warn(`Database ${replica.name} ${replica.problem}: its reads go to the primary`);
    if (!wasUsable && replica.usable) this.logger.log(`Database ${replica.name} is read (${replica.lagSeconds?.toFixed(1)} s behind the primary)`);
  }

  private async measure(replica: Replica): Promise<number> {
    if (!replica.checker) {
      const checker = new Client({ connectionString: replica.url, connectionTimeoutMillis: 2_000, statement_timeout: 2_000, application_name: 'agency-registry-replica-check' });
      checker.on('error', () => undefined);
      await checker.connect();
      replica.checker = checker;
    }
    const { rows } = await replica.checker.query<{ lag: number }>(LAG_SQL);
    return rows[0].lag;
  }
}
