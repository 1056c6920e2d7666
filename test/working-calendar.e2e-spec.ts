import { Logger } from '@nestjs/common';
import { WorkingCalendarService } from '@app/calendar';
import { SettableClock, validateEnvironment } from '@app/core';
import { createApi } from '../apps/api/src/http-app';
import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

/** Friday 13 February 2026, 10:00 in Shanghai: the eve of Spring Festival's working Saturday. */
const FRIDAY_BEFORE_SPRING_FESTIVAL = '2026-02-13T02:00:00.000Z';

interface CalendarDay {
  date: string;
  nameZh: string | null;
  nameEn: string | null;
}

describe('working calendar: China official holidays and working weekends', () => {
  const clock = new SettableClock(FRIDAY_BEFORE_SPRING_FESTIVAL);
  let t: TestApp;
  let auth: Record<string, string>;
  let calendar: WorkingCalendarService;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await seedWorld(t);
    auth = await signInAll(t);
    calendar = t.app.get(WorkingCalendarService);
  });
  afterAll(() => t.close());

  const getYear = (year: number | string, user = 'admin') => t.http().get(`/api/admin/working-calendar/${year}`).set('authorization', auth[user]);
  const putYear = (year: number | string, body: unknown, user = 'admin') => t.http().put(`/api/admin/working-calendar/${year}`).set('authorization', auth[user]).send(body as object);

  /** Lodges a routine complaint now (by the clock) and answers its acknowledgement deadline. */
  let lodged = 0;
  async function ackDueAtOfNewComplaint(): Promise<string> {
    // A distinct description each time: the same complaint lodged twice is answered with the first one.
    lodged += 1;
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ description: `No written contract, complaint number ${lodged}.` })).expect(201);
    const [row] = (await t.db.query(`SELECT ack_due_at AS "ackDueAt" FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { ackDueAt: Date }[];
    return row.ackDueAt.toISOString();
  }

  it('is seeded from chinese-days: 2026 has Spring Festival and its working Saturdays', async () => {
    const year = await getYear(2026).expect(200);
    expect(year.body).toMatchObject({ year: 2026, version: 1, source: expect.stringMatching(/^chinese-days /) });
    const holidays = (year.body.holidays as CalendarDay[]).map((day) => day.date);
    expect(holidays).toEqual(expect.arrayContaining(['2026-02-15', '2026-02-23', '2026-10-01', '2026-10-07']));
    expect(year.body.holidays).toContainEqual({ date: '2026-02-17', nameZh: '春节', nameEn: 'Spring Festival' });
    expect((year.body.workingDays as CalendarDay[]).map((day) => day.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    await getYear(2025).expect(200);
  });

  it('counts the design examples: 5 working days after 2026-02-13 and after 2026-09-30', async () => {
    expect(await calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(await calendar.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
  });

  it('gives a complaint lodged before Spring Festival its deadline after it, through the API', async () => {
    clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
    // Sat 14 Feb works; 15–23 Feb is the holiday; the fifth working day is Fri 27 Feb, until midnight in Shanghai.
    expect(await ackDueAtOfNewComplaint()).toBe('2026-02-27T15:59:59.999Z');
  });

  it('is readable by every official, writable by the system admin only', async () => {
    for (const user of ['ministry', 'fj-admin', 'fj-inspector']) await getYear(2026, user).expect(200);
    expectProblem((await getYear(2026, 'agency-fj-1').expect(403)).body, 403);
    await t.http().get('/api/admin/working-calendar/2026').expect(401);
    const current = (await getYear(2026).expect(200)).body;
    for (const user of ['ministry', 'fj-admin', 'fj-inspector', 'agency-fj-1']) {
      expectProblem((await putYear(2026, { version: current.version, holidays: [], workingDays: [] }, user).expect(403)).body, 403);
    }
    expect((await getYear(2026).expect(200)).body.version).toBe(current.version);
  });

  it('refuses a bad body or year with field-level problems and changes nothing', async () => {
    const before = (await getYear(2026).expect(200)).body;
    const cases: { body: unknown; fields: string[] }[] = [
      { body: { holidays: [], workingDays: [] }, fields: ['version'] },
      { body: { version: before.version, holidays: 'none', workingDays: [] }, fields: ['holidays'] },
      { body: { version: before.version, holidays: [{ date: '26-02-17' }], workingDays: [] }, fields: ['holidays[0].date'] },
      { body: { version: before.version, holidays: [{ date: '2026-02-30' }], workingDays: [] }, fields: ['holidays[0].date'] },
      { body: { version: before.version, holidays: [{ date: '2027-02-17' }], workingDays: [] }, fields: ['holidays[0].date'] },
      // Wednesday is a working day anyway; 14 Feb listed as holiday and working day.
      { body: { version: before.version, holidays: [{ date: '2026-02-14' }], workingDays: [{ date: '2026-02-18' }, { date: '2026-02-14' }] }, fields: ['workingDays[0].date', 'workingDays[1].date'] },
      { body: { version: before.version, holidays: [], workingDays: [], colour: 'red' }, fields: ['colour'] },
    ];
    for (const { body, fields } of cases) {
      const answer = await putYear(2026, body).expect(400);
      expectProblem(answer.body, 400);
      expect([...new Set((answer.body.errors as { field: string }[]).map((error) => error.field))].sort()).toEqual(fields.sort());
    }
    expectProblem((await getYear('next').expect(400)).body, 400);
    expect((await getYear(1800).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await getYear(2026).expect(200)).body).toEqual(before);
  });

  it('takes an edited year into account at once, audited, and refuses a stale version', async () => {
    clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
    const before = (await getYear(2026).expect(200)).body;
    // Tue 24 Feb becomes a holiday too: the fifth working day moves to Sat 28 Feb, a working Saturday.
    const holidays = [...(before.holidays as CalendarDay[]), { date: '2026-02-24', nameZh: '春节', nameEn: 'Spring Festival' }];
    const saved = await putYear(2026, { version: before.version, holidays, workingDays: before.workingDays }).expect(200);
    expect(saved.body).toMatchObject({ year: 2026, version: before.version + 1, source: 'edited' });
    expect(await ackDueAtOfNewComplaint()).toBe('2026-02-28T15:59:59.999Z');

    const [audit] = (await t.db.query(`SELECT actor_username, before, after FROM audit_events WHERE action = 'working_calendar.update' AND entity_id = '2026'`)) as {
      actor_username: string;
      before: { version: number };
      after: { version: number; holidays: CalendarDay[] };
    }[];
    expect(audit.actor_username).toBe('admin');
    expect(audit.before.version).toBe(before.version);
    expect(audit.after.holidays).toContainEqual({ date: '2026-02-24', nameZh: '春节', nameEn: 'Spring Festival' });

    const stale = await putYear(2026, { version: before.version, holidays: before.holidays, workingDays: before.workingDays }).expect(409);
    expectProblem(stale.body, 409);
    expect(stale.body.currentVersion).toBe(before.version + 1);
    // Put back as seeded, for the tests that follow.
    await putYear(2026, { version: before.version + 1, holidays: before.holidays, workingDays: before.workingDays }).expect(200);
    expect(await ackDueAtOfNewComplaint()).toBe('2026-02-27T15:59:59.999Z');
  });

  it('tells another API process of a change (LISTEN/NOTIFY), so it counts with the new calendar', async () => {
    const overrides = { NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', DB_POOL_SIZE: '2' };
    const other = await createApi({ env: validateEnvironment({ ...process.env, ...overrides }), plainLogger: true });
    await other.init();
    try {
      const otherCalendar = other.get(WorkingCalendarService);
      expect(await otherCalendar.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
      const before = (await getYear(2026).expect(200)).body;
      const workingDays = (before.workingDays as CalendarDay[]).filter((day) => day.date !== '2026-10-10');
      await putYear(2026, { version: before.version, holidays: before.holidays, workingDays }).expect(200);
      let moved = '';
      for (let i = 0; i < 40 && moved !== '2026-10-14'; i++) {
        moved = await otherCalendar.addWorkingDays('2026-09-30', 5);
        if (moved !== '2026-10-14') await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(moved).toBe('2026-10-14');
      const current = (await getYear(2026).expect(200)).body;
      await putYear(2026, { version: current.version, holidays: before.holidays, workingDays: before.workingDays }).expect(200);
    } finally {
      await other.close();
    }
  });

  it('counts Monday to Friday in a year without data, warns in the log, and lets the admin enter it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      expectProblem((await getYear(2040).expect(404)).body, 404);
      // Fri 2040-02-10 + 5 working days, weekends only: Fri 17 Feb.
      expect(await calendar.addWorkingDays('2040-02-10', 5)).toBe('2040-02-17');
      expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringMatching(/No working calendar for 2040/));

      expectProblem((await putYear(2040, { version: 3, holidays: [], workingDays: [] }).expect(409)).body, 409);
      const entered = await putYear(2040, { version: 0, holidays: [{ date: '2040-02-13', nameEn: 'Spring Festival' }], workingDays: [{ date: '2040-02-11' }] }).expect(200);
      expect(entered.body).toMatchObject({ year: 2040, version: 1, source: 'edited', workingDays: [{ date: '2040-02-11', nameZh: null, nameEn: null }] });
      // Sun 11 Feb works, Mon 13 Feb is off.
      expect(await calendar.addWorkingDays('2040-02-10', 5)).toBe('2040-02-17');
      expect(await calendar.addWorkingDays('2040-02-10', 2)).toBe('2040-02-14');
      expectProblem((await putYear(2040, { version: 0, holidays: [], workingDays: [] }).expect(409)).body, 409);
    } finally {
      warn.mockRestore();
    }
  });

  it('warns on /health/ready from 1 December of the year before a year without data', async () => {
    // The seed has no 2027 (chinese-days publishes a year in its November).
    await t.db.query(`DELETE FROM working_calendar_years WHERE year = 2027`);
    calendar.invalidate();
    clock.set('2026-11-30T08:00:00Z');
    expect((await t.http().get('/health/ready').expect(200)).body).toMatchObject({ warnings: [] });
    clock.set('2026-11-30T16:00:00Z'); // 1 December, 00:00 in Shanghai
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.warnings).toEqual([expect.stringMatching(/^No working calendar for 2027: .*PUT \/api\/admin\/working-calendar\/2027/)]);
  });
});
