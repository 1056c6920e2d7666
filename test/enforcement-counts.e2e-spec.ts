import { expectProblem, seedWorld, signInAll, testUscc } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 15 June 2026, 10:00 in Shanghai: the overview's period runs from 2025-06-15 to 2026-06-15. */
const TODAY = '2026-06-15T02:00:00.000Z';

/** Counts the bureau's home and the ministry's overview show, counted in SQL in the caller's jurisdiction. */
describe('enforcement counts', () => {
  let t: TestApp;
  let as: Record<string, string>;
  const agencies: Record<'fuzhou' | 'xiamen' | 'dalian', string> = { fuzhou: '', xiamen: '', dalian: '' };
  const codes = { fuzhou: '350100', xiamen: '350200', dalian: '210200' } as const;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(TODAY);
    await seedWorld(t);
    as = await signInAll(t);
    for (const key of Object.keys(codes) as (keyof typeof codes)[]) {
      const [agency] = await t.db.query(
        `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type) VALUES ($1, '计数测试公司', 'Count test agency', '李某', '某路', $2, 'domestic_placement') RETURNING id`,
        [testUscc(codes[key]), codes[key]],
      );
      agencies[key] = agency.id;
    }
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);

  /** `n` cases of an agency in one state, straight into the table (a decided one with its sanction and effective date). */
  async function insertCases(where: keyof typeof codes, n: number, status: string, decided?: { sanction: string; effectiveOn: string; annulled?: boolean }) {
    await t.db.query(
      `INSERT INTO enforcement_cases (agency_id, jurisdiction_code, status, proposed_sanction, proposed_fine_amount, legal_basis, facts, opened_by_username, opened_at, decision_due_on,
                                      decided_sanction, decided_fine_amount, decided_suspension_days, decided_at, effective_on, appeal_outcome)
       SELECT $1, $2, $3, 'fine', 100000, 'basis', 'facts', 'test', now(), current_date + 90,
              $4, CASE WHEN $4 = 'fine' THEN 100000 END, CASE WHEN $4 = 'suspension' THEN 10 END, CASE WHEN $4 IS NOT NULL THEN $5::date + time '10:00' END, $5::date, $6
         FROM generate_series(1, $7)`,
      [agencies[where], codes[where], status, decided?.sanction ?? null, decided?.effectiveOn ?? null, decided?.annulled ? 'annulled' : null, n],
    );
  }

  describe('GET /api/cases/counts', () => {
    beforeAll(async () => {
      await insertCases('fuzhou', 3, 'opened');
      await insertCases('fuzhou', 2, 'notice_served');
      await insertCases('fuzhou', 1, 'hearing_requested');
      await insertCases('xiamen', 4, 'opened');
      await insertCases('xiamen', 1, 'withdrawn');
      await insertCases('dalian', 7, 'opened');
      await insertCases('dalian', 2, 'representations');
    });

    it('counts every state of the cases in the caller’s jurisdiction, zero where none', async () => {
      const fuzhou = await get('fz-admin', '/api/cases/counts').expect(200);
      expect(fuzhou.body).toEqual({
        byStatus: { opened: 3, notice_served: 2, representations: 0, hearing_requested: 1, hearing_held: 0, decided: 0, closed: 0, withdrawn: 0 },
      });
      const fujian = await get('fj-admin', '/api/cases/counts').expect(200);
      expect(fujian.body.byStatus).toMatchObject({ opened: 7, notice_served: 2, hearing_requested: 1, withdrawn: 1, representations: 0 });
      const national = await get('ministry', '/api/cases/counts').expect(200);
      expect(national.body.byStatus).toMatchObject({ opened: 14, notice_served: 2, representations: 2, hearing_requested: 1, withdrawn: 1 });
    });

    it('leaves out another jurisdiction’s cases', async () => {
      const liaoning = await get('ln-admin', '/api/cases/counts').expect(200);
      expect(liaoning.body.byStatus).toMatchObject({ opened: 7, representations: 2, notice_served: 0, hearing_requested: 0, withdrawn: 0 });
      const xiamen = await get('xm-admin', '/api/cases/counts').expect(200);
      expect(xiamen.body.byStatus).toMatchObject({ opened: 4, withdrawn: 1, notice_served: 0, hearing_requested: 0, representations: 0 });
    });

    it('answers the case list’s roles only', async () => {
      expectProblem((await get('admin', '/api/cases/counts').expect(403)).body, 403);
      await t.http().get('/api/cases/counts').expect(401);
    });
  });

  describe('GET /api/reports/overview: sanctions in the period', () => {
    beforeAll(async () => {
      // More than the public list's largest page, so that counting a page would come out short.
      await insertCases('fuzhou', 205, 'decided', { sanction: 'fine', effectiveOn: '2026-03-01' });
      await insertCases('fuzhou', 1, 'closed', { sanction: 'fine', effectiveOn: '2025-06-15' });
      await insertCases('fuzhou', 1, 'decided', { sanction: 'fine', effectiveOn: '2025-06-14' });
      await insertCases('fuzhou', 1, 'closed', { sanction: 'suspension', effectiveOn: '2026-01-10', annulled: true });
      await insertCases('fuzhou', 2, 'decided', { sanction: 'warning', effectiveOn: '2026-01-10' });
      await insertCases('xiamen', 3, 'decided', { sanction: 'suspension', effectiveOn: '2026-06-15' });
      await insertCases('xiamen', 1, 'decided', { sanction: 'revocation', effectiveOn: '2026-06-16' });
      await insertCases('dalian', 2, 'decided', { sanction: 'revocation', effectiveOn: '2025-12-31' });
    });

    it('counts the published sanctions effective in the last 12 months by province and kind, however many', async () => {
      const national = await get('ministry', '/api/reports/overview').expect(200);
      expect(national.body.sanctions).toEqual({
        from: '2025-06-15',
        to: '2026-06-15',
        byProvince: [
          { province: '210000', fine: 0, suspension: 0, revocation: 2 },
          { province: '350000', fine: 206, suspension: 3, revocation: 0 },
        ],
      });
    });

    it('counts only the caller’s jurisdiction', async () => {
      const fujian = await get('fj-admin', '/api/reports/overview').expect(200);
      expect(fujian.body.sanctions.byProvince).toEqual([{ province: '350000', fine: 206, suspension: 3, revocation: 0 }]);
      const xiamen = await get('xm-admin', '/api/reports/overview').expect(200);
      expect(xiamen.body.sanctions.byProvince).toEqual([{ province: '350000', fine: 0, suspension: 3, revocation: 0 }]);
      const liaoning = await get('ln-admin', '/api/reports/overview').expect(200);
      expect(liaoning.body.sanctions.byProvince).toEqual([{ province: '210000', fine: 0, suspension: 0, revocation: 2 }]);
    });
  });
});
