import { DataSource } from 'typeorm';
import { CaseProposals } from '@app/enforcement';
import { seedWorld, testUscc, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('case numbers run per issuing province and year, as its documents read', () => {
  let t: TestApp;
  let world: World;
  let cases: CaseProposals;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-05-06T02:00:00.000Z');
    world = await seedWorld(t);
    cases = t.app.get(CaseProposals);
  });
  afterAll(() => t.close());

  const open = async (agencyId: string) => {
    const { id } = await cases.proposeCase({ agencyId, grounds: [{ kind: 'complaint', reference: `numbers-${Math.random()}` }], proposedSanction: 'warning', legalBasis: '条例', facts: '事实。', openedBy: 'system' });
    const [row] = await t.db.query(`SELECT case_number AS zh, case_number_en AS en FROM enforcement_cases WHERE id = $1`, [id]);
    return row as { zh: string; en: string };
  };

  it("each province has its prefix and its own serial from 1, in Chinese and English; another province's fallback is named by the province", async () => {
    expect(await open(world.agencies.fuzhou)).toEqual({ zh: '闽人社监〔2026〕1号', en: 'Fujian HRSS Enf. [2026] No. 1' });
    expect(await open(world.agencies.xiamen)).toEqual({ zh: '闽人社监〔2026〕2号', en: 'Fujian HRSS Enf. [2026] No. 2' });
    expect(await open(world.agencies.shenyang)).toEqual({ zh: '辽人社监〔2026〕1号', en: 'Liaoning HRSS Enf. [2026] No. 1' });
    // Guangdong has no prefix of its own (the test database may hold only some divisions).
    await t.db.query(`INSERT INTO jurisdictions (code, level, parent_code, name_zh, name_en) VALUES ('440000', 'province', NULL, '广东省', 'Guangdong') ON CONFLICT DO NOTHING`);
    await t.db.query(`INSERT INTO jurisdictions (code, level, parent_code, name_zh, name_en) VALUES ('440100', 'city', '440000', '广州市', 'Guangzhou') ON CONFLICT DO NOTHING`);
    const [guangdong] = await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, legal_representative, address, jurisdiction_code, agency_type) VALUES ($1, '广州测试公司', '王某', '某路', '440100', 'overseas_placement') RETURNING id`,
      [testUscc('440100')],
    );
    const [province] = await t.db.query(`SELECT name_zh, name_en FROM jurisdictions WHERE code = '440000'`);
    expect(await open(guangdong.id)).toEqual({ zh: `${province.name_zh}人社监〔2026〕1号`, en: `${province.name_en} HRSS Enf. [2026] No. 1` });
  });

  it('a new year starts again at 1', async () => {
    t.clock.set('2027-01-04T02:00:00.000Z');
    expect((await open(world.agencies.fuzhou)).zh).toBe('闽人社监〔2027〕1号');
    t.clock.set('2026-05-06T02:00:00.000Z');
  });

  it('serials have neither gaps nor duplicates when cases open at once, and a rolled-back opening gives its serial back', async () => {
    const before = (await t.db.query(`SELECT last_serial FROM case_number_counters WHERE province_code = '35' AND year = 2026`))[0].last_serial as number;
    await expect(
      t.app.get(DataSource).transaction(async (manager) => {
        await cases.proposeCase({ agencyId: world.agencies.fuzhou, grounds: [{ kind: 'complaint', reference: 'rolled-back' }], proposedSanction: 'warning', legalBasis: '条例', facts: '事实。', openedBy: 'system' }, manager);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const numbers = await Promise.all(Array.from({ length: 8 }, (_, i) => open(i % 2 ? world.agencies.fuzhou : world.agencies.xiamen)));
    const serials = numbers.map((n) => Number(/〔2026〕(\d+)号$/.exec(n.zh)?.[1])).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
  });
});
