import * as argon2 from 'argon2';
import { AnnualReportDeadlinesJob } from '@app/annual-reports';
import { JobRunner } from '@app/scheduler';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const complete = {
  workersPlacedDomestic: 120,
  workersPlacedAbroad: 30,
  placementsAbroad: [
    { country: 'SG', workers: 18 },
    { country: 'JP', workers: 12 },
  ],
  employersServed: 14,
  feesFromEmployersFen: 45_000_000,
  feesChargedToWorkersFen: 0,
  feesChargedToWorkersAbroadFen: 0,
  complaintsReceived: 2,
  staffCount: 9,
  reserveFundBalanceFen: 300_000_000,
};

/** Annual reports: every state, validation, scope, the ministry's summary and the deadline job. */
describe('annual reports', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-02-10T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    for (const key of ['fuzhou', 'xiamen', 'shenyang'] as const) {
      await insertLicence(t, { agencyId: world.agencies[key], bureauId: key === 'shenyang' ? world.bureaus.liaoning : world.bureaus.fujian, validFrom: '2024-05-01' });
    }
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);
  const put = (user: string, path: string, body: Record<string, unknown>) => t.http().put(path).set('authorization', as[user]).send(body);
  const fields = (response: { body: { errors: { field: string }[] } }) => response.body.errors.map((e) => e.field).sort();

  describe('the agency files, the bureau reviews', () => {
    let id: string;
    let version: number;

    it('refuses negative figures, unknown countries, totals that do not add up, and a year not yet ended', async () => {
      expect(fields(await post('agency-fj-1', '/api/annual-reports', { year: 2025, staffCount: -1, placementsAbroad: [{ country: 'XX', workers: 1 }] }).expect(400))).toEqual([
        'placementsAbroad[0].country',
        'staffCount',
      ]);
      expect(fields(await post('agency-fj-1', '/api/annual-reports', { year: 2025, workersPlacedAbroad: 5, placementsAbroad: [{ country: 'SG', workers: 3 }] }).expect(400))).toEqual(['placementsAbroad']);
      expect(fields(await post('agency-fj-1', '/api/annual-reports', { year: 2026 }).expect(400))).toEqual(['year']);
      expect(fields(await post('agency-fj-1', '/api/annual-reports', { year: 2025, feesChargedToWorkersFen: 1.5 }).expect(400))).toEqual(['feesChargedToWorkersFen']);
      expectProblem((await post('fj-admin', '/api/annual-reports', { year: 2025 }).expect(403)).body, 403);
    });

    it('opens a draft once per agency and year, saves part of it and resumes', async () => {
      const created = await post('agency-fj-1', '/api/annual-reports', { year: 2025, workersPlacedDomestic: 120 }).expect(201);
      expect(created.body).toMatchObject({ status: 'draft', year: 2025, dueOn: '2026-03-31', workersPlacedDomestic: 120, staffCount: null, feeFlag: false });
      ({ id, version } = created.body);
      const again = await post('agency-fj-1', '/api/annual-reports', { year: 2025 }).expect(409);
      expect(again.body.existingId).toBe(id);
      const saved = await put('agency-fj-1', `/api/annual-reports/${id}`, { version, staffCount: 9, placementsAbroad: complete.placementsAbroad, workersPlacedAbroad: 30 }).expect(200);
      expect(saved.body).toMatchObject({ workersPlacedDomestic: 120, staffCount: 9, workersPlacedAbroad: 30 });
      expectProblem((await put('agency-fj-1', `/api/annual-reports/${id}`, { version, staffCount: 10 }).expect(409)).body, 409);
      version = saved.body.version;
      const resumed = await get('agency-fj-1', `/api/annual-reports/${id}`).expect(200);
      expect(resumed.body.placementsAbroad).toEqual(complete.placementsAbroad);
    });

    it('submits only when every figure is given', async () => {
      const missing = await post('agency-fj-1', `/api/annual-reports/${id}/submit`, { version }).expect(400);
      expect(fields(missing)).toEqual(['complaintsReceived', 'employersServed', 'feesChargedToWorkersAbroadFen', 'feesChargedToWorkersFen', 'feesFromEmployersFen']);
      version = (await put('agency-fj-1', `/api/annual-reports/${id}`, { ...complete, version }).expect(200)).body.version;
      const submitted = await post('agency-fj-1', `/api/annual-reports/${id}/submit`, { version }).expect(200);
      expect(submitted.body.status).toBe('submitted');
      version = submitted.body.version;
      const frozen = await put('agency-fj-1', `/api/annual-reports/${id}`, { version, staffCount: 1 }).expect(409);
      expect(frozen.body.currentStatus).toBe('submitted');
    });

    it('is reviewed by the bureau in scope only; a return needs a note', async () => {
      expectProblem((await get('ln-admin', `/api/annual-reports/${id}`).expect(404)).body, 404);
      expectProblem((await post('ln-admin', `/api/annual-reports/${id}/review`, { decision: 'accept', version }).expect(404)).body, 404);
      expectProblem((await post('agency-fj-1', `/api/annual-reports/${id}/review`, { decision: 'accept', version }).expect(403)).body, 403);
      expect(fields(await post('fj-admin', `/api/annual-reports/${id}/review`, { decision: 'return', version }).expect(400))).toEqual(['note']);
      const queue = await get('fj-admin', '/api/annual-reports?awaitingReview=true').expect(200);
      expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
      const returned = await post('fz-admin', `/api/annual-reports/${id}/review`, { decision: 'return', note: 'Placements to Japan need the contracts', version }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', reviewNote: 'Placements to Japan need the contracts' });
      version = returned.body.version;
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notifications WHERE kind = 'annual_report.returned'`);
      expect(count).toBe(1);
    });

    it('is corrected and resubmitted, then accepted; an accepted report moves no further', async () => {
      version = (await put('agency-fj-1', `/api/annual-reports/${id}`, { version, feesChargedToWorkersFen: 50_000, feesChargedToWorkersAbroadFen: 20_000 }).expect(200)).body.version;
      const resubmitted = await post('agency-fj-1', `/api/annual-reports/${id}/submit`, { version }).expect(200);
      expect(resubmitted.body).toMatchObject({ status: 'resubmitted', feeFlag: true });
      version = resubmitted.body.version;
      expect((await get('fj-admin', '/api/annual-reports?feeFlag=true').expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
      const accepted = await post('fj-admin', `/api/annual-reports/${id}/review`, { decision: 'accept', version }).expect(200);
      expect(accepted.body.status).toBe('accepted');
      const again = await post('fj-admin', `/api/annual-reports/${id}/review`, { decision: 'return', note: 'again', version: accepted.body.version }).expect(409);
      expect(again.body.currentStatus).toBe('accepted');
      expect((await post('agency-fj-1', `/api/annual-reports/${id}/submit`, { version: accepted.body.version }).expect(409)).body.currentStatus).toBe('accepted');
      const actions = (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [id])).map((r: { action: string }) => r.action);
      expect(actions).toEqual(['annual_report.create', 'annual_report.update', 'annual_report.update', 'annual_report.submit', 'annual_report.return', 'annual_report.update', 'annual_report.resubmit', 'annual_report.accept']);
    });
  });

  describe('summary', () => {
    beforeAll(async () => {
      // Another 12 agencies in two provinces, straight to the database, in every state, some never started.
      const statuses = ['draft', 'submitted', 'accepted', 'returned', 'resubmitted', 'accepted', null, 'accepted', 'submitted', null, 'accepted', 'returned'];
      for (const [index, status] of statuses.entries()) {
        const code = index % 2 === 0 ? '350200' : '210100';
        const [agency] = await t.db.query(
          `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type)
           VALUES ('91' || $1 || lpad($2::text, 9, '0') || 'X', '测试机构' || $2, 'Agency ' || $2, '李四', '某路', $1, 'overseas_placement') RETURNING id`,
          [code, 900 + index],
        );
        await insertLicence(t, { agencyId: agency.id, bureauId: code.startsWith('35') ? world.bureaus.fujian : world.bureaus.liaoning, validFrom: '2025-03-01' });
        if (!status) continue;
        const countries = index % 3 === 0 ? [{ country: 'SG', workers: index + 1 }] : [{ country: 'JP', workers: 2 }, { country: 'MY', workers: index }];
        const abroad = countries.reduce((sum, c) => sum + c.workers, 0);
        await t.db.query(
          `INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status, workers_placed_domestic, workers_placed_abroad, placements_abroad, employers_served,
                                       fees_from_employers_fen, fees_charged_to_workers_fen, fees_charged_to_workers_abroad_fen, complaints_received, staff_count,
                                       first_submitted_at)
           VALUES ($1, $2, 2025, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $3 = 'draft' THEN NULL ELSE now() END)`,
          [agency.id, code, status, index * 10, abroad, JSON.stringify(countries), index, index * 100_000, index % 4 === 0 ? 5_000 : 0, index % 4 === 0 ? 5_000 : 0, index % 3, index + 2],
        );
      }
      // An agency without a licence in force owes nothing.
      await t.db.query(`INSERT INTO agencies (uscc, name_zh, legal_representative, address, jurisdiction_code, agency_type) VALUES ('91350100999999999X', '无证机构', '王五', '某路', '350100', 'overseas_placement')`);
    });

    type Summary = {
      filing: Record<string, number>;
      totals: Record<string, number>;
      byProvince: { provinceCode: string; filing: Record<string, number>; totals: Record<string, number> }[];
      byDestination: { country: string; workers: number }[];
      feeFlags: { reportId: string }[];
    };

    /** The same figures, counted directly from the tables. */
    const direct = async (prefix: string) => {
      const [filing] = await t.db.query(
        `SELECT count(*)::int AS obliged, count(r.first_submitted_at)::int AS filed, count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE r.status = 'returned')::int AS returned
           FROM agencies a LEFT JOIN annual_reports r ON r.agency_id = a.id AND r.year = 2025
          WHERE a.jurisdiction_code LIKE $1 AND EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.status = 'active')`,
        [`${prefix}%`],
      );
      const [totals] = await t.db.query(
        `SELECT count(*)::int AS reports, sum(workers_placed_domestic)::int AS "workersPlacedDomestic", sum(workers_placed_abroad)::int AS "workersPlacedAbroad",
                sum(fees_charged_to_workers_abroad_fen)::int AS "feesChargedToWorkersAbroadFen", count(*) FILTER (WHERE fee_flag)::int AS "feeFlags", sum(staff_count)::int AS "staffCount"
           FROM annual_reports WHERE year = 2025 AND status IN ('submitted', 'resubmitted', 'accepted') AND jurisdiction_code LIKE $1`,
        [`${prefix}%`],
      );
      const destinations = await t.db.query(
        `SELECT p.country, sum(p.workers)::int AS workers FROM annual_reports r, jsonb_to_recordset(r.placements_abroad) p(country text, workers int)
          WHERE r.year = 2025 AND r.status IN ('submitted', 'resubmitted', 'accepted') AND r.jurisdiction_code LIKE $1 GROUP BY 1 ORDER BY 2 DESC, 1`,
        [`${prefix}%`],
      );
      return { filing, totals, destinations };
    };

    it('gives the ministry national totals equal to direct counts, by province and destination', async () => {
      const summary = (await get('ministry', '/api/annual-reports/summary?year=2025').expect(200)).body as Summary;
      const expected = await direct('');
      expect(summary.filing).toMatchObject(expected.filing);
      expect(summary.filing.filingRate).toBeCloseTo(expected.filing.filed / expected.filing.obliged, 4);
      expect(summary.totals).toMatchObject(expected.totals);
      expect(summary.byDestination).toEqual(expected.destinations);
      expect(summary.feeFlags).toHaveLength(expected.totals.feeFlags);
      expect(summary.byProvince.map((p) => p.provinceCode)).toEqual(['210000', '350000']);
      const sum = (key: string) => summary.byProvince.reduce((s, p) => s + p.totals[key], 0);
      expect(sum('workersPlacedAbroad')).toBe(summary.totals.workersPlacedAbroad);
      for (const province of summary.byProvince) {
        const mine = await direct(province.provinceCode.slice(0, 2));
        expect(province.filing).toMatchObject(mine.filing);
        expect(province.totals).toMatchObject(mine.totals);
      }
    });

    it('keeps a province bureau to its province, filters by province, and refuses agencies and inspectors', async () => {
      const fujian = (await get('fj-admin', '/api/annual-reports/summary?year=2025').expect(200)).body as Summary;
      expect(fujian.byProvince.map((p) => p.provinceCode)).toEqual(['350000']);
      const filtered = (await get('ministry', '/api/annual-reports/summary?year=2025&province=210000').expect(200)).body as Summary;
      expect(filtered.totals).toMatchObject((await direct('21')).totals);
      expect((await get('fj-admin', '/api/annual-reports/summary?year=2025&province=210000').expect(200)).body.filing.obliged).toBe(0);
      await get('agency-fj-1', '/api/annual-reports/summary?year=2025').expect(403);
      await get('fj-inspector', '/api/annual-reports/summary?year=2025').expect(403);
      expect(fields(await get('ministry', '/api/annual-reports/summary?year=2025&province=3501').expect(400))).toEqual(['province']);
    });

    it('answers CSV with a byte order mark, a national row, a row per province and per destination', async () => {
      const response = await get('ministry', '/api/annual-reports/summary?year=2025').set('accept', 'text/csv').buffer(true).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.text.charCodeAt(0)).toBe(0xfeff);
      const lines = response.text.slice(1).trim().split('\r\n');
      const summary = (await get('ministry', '/api/annual-reports/summary?year=2025').expect(200)).body as Summary;
      expect(lines).toHaveLength(1 + 1 + summary.byProvince.length + summary.byDestination.length);
      expect(lines[0]).toMatch(/^level,code,name_zh/);
      expect(lines[1]).toMatch(/^national,000000,全国,National,/);
      expect(lines.some((l) => l.startsWith('province,350000,福建省'))).toBe(true);
    });
  });

  describe('deadline job', () => {
    const extraUsers: Record<string, string> = {};

    beforeAll(async () => {
      const hash = await argon2.hash('unused-password-123', { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      for (const key of ['xiamen', 'shenyang'] as const) {
        const [user] = await t.db.query(`INSERT INTO users (username, display_name, password_hash, role, agency_id) VALUES ($1, $1, $2, 'agency_user', $3) RETURNING id`, [
          `agency-${key}`,
          hash,
          world.agencies[key],
        ]);
        extraUsers[key] = user.id;
      }
    });

    const reminders = async (userId: string, year: number): Promise<string[]> =>
      (await t.db.query(`SELECT dedup_key FROM notifications WHERE kind = 'annual_report.reminder' AND recipient_user_id = $1 AND (payload->>'year')::int = $2 ORDER BY dedup_key`, [userId, year])).map(
        (r: { dedup_key: string }) => r.dedup_key,
      );

    it('over a simulated year reminds each agency that has not filed exactly twice, and records overdue once from 1 April', async () => {
      const runner = t.app.get(JobRunner);
      // Xiamen files its 2025 report on 10 March: it gets the 1 March reminder only.
      for (let day = new Date('2026-02-25T00:00:00Z'); day <= new Date('2026-12-31T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
        t.clock.set(new Date(day.getTime() + 2 * 3_600_000));
        const today = day.toISOString().slice(0, 10);
        if (today === '2026-03-10') {
          await t.db.query(`INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status, submitted_at, first_submitted_at) VALUES ($1, '350200', 2025, 'submitted', now(), now())`, [
            world.agencies.xiamen,
          ]);
        }
        const run = await runner.runJob('annual-report-deadlines', 'test');
        expect(run).toMatchObject({ status: 'succeeded' });
        // Missed days send no duplicate: a second run the same day changes nothing.
        if (today === '2026-03-01' || today === '2026-03-20' || today === '2026-04-01') {
          expect(await runner.runJob('annual-report-deadlines', 'test')).toMatchObject({ counts: { reminders: 0, overdue: 0 } });
        }
      }
      expect((await reminders(extraUsers.shenyang, 2025)).map((k) => k.split(':')[3])).toEqual(['03-01', '03-20']);
      expect((await reminders(extraUsers.xiamen, 2025)).map((k) => k.split(':')[3])).toEqual(['03-01']);
      expect(await reminders(world.users['agency-fj-1'], 2025)).toEqual([]);
      const overdue = await t.db.query(`SELECT agency_id AS "agencyId", status FROM annual_reports WHERE year = 2025 AND overdue_at IS NOT NULL AND jurisdiction_code LIKE ANY ('{3502%,2101%}') AND agency_id = ANY($1)`, [
        [world.agencies.shenyang, world.agencies.xiamen],
      ]);
      expect(overdue).toEqual([{ agencyId: world.agencies.shenyang, status: 'draft' }]);
      const notices = await t.db.query(`SELECT recipient_user_id AS "user" FROM notifications WHERE kind = 'annual_report.overdue' AND payload->>'agencyId' = $1`, [world.agencies.shenyang]);
      expect(notices.map((n: { user: string }) => n.user).sort()).toEqual([extraUsers.shenyang, world.users['ln-admin']].sort());
      expect((await get('ln-admin', '/api/annual-reports?overdue=true&year=2025').expect(200)).body.items.map((r: { agencyId: string }) => r.agencyId)).toContain(world.agencies.shenyang);
      // The overdue report opens one case proposing a warning, for the bureau to take through due process.
      const cases = await t.db.query(
        `SELECT c.status, c.proposed_sanction AS "proposedSanction" FROM enforcement_cases c JOIN case_grounds g ON g.case_id = c.id
          WHERE g.kind = 'annual_report_overdue' AND c.agency_id = $1`,
        [world.agencies.shenyang],
      );
      expect(cases).toEqual([{ status: 'opened', proposedSanction: 'warning' }]);
    });

    it('with two workers at once, sends each reminder exactly once (under the lock, and even without it)', async () => {
      const other = await startTestApp({ sharingDatabaseOf: t, clock: t.clock });
      try {
        t.clock.set('2027-03-01T01:00:00Z');
        const runs = await Promise.all([t.app.get(JobRunner).runJob('annual-report-deadlines', 'test'), other.app.get(JobRunner).runJob('annual-report-deadlines', 'test')]);
        expect(runs.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['succeeded']));
        t.clock.set('2027-03-20T01:00:00Z');
        const context = { runId: '0', startedAt: t.clock.now(), today: '2027-03-20' };
        await Promise.all([t.app.get(AnnualReportDeadlinesJob).run(context), other.app.get(AnnualReportDeadlinesJob).run(context), t.app.get(AnnualReportDeadlinesJob).run(context)]);
        for (const user of [extraUsers.shenyang, extraUsers.xiamen, world.users['agency-fj-1']]) {
          expect((await reminders(user, 2026)).map((k) => k.split(':')[3])).toEqual(['03-01', '03-20']);
        }
        t.clock.set('2027-04-01T01:00:00Z');
        const overdueContext = { runId: '0', startedAt: t.clock.now(), today: '2027-04-01' };
        await Promise.all([t.app.get(AnnualReportDeadlinesJob).run(overdueContext), other.app.get(AnnualReportDeadlinesJob).run(overdueContext)]);
        const [{ reports, notices }] = await t.db.query(
          `SELECT (SELECT count(*)::int FROM annual_reports WHERE year = 2026) AS reports,
                  (SELECT count(*)::int FROM notifications WHERE kind = 'annual_report.overdue' AND (payload->>'year')::int = 2026 AND payload->>'agencyId' = $1) AS notices`,
          [world.agencies.shenyang],
        );
        const [{ obliged }] = await t.db.query(`SELECT count(DISTINCT agency_id)::int AS obliged FROM licences WHERE status = 'active'`);
        expect(reports).toBe(obliged);
        expect(notices).toBe(2);
        // One case per overdue report, however many workers ran.
        const [{ cases, grounds }] = await t.db.query(
          `SELECT count(DISTINCT g.case_id)::int AS cases, count(DISTINCT g.reference)::int AS grounds FROM case_grounds g
             JOIN annual_reports r ON r.id::text = g.reference WHERE g.kind = 'annual_report_overdue' AND r.year = 2026`,
        );
        expect(cases).toBe(grounds);
        expect(cases).toBeGreaterThan(0);
      } finally {
        await other.close();
      }
    });
  });
});
