import { seedWorld, signInAll, World } from './support/fixtures';
import { inspect, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const HAN = /[\u4e00-\u9fff]/;

/**
 * Names and reference texts exist in both languages and the API gives each reader hers:
 * checklist items' non-compliance wording and legal bases, category explanations, bureau names,
 * jobs and schedules, audit actions.
 */
describe('texts per language', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const get = (user: string, path: string, language = 'zh-CN') => t.http().get(path).set('authorization', as[user]).set('accept-language', language);

  it('gives every checklist item its non-compliance wording and its legal basis in both languages', async () => {
    const template = await get('ministry', `/api/checklist-templates/${await seededTemplateId(t)}`).expect(200);
    const items = template.body.items as { code: string; legalBasis: string | null; legalBasisZh: string | null; legalBasisEn: string | null; breachZh: string | null; breachEn: string | null }[];
    for (const item of items) {
      expect(item.breachZh).toMatch(HAN);
      expect(item.breachEn).not.toMatch(HAN);
      if (item.legalBasis) expect(item.legalBasisZh).toMatch(HAN);
    }
    expect(items.find((i) => i.code === 'PRO-1')).toMatchObject({ breachZh: '发现扣押护照或身份证件。', breachEn: 'Passports or identity papers are being held.' });
    expect(items.find((i) => i.code === 'LIC-1')).toMatchObject({ legalBasis: 'C181 Art.3', legalBasisZh: '《私营就业机构公约》（第181号）第3条', legalBasisEn: 'ILO Convention 181, Article 3' });
  });

  it('names the problem of a corrective action by what failed, never by the compliant wording', async () => {
    const submitted = await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { results: { 'PRO-1': 'non_compliant' } });
    const inspection = await get('fz-inspector', `/api/inspections/${submitted.id}`).expect(200);
    const finding = (inspection.body.findings as { itemCode: string; breachZh: string }[]).find((f) => f.itemCode === 'PRO-1');
    expect(finding?.breachZh).toBe('发现扣押护照或身份证件。');
    const actions = await get('fz-inspector', `/api/corrective-actions?inspectionId=${submitted.id}`).expect(200);
    expect(actions.body.items).toEqual([expect.objectContaining({ itemCode: 'PRO-1', breachZh: '发现扣押护照或身份证件。', breachEn: 'Passports or identity papers are being held.' })]);
    expect(actions.body.items[0].description).not.toContain('未发现扣押');
    expect(actions.body.items[0].description).toContain('发现扣押护照或身份证件');
  });

  it('explains complaint categories in Chinese too', async () => {
    const categories = await t.http().get('/api/public/complaint-categories').expect(200);
    const assistance = (categories.body as { code: string; descriptionZh: string; description: string }[]).find((c) => c.code === 'abandonment_no_assistance');
    expect(assistance?.descriptionZh).toMatch(HAN);
    expect(assistance?.description).not.toMatch(HAN);
  });

  it('keeps a bureau name per language', async () => {
    const created = await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: '青岛市人力资源和社会保障局', nameEn: 'Qingdao HRSS Bureau', level: 'city', jurisdictionCode: '370200' }).expect(201);
    expect(created.body).toMatchObject({ name: '青岛市人力资源和社会保障局', nameEn: 'Qingdao HRSS Bureau' });
    const cleared = await t.http().patch(`/api/bureaus/${created.body.id}`).set('authorization', as.admin).send({ version: created.body.version, nameEn: null }).expect(200);
    expect(cleared.body.nameEn).toBeNull();
    const bad = await t.http().patch(`/api/bureaus/${created.body.id}`).set('authorization', as.admin).send({ version: cleared.body.version, nameEn: '' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'nameEn' })]);
    await t.http().post('/api/bureaus').set('authorization', as['fj-admin']).send({ name: '某局', level: 'city', jurisdictionCode: '350200' }).expect(403);
  });

  it('names jobs and their schedules in words', async () => {
    const zh = await get('admin', '/api/admin/jobs').expect(200);
    const reports = (zh.body as { name: string; title: string; schedule: string }[]).find((j) => j.name === 'annual-report-deadlines');
    expect(reports).toMatchObject({ title: '年度报告期限提醒', schedule: '每天 07:40' });
    const en = await get('admin', '/api/admin/jobs', 'en').expect(200);
    expect((en.body as { name: string; schedule: string }[]).find((j) => j.name === 'complaint-sla')?.schedule).toBe('every hour at :00');
    await get('ministry', '/api/admin/jobs').expect(403);
  });

  it('says audit actions in words, with no id in them', async () => {
    const trail = await get('admin', '/api/audit?limit=50').expect(200);
    const events = trail.body.items as { action: string; actionZh: string; actionEn: string; entityTypeZh: string }[];
    const created = events.find((e) => e.action === 'bureau.create');
    expect(created).toMatchObject({ actionZh: '人社部门 · 创建', actionEn: 'Bureau created', entityTypeZh: '人社部门' });
    for (const event of events) {
      expect(event.actionZh).not.toMatch(UUID);
      if (ACTION_CODES_KNOWN.has(event.action)) expect(event.actionZh).toMatch(HAN);
    }
  });
});

const ACTION_CODES_KNOWN = new Set(['auth.login', 'auth.refresh', 'bureau.create', 'bureau.update', 'inspection.create', 'inspection.submit', 'inspection.findings']);
