import { MigrationInterface, QueryRunner } from 'typeorm';
import { WORKING_CALENDAR_2004_2026 } from './data/working-calendar-2004-2026';

const asDays = (days: readonly (readonly [string, string, string])[]) => JSON.stringify(days.map(([date, nameZh, nameEn]) => ({ date, nameZh, nameEn })));

/**
 * China's official working calendar, one row per year: the public holidays and the weekend days
 * declared working days (调休). Working-day deadlines read it (libs/calendar); a system admin edits
 * a year with PUT /admin/working-calendar/:year. Seeded with every year the chinese-days package
 * had published (2004–2026 in 1.5.7).
 */
export class WorkingCalendar1763885600000 implements MigrationInterface {
  name = 'WorkingCalendar1763885600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE working_calendar_years (
        year smallint PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
        holidays jsonb NOT NULL CHECK (jsonb_typeof(holidays) = 'array'),
        working_days jsonb NOT NULL CHECK (jsonb_typeof(working_days) = 'array'),
        source text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const seed of WORKING_CALENDAR_2004_2026) {
      await db.query(`INSERT INTO working_calendar_years (year, holidays, working_days, source) VALUES ($1, $2, $3, $4)`, [
        seed.year,
        asDays(seed.holidays),
        asDays(seed.workingDays),
        seed.source,
      ]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE working_calendar_years`);
  }
}
