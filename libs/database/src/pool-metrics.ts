import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/core';
import { ReadReplicas } from './read-replicas';

/** The pg pools behind a DataSource: the primary's, then each replica's (TypeORM replication). */
export function poolsOf(dataSource: DataSource): { pool: string; pg: Pool }[] {
  const driver = dataSource.driver as unknown as { master?: Pool; slaves?: Pool[] };
  const pools = driver.master ? [{ pool: 'primary', pg: driver.master }] : [];
  return pools.concat((driver.slaves ?? []).map((pg, index) => ({ pool: `replica-${index + 1}`, pg })));
}

/** Connections of this process's pools: in use, idle, and callers waiting for one. */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
    private readonly replicas: ReadReplicas,
  ) {}

  onModuleInit(): void {
    this.metrics.scraped({
      name: 'db_pool_connections',
      help: "Connections of this process's database pools, by pool (primary, replica-N) and state (in_use, idle, waiting: callers waiting for one)",
      labelNames: ['pool', 'state'] as const,
      aggregator: 'sum',
      read: async () =>
        [...poolsOf(this.dataSource), ...this.replicas.pools()].flatMap(({ pool, pg }) => [
          { labels: { pool, state: 'in_use' }, value: pg.totalCount - pg.idleCount },
          { labels: { pool, state: 'idle' }, value: pg.idleCount },
          { labels: { pool, state: 'waiting' }, value: pg.waitingCount },
        ]),
    });
  }
}
