import { parse } from 'csv-parse/sync';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { submittedInspection } from './support/case-fixtures';
import { decidedSuspension } from './support/sanction-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { SettableClock } from '@app/core';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai: a working day. */
const MONDAY = '2026-03-02T02:00:00.000Z';

describe("officials' CSV exports", () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock(MONDAY) });
    world = await seedWorld(t);
    as = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou });
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, licenceType: 'human_resources_service', status: 'expired', validFrom: '2019-01-01', expiresOn: '2024-01-01' });
    await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning });
    // A name a spreadsheet would run as a formula.
    await t.db.query(`UPDATE agencies SET name_en = '=HYPERLINK("http://evil.example","open me")' WHERE id = $1`, [world.agencies.fuzhou]);
    for (const [jurisdictionCode, description] of [['350100', 'Fuzhou: no written contract was given.'], ['210100', 'Shenyang: no written contract was given.'], ['350200', '@SUM(1+1) deposit of 5000 taken']]) {
      await t.http().post('/api/public/complaints').send(complaintBody({ jurisdictionCode, description })).expect(201);
    }
  });
  afterAll(() => t.close());

  const exportOf = (path: string, user: string, language = 'en') => t.http().get(path).set('authorization', as[user]).set('accept', 'text/csv').set('accept-language', language);
  const rowsOf = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];
  const exportsAudited = async (action: string) => (await t.db.query(`SELECT actor_username AS actor, after FROM audit_events WHERE action = $1 ORDER BY seq`, [action])) as { actor: string; after: { filters: Record<string, unknown>; language: string } }[];

  it('exports every licence in the caller’s scope, headed and labelled in English, ignoring paging', async () => {
    const response = await exportOf('/api/licences?limit=1', 'fj-admin').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="licences-2026-03-02\.csv"/);
    const rows = rowsOf(response.text);
    expect(Object.keys(rows[0])).toEqual(['Licence number', 'Agency', 'Licence type', 'Status', 'Jurisdiction code', 'Issuing bureau', 'Valid from', 'Expires on', 'Suspended until', 'Activities', 'Destination countries', 'Conditions']);
    // Fujian's two, not Liaoning's (other province absent), with names for ids.
    expect(rows.map((r) => r['Jurisdiction code']).sort()).toEqual(['350100', '350200']);
    expect(rows.map((r) => r.Status).sort()).toEqual(['active', 'expired']);
    expect(rows.find((r) => r.Status === 'expired')).toMatchObject({ Agency: 'xiamen agency', 'Licence type': 'human resources service', 'Issuing bureau': 'Xiamen HRSS' });
  });

  it('applies the list’s filters, and heads and labels in Chinese for a Chinese reader', async () => {
    const rows = rowsOf((await exportOf('/api/licences?status=expired', 'ministry', 'zh-CN,zh;q=0.9').expect(200)).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 许可证编号: expect.any(String), 机构名称: '厦门鹭岛劳务合作有限公司', 状态: '过期', 许可类型: '人力资源服务许可' });
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const text = (await exportOf('/api/licences', 'fj-admin').expect(200)).text;
    const fuzhou = rowsOf(text).find((r) => r['Jurisdiction code'] === '350100');
    expect(fuzhou?.Agency).toBe(`'=HYPERLINK("http://evil.example","open me")`);
    const complaints = rowsOf((await exportOf('/api/complaints', 'fj-admin').expect(200)).text);
    expect(complaints.map((r) => r.Description)).toContain("'@SUM(1+1) deposit of 5000 taken");
  });

  it('writes one audit entry per export, naming who exported what with which filters', async () => {
    const before = (await exportsAudited('licence.export')).length;
    await exportOf('/api/licences?status=active&limit=5', 'fz-admin').expect(200);
    const entries = await exportsAudited('licence.export');
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toEqual({ actor: 'fz-admin', after: { filters: { status: 'active' }, language: 'en' } });
  });

  it('exports agencies and complaints in scope (other province absent), with labels and no complainant', async () => {
    const agencies = rowsOf((await exportOf('/api/agencies', 'fj-admin').expect(200)).text);
    expect(agencies.map((a) => a['Division code']).sort()).toEqual(['350100', '350200']);
    expect(agencies.find((a) => a['Division code'] === '350200')).toMatchObject({ 'Name (Chinese)': '厦门鹭岛劳务合作有限公司', 'Agency type': 'overseas placement' });
    const chinese = rowsOf((await exportOf('/api/agencies', 'ln-admin', 'zh-CN').expect(200)).text);
    expect(chinese).toEqual([expect.objectContaining({ 中文名称: '沈阳北方人力资源服务有限公司', 行政区划代码: '210100', 机构类型: '出境就业中介' })]);
    const complaints = rowsOf((await exportOf('/api/complaints', 'ln-admin').expect(200)).text);
    expect(complaints.map((c) => c.Description)).toEqual(['Shenyang: no written contract was given.']);
    expect(complaints[0]).toMatchObject({ Channel: 'Online', Status: 'received' });
    expect(Object.keys(complaints[0]).join()).not.toMatch(/complainant/i);
    expect((await exportsAudited('agency.export')).map((e) => e.actor)).toEqual(['fj-admin', 'ln-admin']);
    expect((await exportsAudited('complaint.export')).length).toBeGreaterThanOrEqual(2);
  });

  it('exports inspections in scope with their outcome labelled', async () => {
    await submittedInspection(t, world.agencies.xiamen);
    await submittedInspection(t, world.agencies.shenyang, '2026-02-11', 'compliant');
    const rows = rowsOf((await exportOf('/api/inspections', 'fj-admin').expect(200)).text);
    expect(rows).toEqual([expect.objectContaining({ Agency: 'xiamen agency', 'Jurisdiction code': '350200', Type: 'routine', Status: 'submitted', Outcome: 'serious violation', 'Inspection date': '2026-02-10' })]);
    const chinese = rowsOf((await exportOf('/api/inspections', 'ln-admin', 'zh-CN').expect(200)).text);
    expect(chinese).toEqual([expect.objectContaining({ 机构: '沈阳北方人力资源服务有限公司', 结论: '合规', 检查类型: '日常检查' })]);
    expect((await exportsAudited('inspection.export')).map((e) => e.actor)).toEqual(['fj-admin', 'ln-admin']);
  });

  it('exports enforcement cases in scope, numbered and labelled in the reader’s language, without the facts', async () => {
    const sanction = await decidedSuspension(t, world, as);
    const text = (await exportOf('/api/cases', 'fj-admin').expect(200)).text;
    expect(rowsOf(text)).toEqual([expect.objectContaining({ Agency: 'Sanction test agency', Status: 'decided', 'Proposed sanction': 'suspension', 'Decided sanction': 'suspension', 'Suspension days': '30' })]);
    expect(text).not.toContain('passports of 12 workers');
    const chinese = rowsOf((await exportOf('/api/cases', 'fj-admin', 'zh-CN').expect(200)).text);
    expect(chinese).toEqual([expect.objectContaining({ 案件编号: sanction.caseNumber, 状态: '已决定', 决定处罚: '暂停许可' })]);
    expect(rowsOf((await exportOf('/api/cases', 'ln-admin').expect(200)).text)).toEqual([]);
    expect((await exportsAudited('case.export')).map((e) => e.actor)).toEqual(['fj-admin', 'fj-admin', 'ln-admin']);
  });

  it('exports annual reports in scope, with fees in yuan and the fee flag in words', async () => {
    await t.db.query(
      `INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status, fees_charged_to_workers_abroad_fen, submitted_at, first_submitted_at)
       VALUES ($1, '350200', 2025, 'submitted', 500000, now(), now()), ($2, '210100', 2025, 'submitted', 0, now(), now())`,
      [world.agencies.xiamen, world.agencies.shenyang],
    );
    const rows = rowsOf((await exportOf('/api/annual-reports?year=2025', 'fj-admin').expect(200)).text);
    expect(rows).toEqual([expect.objectContaining({ Year: '2025', Agency: 'xiamen agency', Status: 'submitted', 'Fees charged to workers abroad (yuan)': '5000', 'Fee flag': 'yes' })]);
    const chinese = rowsOf((await exportOf('/api/annual-reports', 'ln-admin', 'zh-CN').expect(200)).text);
    expect(chinese).toEqual([expect.objectContaining({ 机构: '沈阳北方人力资源服务有限公司', 状态: '已提交', 收费预警: '否' })]);
    expect((await exportsAudited('annual_report.export')).map((e) => e.actor)).toEqual(['fj-admin', 'ln-admin']);
  });

  it('refuses an export to an agency user (403), who still reads the JSON list', async () => {
    for (const path of ['/api/licences', '/api/agencies', '/api/complaints', '/api/inspections', '/api/cases', '/api/annual-reports']) {
      expectProblem((await exportOf(path, 'agency-fj-1').expect(403)).body, 403);
      await t.http().get(path).set('authorization', as['agency-fj-1']).expect(200);
    }
    expect(await exportsAudited('licence.export')).not.toContainEqual(expect.objectContaining({ actor: 'agency-fj-1' }));
  });
});
