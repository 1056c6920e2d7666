import { ComplaintRollup, ComplaintsService } from '@app/complaints';
import { SettableClock } from '@app/core';
import { DEMO_SPIKE, seedComplaints } from '../apps/api/src/demo/complaints-demo';
import { complaintBody } from './support/complaint-fixtures';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const MONDAY = '2026-11-23T02:00:00.000Z';
const FROM = '2025-05-01';
const TO = '2026-11-23';

interface Row {
  period: string;
  group: string;
  complaints: number;
  substantiated: number;
  decided: number;
  resolved: number;
  medianDaysToResolve: number | null;
  slaBreaches: number;
}

/** The same figures counted straight from the complaints table, for comparison with the rollup. */
const GROUP_SQL: Record<string, string> = {
  category: 'category',
  province: `substr(c.jurisdiction_code, 1, 2) || '0000'`,
  agency: `coalesce(c.agency_id::text, 'none')`,
  channel: 'c.channel',
  outcome: `coalesce(c.outcome, 'none')`,
};

async function directCount(t: TestApp, groupBy: string, granularity: string, filter = 'true'): Promise<Row[]> {
  const rows = (await t.db.query(
    `SELECT to_char(date_trunc('${granularity}', c.received_on), 'YYYY-MM-DD') AS period, ${GROUP_SQL[groupBy]} AS "group",
            count(*)::int AS complaints,
            (count(*) FILTER (WHERE c.outcome IN ('substantiated', 'partly_substantiated')))::int AS substantiated,
            (count(*) FILTER (WHERE c.outcome IS NOT NULL))::int AS decided,
            (count(*) FILTER (WHERE c.resolved_at IS NOT NULL))::int AS resolved,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY timezone('Asia/Shanghai', c.resolved_at)::date - c.received_on)
              FILTER (WHERE c.resolved_at IS NOT NULL) AS "medianDaysToResolve",
            (count(*) FILTER (WHERE c.sla_breached))::int AS "slaBreaches"
       FROM complaints c ${groupBy === 'category' ? 'CROSS JOIN LATERAL unnest(c.categories) AS category' : ''}
      WHERE c.received_on BETWEEN $1 AND $2 AND ${filter}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [FROM, TO],
  )) as Row[];
  return rows.map((r) => ({ ...r, medianDaysToResolve: r.medianDaysToResolve === null ? null : Number(r.medianDaysToResolve) }));
}

const pick = (rows: Row[]) =>
  rows
    .map(({ period, group, complaints, substantiated, decided, resolved, medianDaysToResolve, slaBreaches }) => ({
      period,
      group,
      complaints,
      substantiated,
      decided,
      resolved,
      medianDaysToResolve,
      slaBreaches,
    }))
    .sort((a, b) => `${a.period}|${a.group}`.localeCompare(`${b.period}|${b.group}`));

describe('complaints: trends, alerts, overview', () => {
  let t: TestApp;
  let world: World;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock(MONDAY) });
    world = await seedWorld(t);
    auth = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou, status: 'active' });
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, status: 'suspended' });
    await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning, status: 'active' });
    await seedComplaints(t.app);
  });
  afterAll(() => t.close());

  const trends = (user: string, query: Record<string, string>) => t.http().get('/api/complaints/trends').query({ from: FROM, to: TO, ...query }).set('authorization', auth[user]);

  async function expectTrendsEqualDirectCount(): Promise<void> {
    const cases: [string, string][] = [
      ['category', 'month'],
      ['province', 'week'],
      ['channel', 'day'],
      ['outcome', 'month'],
      ['agency', 'week'],
    ];
    for (const [groupBy, granularity] of cases) {
      const response = await trends('ministry', { groupBy, granularity }).expect(200);
      expect(pick(response.body.rows as Row[])).toEqual(pick(await directCount(t, groupBy, granularity)));
    }
    const fujian = await trends('ministry', { groupBy: 'channel', granularity: 'month', province: '350000' }).expect(200);
    expect(pick(fujian.body.rows as Row[])).toEqual(pick(await directCount(t, 'channel', 'month', `c.jurisdiction_code LIKE '35%'`)));
    const fees = await trends('ministry', { groupBy: 'province', granularity: 'month', category: 'recruitment_fee' }).expect(200);
    expect(pick(fees.body.rows as Row[])).toEqual(pick(await directCount(t, 'province', 'month', `'recruitment_fee' = ANY(c.categories)`)));
  }

  it('the demo seeds a steady 36 complaints a month per province with agencies, for 18 months, plus the spike', async () => {
    // seedWorld has agencies in Fujian and Liaoning only (the full demo, with Shandong, has about 2,000).
    const [row] = (await t.db.query(
      `SELECT count(*)::int AS n, min(received_on)::text AS first, count(DISTINCT substr(jurisdiction_code, 1, 2))::int AS provinces FROM complaints`,
    )) as { n: number; first: string; provinces: number }[];
    expect(row.provinces).toBe(2);
    expect(row.n).toBeGreaterThan(2 * 36 * 17 + DEMO_SPIKE.extra);
    expect(row.n).toBeLessThanOrEqual(2 * 36 * 18 + DEMO_SPIKE.extra);
    expect(row.first.slice(0, 7)).toBe('2025-06');
  });

  it('gives trend totals equal to a direct count, for several groupings and granularities', async () => {
    await expectTrendsEqualDirectCount();
    const month = await trends('ministry', { groupBy: 'province', granularity: 'month' }).expect(200);
    const total = (month.body.rows as Row[]).reduce((s, r) => s + r.complaints, 0);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM complaints WHERE received_on BETWEEN $1 AND $2`, [FROM, TO])) as { n: number }[];
    expect(total).toBe(n);
    const row = (month.body.rows as (Row & { substantiationRate: number | null; slaBreachRate: number })[]).find((r) => r.decided > 0);
    expect(row?.substantiationRate).toBeCloseTo((row?.substantiated ?? 0) / (row?.decided ?? 1), 4);
  });

  it('stays equal to a direct count after complaints are lodged, change status and breach deadlines', async () => {
    const ids: string[] = [];
    for (const [i, receivedAt] of ['2026-10-05T03:00:00Z', '2026-11-02T03:00:00Z', '2026-11-20T03:00:00Z'].entries()) {
      const created = await t
        .http()
        .post('/api/complaints')
        .set('authorization', auth['ln-admin'])
        .send({ ...complaintBody({ uscc: undefined, agencyName: 'Shenyang', jurisdictionCode: '210100', categories: ['wage_withholding', 'other'] }), channel: 'letter', receivedAt, description: `Trend change ${i}, wages unpaid.` })
        .expect(201);
      await t.db.query(`UPDATE complaints SET agency_id = $1 WHERE id = $2`, [world.agencies.shenyang, created.body.id]);
      ids.push(created.body.id as string);
    }
    await expectTrendsEqualDirectCount();
    for (const id of ids) {
      let [{ version }] = (await t.db.query(`SELECT version FROM complaints WHERE id = $1`, [id])) as { version: number }[];
      for (const to of ['triaged', 'investigating', 'resolved']) {
        const moved = await t
          .http()
          .post(`/api/complaints/${id}/transition`)
          .set('authorization', auth['ln-admin'])
          .send({ to, note: to, outcome: to === 'resolved' ? 'substantiated' : undefined, version })
          .expect(200);
        version = moved.body.version as number;
      }
    }
    await expectTrendsEqualDirectCount();
    const reopened = await t.http().get(`/api/complaints/${ids[0]}`).set('authorization', auth['ln-admin']).expect(200);
    await t.http().post(`/api/complaints/${ids[0]}/transition`).set('authorization', auth['ln-admin']).send({ to: 'reopened', note: 'new facts', version: reopened.body.version }).expect(200);
    await expectTrendsEqualDirectCount();

    t.clock.set('2027-06-01T02:00:00.000Z');
    try {
      const breached = await t.app.get(ComplaintsService).recordSlaBreaches();
      expect(breached.length).toBeGreaterThan(0);
    } finally {
      t.clock.set(MONDAY);
    }
    await expectTrendsEqualDirectCount();
  });

  it('checks the rollup against a recount, and rebuilds it if it was ever damaged', async () => {
    const rollup = t.app.get(ComplaintRollup);
    expect(await rollup.discrepancies()).toBe(0);
    await t.db.query(`UPDATE complaint_daily_counts SET complaints = complaints + 1 WHERE ctid IN (SELECT ctid FROM complaint_daily_counts WHERE category = '*' LIMIT 2)`);
    expect(await rollup.discrepancies()).toBeGreaterThan(0);
    await rollup.rebuild();
    expect(await rollup.discrepancies()).toBe(0);
    await expectTrendsEqualDirectCount();
  });

  it('gives CSV with Accept: text/csv, headed in the reader language, groups by name and never by id', async () => {
    const json = await trends('ministry', { groupBy: 'channel', granularity: 'month' }).expect(200);
    const csv = await trends('ministry', { groupBy: 'channel', granularity: 'month' }).set('accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // A UTF-8 byte order mark first, so Excel opens the Chinese labels as UTF-8.
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect([...Buffer.from(csv.text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('期间,渠道,投诉数,属实数,有结论数,属实率,办结数,办结天数中位数,超期数,超期率');
    expect(lines).toHaveLength((json.body.rows as Row[]).length + 1);
    const first = (json.body.rows as Row[])[0] as Row & { label: string };
    expect(lines[1].startsWith(`${first.period},${first.label},${first.complaints},`)).toBe(true);
    const en = await trends('ministry', { groupBy: 'agency', granularity: 'month' }).set('accept', 'text/csv').set('accept-language', 'en').expect(200);
    const enLines = en.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(enLines[0]).toBe('Period,Agency,Complaints,Substantiated,Decided,Substantiation rate,Resolved,Median days to resolve,SLA breaches,SLA breach rate');
    expect(en.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('scopes trends to a bureau\'s jurisdiction and refuses agency users, the system admin and bad input', async () => {
    const fujian = await trends('fj-admin', { groupBy: 'province', granularity: 'month' }).expect(200);
    expect(new Set((fujian.body.rows as Row[]).map((r) => r.group))).toEqual(new Set(['350000']));
    const fuzhou = await trends('fz-inspector', { groupBy: 'agency', granularity: 'month' }).expect(200);
    expect(new Set((fuzhou.body.rows as Row[]).map((r) => r.group))).toEqual(new Set([world.agencies.fuzhou]));
    // Each level of the monthly rollup answers exactly: a province's and a city's month x category.
    const provinceMonths = await trends('fj-admin', { groupBy: 'category', granularity: 'month' }).expect(200);
    expect(pick(provinceMonths.body.rows as Row[])).toEqual(pick(await directCount(t, 'category', 'month', `c.jurisdiction_code LIKE '35%'`)));
    const cityMonths = await trends('fz-inspector', { groupBy: 'category', granularity: 'month' }).expect(200);
    expect(pick(cityMonths.body.rows as Row[])).toEqual(pick(await directCount(t, 'category', 'month', `c.jurisdiction_code LIKE '3501%'`)));
    await trends('agency-fj-1', {}).expect(403);
    await trends('admin', {}).expect(403);
    const bad = await trends('ministry', { granularity: 'year', groupBy: 'colour', from: '2026-13-01' }).expect(400);
    expect([...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(['from', 'granularity', 'groupBy']);
    const reversed = await trends('ministry', { from: '2026-11-01', to: '2026-10-01' }).expect(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const tooLong = await trends('ministry', { from: '2024-01-01', to: '2026-11-23', granularity: 'day' }).expect(400);
    expect(tooLong.body.errors).toEqual([{ field: 'from', message: 'at most 732 days by day' }]);
  });

  it('raises the seeded spike as an alert, for the ministry and the province, not for another province', async () => {
    const spikeMonth = '2026-09';
    const ministry = await t.http().get('/api/complaints/alerts').set('authorization', auth.ministry).expect(200);
    const spike = (ministry.body.spikes as { province: string; category: string; month: string; complaints: number; threshold: number }[]).find(
      (s) => s.province === DEMO_SPIKE.province && s.category === DEMO_SPIKE.category && s.month === spikeMonth,
    );
    expect(spike).toBeDefined();
    expect(spike?.complaints).toBeGreaterThanOrEqual(DEMO_SPIKE.extra);
    expect(spike?.complaints).toBeGreaterThan(spike?.threshold ?? Infinity);
    // The background is steady: in Fujian (untouched by the other tests here) the seeded spike is the only one.
    expect((ministry.body.spikes as { province: string }[]).filter((s) => s.province === '350000')).toHaveLength(1);

    const fujian = await t.http().get('/api/complaints/alerts').set('authorization', auth['fj-admin']).expect(200);
    expect(fujian.body.spikes).toContainEqual(expect.objectContaining({ province: '350000', category: 'recruitment_fee', month: spikeMonth }));
    // Named in the request's language beside the codes, so no page shows a bare code.
    expect(fujian.body.spikes).toContainEqual(expect.objectContaining({ province: '350000', provinceLabel: '福建省', category: 'recruitment_fee', categoryLabel: expect.stringMatching(/[\u4e00-\u9fff]/) }));
    const english = await t.http().get('/api/complaints/alerts').set('authorization', auth['fj-admin']).set('accept-language', 'en').expect(200);
    expect(english.body.spikes).toContainEqual(expect.objectContaining({ province: '350000', provinceLabel: 'Fujian', category: 'recruitment_fee', categoryLabel: expect.stringMatching(/^[ -~]+$/) }));
    const liaoning = await t.http().get('/api/complaints/alerts').set('authorization', auth['ln-admin']).expect(200);
    expect((liaoning.body.spikes as { province: string }[]).every((s) => s.province === '210000')).toBe(true);
    // Drilled into a province, the ministry sees that province's spikes and agencies only.
    const drilled = await t.http().get('/api/complaints/alerts').query({ province: '210000' }).set('authorization', auth.ministry).expect(200);
    expect((drilled.body.spikes as { province: string }[]).every((s) => s.province === '210000')).toBe(true);
    expect((drilled.body.agencies as { agencyId: string }[]).map((a) => a.agencyId)).toContain(world.agencies.shenyang);
    const fujianOnly = await t.http().get('/api/complaints/alerts').query({ province: '350000' }).set('authorization', auth.ministry).expect(200);
    expect((fujianOnly.body.agencies as { agencyId: string }[]).map((a) => a.agencyId)).not.toContain(world.agencies.shenyang);
    const badProvince = await t.http().get('/api/complaints/alerts').query({ province: '35' }).set('authorization', auth.ministry).expect(400);
    expect(badProvince.body.errors).toEqual([expect.objectContaining({ field: 'province' })]);
    await t.http().get('/api/complaints/alerts').set('authorization', auth['agency-fj-1']).expect(403);
    await t.http().get('/api/complaints/alerts').query({ month: '2026-9' }).set('authorization', auth.ministry).expect(400);
  });

  it('names agencies with 3 or more substantiated complaints received in the last 90 days', async () => {
    const response = await t.http().get('/api/complaints/alerts').set('authorization', auth.ministry).expect(200);
    const expected = (await t.db.query(
      `SELECT agency_id AS "agencyId", count(*)::int AS substantiated FROM complaints
        WHERE outcome IN ('substantiated', 'partly_substantiated') AND received_on > '2026-08-25' AND agency_id IS NOT NULL
        GROUP BY agency_id HAVING count(*) >= 3`,
    )) as { agencyId: string; substantiated: number }[];
    expect(expected.map((e) => e.agencyId)).toContain(world.agencies.shenyang);
    const got = (response.body.agencies as { agencyId: string; substantiated: number }[]).map(({ agencyId, substantiated }) => ({ agencyId, substantiated }));
    const names = new Map(((await t.db.query(`SELECT id::text AS id, name_zh AS name FROM agencies`)) as { id: string; name: string }[]).map((a) => [a.id, a.name]));
    for (const alert of response.body.agencies as { agencyId: string; agencyName: string }[]) expect(alert.agencyName).toBe(names.get(alert.agencyId));
    expect(got.sort((a, b) => a.agencyId.localeCompare(b.agencyId))).toEqual(expected.sort((a, b) => a.agencyId.localeCompare(b.agencyId)));
  });

  it('gives the overview in scope: licences by status and province, coverage, open complaints and breaches', async () => {
    // Fuzhou inspected a month ago, Shenyang two years ago (outside the 12 months).
    for (const [agencyId, submittedAt] of [
      [world.agencies.fuzhou, '2026-10-20T02:00:00Z'],
      [world.agencies.shenyang, '2024-10-20T02:00:00Z'],
    ]) {
      await t.db.query(
        `INSERT INTO inspections (agency_id, jurisdiction_code, type, status, inspection_date, template_id, outcome, submitted_at)
         SELECT a.id, a.jurisdiction_code, 'routine', 'submitted', $2::timestamptz::date, (SELECT id FROM checklist_templates WHERE code = 'ILO-INSPECTION'), 'compliant', $2
           FROM agencies a WHERE a.id = $1`,
        [agencyId, submittedAt],
      );
    }
    // Self-assessments due in the last 12 months: Fuzhou submitted, Shenyang not; Xiamen's is not due yet.
    for (const [agencyId, dueOn, status, submittedAt] of [
      [world.agencies.fuzhou, '2026-03-31', 'accepted', '2026-03-01T02:00:00Z'],
      [world.agencies.shenyang, '2026-03-31', 'draft', null],
      [world.agencies.xiamen, '2027-03-31', 'draft', null],
    ]) {
      await t.db.query(
        `INSERT INTO self_assessments (agency_id, jurisdiction_code, template_id, period, due_on, status, submitted_at)
         SELECT a.id, a.jurisdiction_code, (SELECT id FROM checklist_templates WHERE code = 'ILO-SELF-ASSESSMENT'), extract(year FROM $2::date) - 1, $2, $3, $4
           FROM agencies a WHERE a.id = $1`,
        [agencyId, dueOn, status, submittedAt],
      );
    }
    const ministry = await t.http().get('/api/reports/overview').set('authorization', auth.ministry).expect(200);
    expect(ministry.body.licencesByStatusAndProvince).toEqual([
      { province: '210000', status: 'active', licences: 1 },
      { province: '350000', status: 'active', licences: 1 },
      { province: '350000', status: 'suspended', licences: 1 },
    ]);
    // Active licensees: Fuzhou and Shenyang; only Fuzhou inspected in the last 12 months.
    expect(ministry.body.inspectionCoverage).toEqual({ of: 2, count: 1, rate: 0.5 });
    expect(ministry.body.selfAssessmentSubmission).toEqual({ of: 2, count: 1, rate: 0.5 });
    const [open] = (await t.db.query(
      `SELECT (count(*) FILTER (WHERE status NOT IN ('resolved', 'referred', 'dismissed', 'closed')))::int AS open,
              (count(*) FILTER (WHERE status NOT IN ('resolved', 'referred', 'dismissed', 'closed')
                                  AND ((acknowledged_at IS NULL AND ack_due_at < $1) OR resolve_due_at < $1)))::int AS overdue,
              (count(*) FILTER (WHERE sla_breached))::int AS "breachedEver"
         FROM complaints WHERE jurisdiction_code LIKE $2`,
      [MONDAY, '%'],
    )) as { open: number; overdue: number; breachedEver: number }[];
    expect(ministry.body.complaints).toEqual(open);

    const fujian = await t.http().get('/api/reports/overview').set('authorization', auth['fj-admin']).expect(200);
    expect(fujian.body.licencesByStatusAndProvince.map((r: { province: string }) => r.province)).toEqual(['350000', '350000']);
    expect(fujian.body.inspectionCoverage).toEqual({ of: 1, count: 1, rate: 1 });
    expect(fujian.body.selfAssessmentSubmission).toEqual({ of: 1, count: 1, rate: 1 });
    const liaoning = await t.http().get('/api/reports/overview').set('authorization', auth['ln-admin']).expect(200);
    expect(liaoning.body.inspectionCoverage).toEqual({ of: 1, count: 0, rate: 0 });
    expect(liaoning.body.selfAssessmentSubmission).toEqual({ of: 1, count: 0, rate: 0 });
    expect(fujian.body.complaints.open).toBeLessThan(ministry.body.complaints.open);
    await t.http().get('/api/reports/overview').set('authorization', auth['agency-fj-1']).expect(403);
    await t.http().get('/api/reports/overview').set('authorization', auth.admin).expect(403);
  });
});
