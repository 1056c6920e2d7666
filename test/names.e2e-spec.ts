import { SettableClock } from '@app/core';
import { seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect } from './support/monitoring-fixtures';
import { recordQueries, RecordedQuery } from './support/query-counter';
import { asOwner, startTestApp, TestApp } from './support/test-app';

const FUZHOU_AGENCY = '福州海峡人力资源有限公司';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

describe('names where people read them', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let licenceNumber: string;
  const clock = new SettableClock('2026-06-01T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ clock });
    world = await seedWorld(t);
    as = await signInAll(t);
    licenceNumber = (await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian })).licenceNumber;
  });
  afterAll(() => t.close());

  /** The statements one request sends to the database. */
  async function queriesOf(path: string, auth: string): Promise<{ body: { items: Record<string, unknown>[] }; queries: RecordedQuery[] }> {
    const recorder = recordQueries(t.db);
    try {
      const response = await t.http().get(path).set('authorization', auth).expect(200);
      return { body: response.body as { items: Record<string, unknown>[] }, queries: recorder.queries };
    } finally {
      recorder.stop();
    }
  }

  it('licences name their agency and issuing bureau, in the list and the detail', async () => {
    const list = await t.http().get('/api/licences').set('authorization', as['fj-admin']).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ licenceNumber, agencyNameZh: FUZHOU_AGENCY, agencyNameEn: 'fuzhou agency', issuedByBureauName: 'Fujian HRSS' }),
    ]);
    const detail = await t.http().get(`/api/licences/${list.body.items[0].id}`).set('authorization', as['agency-fj-1']).expect(200);
    expect(detail.body).toMatchObject({ agencyNameZh: FUZHOU_AGENCY, issuedByBureauName: 'Fujian HRSS' });
  });

  it('an approved application answers the new licence number; lists and details name the agency', async () => {
    const applied = await t
      .http()
      .post('/api/licence-applications')
      .set('authorization', as['agency-fj-1'])
      .send({ kind: 'new', licenceType: 'human_resources_service', scope: { activities: ['job_placement'], destinationCountries: [] } })
      .expect(201);
    expect(applied.body).toMatchObject({ agencyNameZh: FUZHOU_AGENCY, licenceNumber: null });
    const approved = await t.http().post(`/api/licence-applications/${applied.body.id}/decision`).set('authorization', as['fj-admin']).send({ decision: 'approve' }).expect(200);
    expect(approved.body.licenceNumber).toMatch(/^350000-2026-\d{6}$/);
    expect(approved.body).toMatchObject({ status: 'approved', agencyNameZh: FUZHOU_AGENCY });
    const list = await t.http().get('/api/licence-applications').set('authorization', as['fj-admin']).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: applied.body.id, agencyNameZh: FUZHOU_AGENCY, agencyNameEn: 'fuzhou agency', licenceNumber: approved.body.licenceNumber });
    const detail = await t.http().get(`/api/licence-applications/${applied.body.id}`).set('authorization', as['agency-fj-1']).expect(200);
    expect(detail.body.licenceNumber).toBe(approved.body.licenceNumber);
  });

  it('inspections and corrective actions name the agency, its licences, the lead inspector and the bureau', async () => {
    const submitted = await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { results: { 'GOV-2': 'non_compliant' } });
    const names = { agencyNameZh: FUZHOU_AGENCY, agencyNameEn: 'fuzhou agency', licenceNumbers: expect.arrayContaining([licenceNumber]) };
    expect(submitted).toMatchObject({ ...names, leadInspectorName: 'fz-inspector', bureauName: 'Fuzhou HRSS' });
    const list = await t.http().get('/api/inspections').set('authorization', as['fj-admin']).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: submitted.id, ...names, leadInspectorName: 'fz-inspector', bureauName: 'Fuzhou HRSS' });
    const detail = await t.http().get(`/api/inspections/${submitted.id}`).set('authorization', as['agency-fj-1']).expect(200);
    expect(detail.body).toMatchObject({ ...names, leadInspectorName: 'fz-inspector' });
    expect(detail.body.correctiveActions[0]).toMatchObject(names);
    const actions = await t.http().get('/api/corrective-actions').set('authorization', as['agency-fj-1']).expect(200);
    expect(actions.body.items[0]).toMatchObject({ inspectionId: submitted.id, ...names });
  });

  it('complaints name the agency, its licences, the handling bureau and the assignee', async () => {
    const created = await t
      .http()
      .post('/api/complaints')
      .set('authorization', as['fz-inspector'])
      .send({ ...complaintBody({ licenceNumber, agencyName: undefined }), channel: 'hotline' })
      .expect(201);
    expect(created.body).toMatchObject({ agencyNameZh: FUZHOU_AGENCY, licenceNumbers: expect.arrayContaining([licenceNumber]), assignedBureauName: 'Fuzhou HRSS', assigneeName: null });
    await t.http().post(`/api/complaints/${created.body.id}/assign`).set('authorization', as['fz-admin']).send({ assigneeId: world.users['fz-inspector'], version: created.body.version }).expect(200);
    const list = await t.http().get('/api/complaints').set('authorization', as['fj-admin']).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, agencyNameZh: FUZHOU_AGENCY, agencyNameEn: 'fuzhou agency', assignedBureauName: 'Fuzhou HRSS', assigneeName: 'fz-inspector' });
    const detail = await t.http().get(`/api/complaints/${created.body.id}`).set('authorization', as['fz-admin']).expect(200);
    expect(detail.body).toMatchObject({ agencyNameZh: FUZHOU_AGENCY, licenceNumbers: expect.arrayContaining([licenceNumber]), assigneeName: 'fz-inspector' });
    const aboutUnknown = await t.http().post('/api/complaints').set('authorization', as['fz-inspector']).send({ ...complaintBody({ description: 'An agency nobody could find on the register.' }), channel: 'hotline' }).expect(201);
    expect(aboutUnknown.body).toMatchObject({ agencyId: null, agencyNameZh: null, agencyNameGiven: 'Some agency', licenceNumbers: [] });
  });

  it('labels each trend group in the language asked for, in JSON and CSV', async () => {
    const [category] = (await t.db.query(`SELECT name_zh, name_en FROM complaint_categories WHERE code = 'no_written_contract'`)) as { name_zh: string; name_en: string }[];
    const trends = (groupBy: string, language: string) =>
      t.http().get(`/api/complaints/trends?from=2026-06-01&to=2026-06-01&granularity=day&groupBy=${groupBy}`).set('authorization', as.ministry).set('accept-language', language).expect(200);
    const byProvinceEn = await trends('province', 'en-GB,en;q=0.9');
    expect(byProvinceEn.body.language).toBe('en');
    expect(byProvinceEn.body.rows).toEqual([expect.objectContaining({ group: '350000', label: 'Fujian', complaints: 2 })]);
    const byProvinceZh = await trends('province', 'zh-CN');
    expect(byProvinceZh.body.rows[0]).toMatchObject({ group: '350000', label: '福建省' });
    const byCategory = await trends('category', 'en');
    expect(byCategory.body.rows[0]).toMatchObject({ group: 'no_written_contract', label: category.name_en });
    expect((await trends('category', 'zh')).body.rows[0].label).toBe(category.name_zh);
    const byAgency = await trends('agency', 'zh');
    expect(byAgency.body.rows.map((r: { group: string; label: string }) => [r.group, r.label]).sort()).toEqual(
      [
        [world.agencies.fuzhou, FUZHOU_AGENCY],
        ['none', '未登记机构'],
      ].sort(),
    );
    expect((await trends('channel', 'en')).body.rows[0]).toMatchObject({ group: 'hotline', label: 'Hotline' });
    expect((await trends('outcome', 'zh')).body.rows[0]).toMatchObject({ group: 'none', label: '尚无结论' });
    const csv = await t
      .http()
      .get('/api/complaints/trends?from=2026-06-01&to=2026-06-01&granularity=day&groupBy=province')
      .set('authorization', as.ministry)
      .set('accept', 'text/csv')
      .set('accept-language', 'en')
      .expect(200);
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    // Headers in the reader's language; the group by its name, never its code.
    expect(header.split(',').slice(0, 3)).toEqual(['Period', 'Province', 'Complaints']);
    expect(row.split(',').slice(0, 2)).toEqual(['2026-06-01', 'Fujian']);
    expect(csv.text).not.toContain('350000');
  });

  describe('one query per page, on a province of a few thousand rows', () => {
    beforeAll(async () => {
      const usccs = Array.from({ length: 3000 }, (_, i) => testUscc(i % 2 === 0 ? '350100' : '350200'));
      await t.db.query(
        `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type)
         SELECT u, '批量机构' || n, 'Bulk agency ' || n, '张三', '某路1号', CASE WHEN n % 2 = 1 THEN '350100' ELSE '350200' END, 'overseas_placement'
           FROM unnest($1::text[]) WITH ORDINALITY AS x(u, n)`,
        [usccs],
      );
      await t.db.query(
        `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, scope, issued_by_bureau_id, status, valid_from, expires_on, created_at)
         SELECT '888888-2026-' || lpad(row_number() OVER (ORDER BY a.id)::text, 6, '0'), a.id, a.jurisdiction_code, 'overseas_employment',
                '{"activities":["overseas_placement"],"destinationCountries":["SG"]}', $1, 'active', '2025-01-01', '2030-01-01',
                now() - make_interval(secs => (row_number() OVER (ORDER BY a.id))::int)
           FROM agencies a WHERE a.name_zh LIKE '批量机构%'`,
        [world.bureaus.fujian],
      );
      await t.db.query(
        `INSERT INTO complaints (tracking_code, secret_hash, secret_salt, channel, received_at, received_on, agency_id, jurisdiction_code, categories,
                                 description, severity, status, assigned_bureau_id, assignee_id, ack_due_at, resolve_due_at)
         SELECT 'BULK' || lpad(n::text, 6, '0'), 'x', 'x', 'hotline', '2026-05-01T00:00:00Z'::timestamptz + make_interval(mins => n::int), '2026-05-01',
                a.id, a.jurisdiction_code, ARRAY['no_written_contract'], 'A complaint written for the plan test.', 'medium', 'received',
                $1, $2, '2026-07-01', '2026-09-01'
           FROM (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY id) AS n FROM agencies WHERE name_zh LIKE '批量机构%') a`,
        [world.bureaus.fuzhou, world.users['fz-inspector']],
      );
      // Statistics are gathered by the tables' owner (the app's role may not ANALYZE them).
      await asOwner(t, `ANALYZE`);
    });

    it.each([
      ['licences', '/api/licences', 'licences'],
      ['complaints', '/api/complaints', 'complaints'],
    ])('the %s list costs one query whatever the page size, its names joined by index', async (_name, path, table) => {
      const small = await queriesOf(`${path}?limit=5`, as['fj-admin']);
      const large = await queriesOf(`${path}?limit=200`, as['fj-admin']);
      expect(small.body.items).toHaveLength(5);
      expect(large.body.items).toHaveLength(200);
      // All but the two complaints of the earlier tests that name no registered agency.
      expect(large.body.items.filter((item) => typeof item.agencyNameZh === 'string').length).toBeGreaterThanOrEqual(198);
      const listQueries = (queries: RecordedQuery[]) => queries.filter((q) => q.sql.includes(`FROM "${table}"`));
      expect(listQueries(small.queries)).toHaveLength(1);
      expect(listQueries(large.queries)).toHaveLength(1);
      expect(large.queries.length).toBe(small.queries.length);

      const [list] = listQueries(large.queries);
      const [{ 'QUERY PLAN': [{ Plan: plan }] }] = (await t.db.query(`EXPLAIN (FORMAT JSON) ${list.sql}`, list.parameters)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      expect(plan['Node Type']).toBe('Limit');
      const scans = nodesOf(plan).filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']);
      // The list's own table is read in keyset order through an index and the agencies (and their
      // licences) probed by key for the page's rows; bureaus and users are small enough that the
      // planner may hash them whole, which keeps the order and the LIMIT.
      expect(scans.filter((relation) => ['agencies', 'licences', 'complaints'].includes(relation ?? ''))).toEqual([]);
    });
  });
});
