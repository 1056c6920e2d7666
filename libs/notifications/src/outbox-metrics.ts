import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/core';

/** The email outbox: notifications still to be mailed, and how long the oldest has waited. */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // One read serves both gauges of a scrape (prom-client collects them together).
    let pending: Promise<{ pending: number; oldestSeconds: number | null }> | undefined;
    const backlog = () => {
      pending ??= this.read().finally(() => (pending = undefined));
      return pending;
    };
    this.metrics.scraped({
      name: 'notification_outbox_pending',
      help: 'Email notifications waiting to be mailed (the notification-delivery job sends them)',
      labelNames: [] as const,
      aggregator: 'max',
      read: async () => [{ labels: {}, value: (await backlog()).pending }],
    });
    this.metrics.scraped({
      name: 'notification_outbox_oldest_seconds',
      help: 'Age of the oldest email notification waiting to be mailed (0 when none waits)',
      labelNames: [] as const,
      aggregator: 'max',
      read: async () => [{ labels: {}, value: (await backlog()).oldestSeconds ?? 0 }],
    });
  }

  /** The delivery job's partial index (pending email) holds exactly these rows. */
  private async read(): Promise<{ pending: number; oldestSeconds: number | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS "oldestSeconds"
         FROM notifications WHERE status = 'pending' AND channel = 'email'`,
    )) as { pending: number; oldestSeconds: number | null }[];
    return row;
  }
}
