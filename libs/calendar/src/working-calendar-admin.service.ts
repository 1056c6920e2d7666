import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkVersion, FieldProblem, ProblemException, Problems } from '@app/core';
import { AuditService } from '@app/audit';
import { WORKING_CALENDAR_CHANNEL } from './calendar-cache';
import { CalendarDayBody, CalendarDayView, WorkingCalendarYearBody, WorkingCalendarYearView } from './working-calendar.dto';
import { WorkingCalendarService, missingYearMessage } from './working-calendar.service';
import { isWeekend } from './working-days';

const YEAR_COLUMNS = `year, version, source, updated_at AS "updatedAt", holidays, working_days AS "workingDays"`;

/** Reading and replacing a year of the working calendar (system admin), audited. */
@Injectable()
export class WorkingCalendarAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async get(year: number): Promise<WorkingCalendarYearView> {
    const [row] = (await this.dataSource.query(`SELECT ${YEAR_COLUMNS} FROM working_calendar_years WHERE year = $1`, [year])) as WorkingCalendarYearView[];
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', missingYearMessage(year));
    return row;
  }

  /**
   * Replaces the year's holidays and working days, or enters a year not there yet (version 0).
   * Every process counts with the new calendar from the commit on (NOTIFY in the transaction).
   */
  async replace(year: number, body: WorkingCalendarYearBody): Promise<WorkingCalendarYearView> {
    const problems = checkDays(year, body.holidays, body.workingDays);
    if (problems.length > 0) throw Problems.invalid(problems);
    const holidays = toStored(body.holidays);
    const workingDays = toStored(body.workingDays);
    const saved = await this.dataSource.transaction(async (manager) => {
      const [before] = (await manager.query(`SELECT ${YEAR_COLUMNS} FROM working_calendar_years WHERE year = $1 FOR UPDATE`, [year])) as WorkingCalendarYearView[];
      checkVersion({ version: before?.version ?? 0 }, body.version, 'Working calendar');
      const parameters = [year, JSON.stringify(holidays), JSON.stringify(workingDays)];
      const row = before
        ? (
            (await manager.query(
              `UPDATE working_calendar_years SET holidays = $2, working_days = $3, source = 'edited', version = version + 1, updated_at = now()
                WHERE year = $1 RETURNING ${YEAR_COLUMNS}`,
              parameters,
            )) as [WorkingCalendarYearView[], number] // UPDATE answers [rows, rowCount]
          )[0][0]
        : // A year entered concurrently by someone else makes the INSERT answer nothing: stale too.
          ((await manager.query(
            `INSERT INTO working_calendar_years (year, holidays, working_days, source) VALUES ($1, $2, $3, 'edited')
              ON CONFLICT (year) DO NOTHING RETURNING ${YEAR_COLUMNS}`,
            parameters,
          )) as WorkingCalendarYearView[])[0];
      if (!row) throw Problems.staleVersion('Working calendar');
      await this.audit.record(manager, {
        action: 'working_calendar.update',
        entityType: 'working_calendar',
        entityId: String(year),
        before: before ? { version: before.version, holidays: before.holidays, workingDays: before.workingDays } : null,
        after: { version: row.version, holidays, workingDays },
      });
      await manager.query(`SELECT pg_notify($1, $2)`, [WORKING_CALENDAR_CHANNEL, String(year)]);
      return row;
    });
    this.calendar.invalidate();
    return saved;
  }
}

function toStored(days: CalendarDayBody[]): CalendarDayView[] {
  return days.map((day) => ({ date: day.date, nameZh: day.nameZh ?? null, nameEn: day.nameEn ?? null })).sort((a, b) => a.date.localeCompare(b.date));
}

const isRealDate = (date: string): boolean => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
};

/** Field problems of a year's days: real dates of that year, each once, working days on weekends. */
function checkDays(year: number, holidays: CalendarDayBody[], workingDays: CalendarDayBody[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const check = (list: 'holidays' | 'workingDays', days: CalendarDayBody[]) =>
    days.forEach((day, index) => {
      const field = `${list}[${index}].date`;
      if (!isRealDate(day.date)) problems.push({ field, message: `${day.date} is not a date` });
      else if (!day.date.startsWith(`${year}-`)) problems.push({ field, message: `${day.date} is not in ${year}` });
      else if (seen.has(day.date)) problems.push({ field, message: `${day.date} is listed twice` });
      else if (list === 'workingDays' && !isWeekend(day.date)) problems.push({ field, message: `${day.date} is a weekday, a working day anyway: only a Saturday or Sunday can be declared one` });
      seen.add(day.date);
    });
  check('holidays', holidays);
  check('workingDays', workingDays);
  return problems;
}
