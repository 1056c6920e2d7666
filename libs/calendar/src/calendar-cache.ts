import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { NotificationListener } from '@app/database';
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
  private readonly listener: NotificationListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.listener = new NotificationListener({
      url: config.appDatabaseUrl,
      channel: WORKING_CALENDAR_CHANNEL,
      applicationName: 'agency-registry-calendar-listener',
      whileDeaf: 'Working calendar read from the database on every use',
      logger: this.logger,
      onMessage: () => this.invalidate(),
      onGapInHearing: () => this.invalidate(),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  /** After the HTTP server has closed: requests still finishing count with a current calendar. */
  async onApplicationShutdown(): Promise<void> {
    await this.listener.close();
  }

  years(): Promise<CalendarYears> {
    if (this.cached) return this.cached;
    const loading = this.load();
    if (this.listener.hearing) {
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
}
