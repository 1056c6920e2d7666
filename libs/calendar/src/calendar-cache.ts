import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { ListenedCache } from '@app/database';
import { CalendarYearDays, CalendarYears } from './working-days';

/** NOTIFY channel of a changed year (payload: the year), sent in the transaction that changes it. */
export const WORKING_CALENDAR_CHANNEL = 'working_calendar_changed';

/** The cache's one entry: every year. */
const ALL_YEARS = 'years';

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
  /** The loading (or loaded) years: callers that ask while they load wait for the same query. */
  private readonly cache: ListenedCache<typeof ALL_YEARS, Promise<CalendarYears>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.cache = new ListenedCache({
      url: config.appDatabaseUrl,
      channel: WORKING_CALENDAR_CHANNEL,
      applicationName: 'agency-registry-calendar-listener',
      whileDeaf: 'Working calendar read from the database on every use',
      logger: new Logger(CalendarCache.name),
      maxEntries: 1,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start();
  }

  /** After the HTTP server has closed: requests still finishing count with a current calendar. */
  async onApplicationShutdown(): Promise<void> {
    await this.cache.close();
  }

  years(): Promise<CalendarYears> {
    const cached = this.cache.get(ALL_YEARS);
    if (cached) return cached;
    const loading = this.load();
    this.cache.set(ALL_YEARS, loading, this.cache.begin());
    loading.catch(() => this.cache.drop(ALL_YEARS, loading));
    return loading;
  }

  invalidate(): void {
    this.cache.evict();
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
