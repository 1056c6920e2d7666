import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { CalendarYearDays, CalendarYears } from './working-days';

/** NOTIFY channel of a changed year (payload: the year), sent in the transaction that changes it. */
export const WORKING_CALENDAR_CHANNEL = 'working_calendar_changed';

interface StoredYear {
  year: number;
  holidays: { date: string }[];
  workingDays: { date: string }[];
}

/**
 * Every year of the working calendar, held in memory (a few dozen rows). A change is announced
 * with NOTIFY in its transaction, so every process drops its copy at commit; the process that made
 * it drops its own at once. While the LISTEN connection is down nothing is kept: each computation
 * reads the table again, so no process counts with a calendar another one has changed.
 */
@Injectable()
export class CalendarCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarCache.name);
  private cached: Promise<CalendarYears> | undefined;
  private listener: Client | undefined;
  private listening = false;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** After the HTTP server has closed: requests still finishing count with a current calendar. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }

  years(): Promise<CalendarYears> {
    if (this.cached) return this.cached;
    const loading = this.load();
    if (this.listening) {
      this.cached = loading;
      loading.catch(() => {
        if (this.cached === loading) this.cached = undefined;
      });
    }
    return loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<CalendarYears> {
    const rows = (await this.dataSource.query(
      `SELECT year, holidays, working_days AS "workingDays" FROM working_calendar_years`,
    )) as StoredYear[];
    return new Map<number, CalendarYearDays>(
      rows.map((row) => [
        row.year,
        { holidays: new Set(row.holidays.map((day) => day.date)), workingDays: new Set(row.workingDays.map((day) => day.date)) },
      ]),
    );
  }

  private async listen(): Promise<void> {
    const url = this.config.get('DATABASE_URL');
    if (!url || this.closed) return;
    const client = new Client({ connectionString: url, application_name: 'agency-registry-calendar-listener' });
    client.on('notification', () => this.invalidate());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${WORKING_CALENDAR_CHANNEL}`);
      this.listener = client;
      this.listening = true;
      // A copy loaded before (re)connecting may have missed a notification.
      this.invalidate();
    } catch (error) {
      this.logger.warn(`Working calendar read from the database on every use until it answers: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.retryLater();
    }
  }

  private lost(client: Client): void {
    if (this.listener !== client) return;
    this.listening = false;
    this.listener = undefined;
    this.invalidate();
    this.retryLater();
  }

  private retryLater(): void {
    if (!this.closed) setTimeout(() => void this.listen(), 2_000).unref();
  }
}
