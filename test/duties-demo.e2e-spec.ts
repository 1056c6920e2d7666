import { Logger } from '@nestjs/common';
import { seedDemoData } from '../apps/api/src/demo/demo-seed';
import { login } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The demo seed's yearly duties: last year's reports in every state, a top-up running, a commitment check awaiting. */
describe('demo: yearly duties', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-11-30T02:00:00Z');
    await seedDemoData(t.app, new Logger('demo'));
  }, 600_000);
  afterAll(() => t.close());

  const as = async (username: string) => `Bearer ${(await login(t, username, 'demo-password')).accessToken}`;

  it('has last year’s annual reports accepted, returned, awaiting review and overdue, and a summary of them', async () => {
    const rows = (await t.db.query(
      `SELECT status, count(*)::int AS n, count(overdue_at)::int AS overdue, count(*) FILTER (WHERE fee_flag)::int AS flagged FROM annual_reports WHERE year = 2025 GROUP BY status ORDER BY status`,
    )) as { status: string; n: number; overdue: number; flagged: number }[];
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(byStatus.accepted.n).toBeGreaterThanOrEqual(6);
    expect(byStatus.accepted.flagged).toBe(3);
    expect(byStatus.returned.n).toBe(3);
    expect(byStatus.submitted.n).toBeGreaterThanOrEqual(3);
    expect(byStatus.draft.overdue).toBeGreaterThan(0);
    const summary = await t.http().get('/api/annual-reports/summary?year=2025').set('authorization', await as('ministry')).expect(200);
    expect(summary.body.byProvince.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['210000', '350000', '370000']);
    expect(summary.body.byDestination[0]).toMatchObject({ country: 'SG' });
    expect(summary.body.filing.filingRate).toBeGreaterThan(0);
    expect(summary.body.filing.filingRate).toBeLessThan(1);
  });

  it('has a reserve fund below its minimum with a top-up running, and a commitment check awaiting its visit', async () => {
    const [topUp] = await t.db.query(`SELECT agency_id AS "agencyId", due_on::text AS "dueOn" FROM reserve_fund_top_ups WHERE met_on IS NULL`);
    const fund = await t.http().get(`/api/agencies/${topUp.agencyId}/reserve-fund`).set('authorization', await as('fj-admin')).expect(200);
    expect(fund.body).toMatchObject({ balanceFen: 258_000_000, requiredFen: 300_000_000, shortfallFen: 42_000_000, topUp: { dueOn: topUp.dueOn } });
    const checks = await t.http().get('/api/commitment-checks?state=pending').set('authorization', await as('fj-admin')).expect(200);
    expect(checks.body.items).toEqual([expect.objectContaining({ agencyNameZh: '福州榕城承诺制人力资源有限公司', dueOn: '2026-12-30', inspectionStatus: 'planned' })]);
  });

  it('has placements abroad for the overseas agencies: some back early, one back for abuse, the ministry counting them', async () => {
    const rows = (await t.db.query(`SELECT status, return_reason AS reason, count(*)::int AS n FROM placements GROUP BY 1, 2 ORDER BY 1, 2`)) as { status: string; reason: string | null; n: number }[];
    const count = (reason: string | null) => rows.find((r) => r.reason === reason)?.n ?? 0;
    expect(count(null)).toBeGreaterThanOrEqual(10);
    expect(count('ended_early')).toBeGreaterThanOrEqual(5);
    expect(count('abuse')).toBe(1);
    const summary = await t.http().get('/api/placements/summary?groupBy=destination').set('authorization', await as('ministry')).expect(200);
    expect(summary.body.total).toMatchObject({ abuse: 1 });
    expect(summary.body.rows.length).toBeGreaterThanOrEqual(5);
    const own = await t.http().get('/api/placements').set('authorization', await as('agency-fj-1')).expect(200);
    expect(own.body.items.map((p: { returnReason: string | null }) => p.returnReason)).toContain('abuse');
  });
});
