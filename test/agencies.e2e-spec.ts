import { withUsccCheck } from '@app/agencies';
import { expectProblem, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const agencyBody = (overrides: Record<string, unknown> = {}) => ({
  uscc: testUscc('350100'),
  nameZh: '福州新丝路人力资源有限公司',
  nameEn: 'Fuzhou New Silk Road HR Co.',
  legalRepresentative: '林某',
  address: '福州市鼓楼区五四路1号',
  jurisdictionCode: '350100',
  agencyType: 'overseas_placement',
  contactEmail: 'info@example.cn',
  ...overrides,
});

describe('agencies', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  describe('registration', () => {
    it('registers an agency in the bureau admin’s jurisdiction, audited', async () => {
      const response = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(agencyBody()).expect(201);
      expect(response.body).toMatchObject({ jurisdictionCode: '350100', agencyType: 'overseas_placement', version: 1 });
      const [event] = await t.db.query(`SELECT action, actor_username FROM audit_events WHERE entity_id = $1`, [response.body.id]);
      expect(event).toEqual({ action: 'agency.create', actor_username: 'fz-admin' });
    });

    it('refuses a USCC with a wrong check character with a field error, writing nothing', async () => {
      const good = testUscc('350100');
      const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const response = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(agencyBody({ uscc: wrongCheck })).expect(400);
      expect(response.body.errors).toEqual([{ field: 'uscc', message: expect.stringMatching(/check character is .*, expected/) }]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agencies WHERE uscc = $1`, [wrongCheck]);
      expect(n).toBe(0);
    });

    it('refuses characters outside the USCC alphabet and unknown divisions', async () => {
      const withO = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(agencyBody({ uscc: '91350100MA0000000O' })).expect(400);
      expect(withO.body.errors[0].message).toMatch(/alphabet/);
      const unknownDivision = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(agencyBody({ uscc: withUsccCheck('9199000012345678X') })).expect(400);
      expect(unknownDivision.body.errors[0].message).toMatch(/division/);
    });

    it('refuses a duplicate USCC with 409', async () => {
      const body = agencyBody();
      await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(body).expect(201);
      const duplicate = await t.http().post('/api/agencies').set('authorization', as['fj-admin']).send(body).expect(409);
      expectProblem(duplicate.body, 409);
    });

    it('refuses a registration outside the jurisdiction, a non-city division, and roles that do not register', async () => {
      await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send(agencyBody({ jurisdictionCode: '350200' })).expect(403);
      const province = await t.http().post('/api/agencies').set('authorization', as['fj-admin']).send(agencyBody({ jurisdictionCode: '350000' })).expect(400);
      expect(province.body.errors[0].field).toBe('jurisdictionCode');
      for (const role of ['ministry', 'fz-inspector', 'agency-fj-1', 'admin']) {
        await t.http().post('/api/agencies').set('authorization', as[role]).send(agencyBody()).expect(403);
      }
    });
  });

  describe('reading', () => {
    it('scopes the register: province, city, agency user, ministry', async () => {
      const codes = async (user: string) =>
        new Set(((await t.http().get('/api/agencies?limit=200').set('authorization', as[user]).expect(200)).body.items as { jurisdictionCode: string }[]).map((a) => a.jurisdictionCode));
      expect([...(await codes('fj-admin'))].every((c) => c.startsWith('35'))).toBe(true);
      expect(await codes('xm-admin')).toEqual(new Set(['350200']));
      expect(await codes('ministry')).toEqual(expect.objectContaining({ size: 3 }));
      const own = await t.http().get('/api/agencies').set('authorization', as['agency-fj-1']).expect(200);
      expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([world.agencies.fuzhou]);
    });

    it('answers 404 for an agency of another jurisdiction, as for one that does not exist', async () => {
      await t.http().get(`/api/agencies/${world.agencies.shenyang}`).set('authorization', as['fj-admin']).expect(404);
      await t.http().get(`/api/agencies/${world.agencies.xiamen}`).set('authorization', as['fz-inspector']).expect(404);
      await t.http().get(`/api/agencies/${world.agencies.xiamen}`).set('authorization', as['agency-fj-1']).expect(404);
      await t.http().get(`/api/agencies/${world.agencies.xiamen}`).set('authorization', as['fj-inspector']).expect(200);
    });

    it('filters by name (Chinese or English, partial), code prefix, type, risk and licence status', async () => {
      const list = async (query: string) => (await t.http().get(`/api/agencies?${query}`).set('authorization', as.ministry).expect(200)).body.items as { id: string }[];
      expect((await list(`name=${encodeURIComponent('鹭岛')}`)).map((a) => a.id)).toEqual([world.agencies.xiamen]);
      expect((await list('name=SHENYANG')).map((a) => a.id)).toEqual([world.agencies.shenyang]);
      expect((await list('jurisdiction=21')).map((a) => a.id)).toEqual([world.agencies.shenyang]);
      expect(await list('agencyType=domestic_placement')).toEqual([]);
      await t.db.query(`UPDATE agencies SET risk_score = 80 WHERE id = $1`, [world.agencies.xiamen]);
      expect((await list('minRisk=50')).map((a) => a.id)).toEqual([world.agencies.xiamen]);
      await t.db.query(
        `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, issued_by_bureau_id, status, valid_from, expires_on)
         VALUES ('210000-2026-000001', $1, '210100', 'human_resources_service', $2, 'suspended', '2026-01-01', '2031-01-01')`,
        [world.agencies.shenyang, world.bureaus.liaoning],
      );
      expect((await list('licenceStatus=suspended')).map((a) => a.id)).toEqual([world.agencies.shenyang]);
      const bad = await t.http().get('/api/agencies?agencyType=pirate&minRisk=200').set('authorization', as.ministry).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['agencyType', 'minRisk']);
    });

    it('pages the register with a keyset cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/agencies?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await t.http().get(url).set('authorization', as.ministry).expect(200);
        seen.push(...page.body.items.map((a: { id: string }) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agencies`);
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
    });

    it('shows the profile with its licences', async () => {
      const profile = await t.http().get(`/api/agencies/${world.agencies.shenyang}/profile`).set('authorization', as['ln-admin']).expect(200);
      expect(profile.body.agency.id).toBe(world.agencies.shenyang);
      expect(profile.body.licences).toEqual([expect.objectContaining({ licenceNumber: '210000-2026-000001', events: [] })]);
      await t.http().get(`/api/agencies/${world.agencies.shenyang}/profile`).set('authorization', as['fj-admin']).expect(404);
    });
  });

  describe('changes', () => {
    it('updates with the version read; a stale version is a 409 and changes nothing', async () => {
      const created = await t.http().post('/api/agencies').set('authorization', as['fj-admin']).send(agencyBody()).expect(201);
      const updated = await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, address: '新地址 1号' }).expect(200);
      expect(updated.body).toMatchObject({ address: '新地址 1号', version: 2 });
      await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, address: 'lost' }).expect(409);
      const moved = await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 2, jurisdictionCode: '350200' }).expect(200);
      expect(moved.body.jurisdictionCode).toBe('350200');
      await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 3, jurisdictionCode: '210100' }).expect(403);
    });

    it('carries the agency’s licences and applications to its new division in the same change', async () => {
      const created = await t.http().post('/api/agencies').set('authorization', as['fj-admin']).send(agencyBody()).expect(201);
      await t.db.query(
        `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, issued_by_bureau_id, status, valid_from, expires_on)
         VALUES ('350000-2026-900001', $1, '350100', 'human_resources_service', $2, 'active', '2026-01-01', '2031-01-01')`,
        [created.body.id, world.bureaus.fujian],
      );
      await t.db.query(
        `INSERT INTO licence_applications (agency_id, jurisdiction_code, kind, licence_type, requested_scope, status, submitted_by)
         VALUES ($1, '350100', 'new', 'overseas_employment', '{"activities":["overseas_placement"],"destinationCountries":["SG"]}', 'submitted', $2)`,
        [created.body.id, world.users['agency-fj-1']],
      );
      await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, jurisdictionCode: '350200' }).expect(200);
      const codes = async (table: string) => ((await t.db.query(`SELECT jurisdiction_code FROM ${table} WHERE agency_id = $1`, [created.body.id])) as { jurisdiction_code: string }[]).map((r) => r.jurisdiction_code);
      expect(await codes('licences')).toEqual(['350200']);
      expect(await codes('licence_applications')).toEqual(['350200']);
      // A change that leaves the division alone leaves the copies alone.
      await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 2, address: '厦门市思明区 1号' }).expect(200);
      expect(await codes('licences')).toEqual(['350200']);
    });

    it('lets an agency change its own contacts but not its identity, nor another agency', async () => {
      const [{ version }] = await t.db.query(`SELECT version FROM agencies WHERE id = $1`, [world.agencies.fuzhou]);
      await t.http().patch(`/api/agencies/${world.agencies.fuzhou}`).set('authorization', as['agency-fj-1']).send({ version, contactPhone: '0591-8888 8888' }).expect(200);
      const identity = await t.http().patch(`/api/agencies/${world.agencies.fuzhou}`).set('authorization', as['agency-fj-1']).send({ version: version + 1, nameZh: '改名' }).expect(403);
      expect(identity.body.detail).toMatch(/nameZh/);
      await t.http().patch(`/api/agencies/${world.agencies.xiamen}`).set('authorization', as['agency-fj-1']).send({ version: 1, contactPhone: '12345' }).expect(404);
    });

    it('lets a bureau admin open an agency account for an agency in its jurisdiction only', async () => {
      const account = { username: `agency-${Date.now()}`, displayName: 'Agency clerk', password: 'a-long-enough-password', role: 'agency_user' };
      await t.http().post('/api/users').set('authorization', as['fz-admin']).send({ ...account, agencyId: world.agencies.fuzhou }).expect(201);
      await t.http().post('/api/users').set('authorization', as['fz-admin']).send({ ...account, username: `${account.username}-2`, agencyId: world.agencies.xiamen }).expect(404);
    });
  });

  describe('import', () => {
    const header = 'uscc,name_zh,name_en,legal_representative,address,jurisdiction_code,agency_type,contact_name,contact_phone,contact_email';
    const line = (uscc: string, overrides: Partial<Record<'code' | 'type' | 'email', string>> = {}) =>
      `${uscc},测试人力资源公司${uscc.slice(-4)},Test HR ${uscc.slice(-4)},王某,福州市某路,${overrides.code ?? '350100'},${overrides.type ?? 'domestic_placement'},王某,0591-1234567,${overrides.email ?? 'a@example.cn'}`;
    const importCsv = (csv: string, user = 'fj-admin') => t.http().post('/api/agencies/import').set('authorization', as[user]).set('content-type', 'text/csv').send(csv);

    it('writes nothing when one row is bad, and names every bad row with line and field', async () => {
      const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM agencies`);
      const good = Array.from({ length: 5 }, () => line(testUscc('350100')));
      const wrongCheck = testUscc('350100').slice(0, 17) + '*';
      const csv = [header, ...good.slice(0, 2), line(wrongCheck), ...good.slice(2), line(testUscc('350100'), { code: '210100' }), line(testUscc('350100'), { type: 'smuggling', email: 'nope' }), good[0]].join('\n');
      const response = await importCsv(csv).expect(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      const problems = response.body.errors as { line: number; field: string; message: string }[];
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ line: 4, field: 'uscc' }),
          expect.objectContaining({ line: 8, field: 'jurisdiction_code', message: expect.stringMatching(/outside your jurisdiction/) }),
          expect.objectContaining({ line: 9, field: 'agency_type' }),
          expect.objectContaining({ line: 9, field: 'contact_email' }),
          expect.objectContaining({ line: 10, field: 'uscc', message: expect.stringMatching(/already appears on line 2/) }),
        ]),
      );
      const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM agencies`);
      expect(after).toBe(before);
    });

    it('refuses files with missing or unknown columns, and already registered codes', async () => {
      const missing = await importCsv('uscc,name_zh\nX,Y').expect(400);
      expect(missing.body.detail).toMatch(/missing columns: legal_representative/);
      const [{ uscc }] = await t.db.query(`SELECT uscc FROM agencies LIMIT 1`);
      const registered = await importCsv([header, line(uscc)].join('\n')).expect(400);
      expect(registered.body.errors[0]).toMatchObject({ line: 2, field: 'uscc', message: expect.stringMatching(/already registered/) });
      await importCsv([header, line(testUscc())].join('\n'), 'fz-inspector').expect(403);
    });

    it('imports 10,000 valid rows (with a BOM) in one go, audited once', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => line(testUscc(i % 2 ? '350100' : '350200')));
      const started = Date.now();
      const response = await importCsv(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`).expect(200);
      expect(response.body).toEqual({ imported: 10_000 });
      expect(Date.now() - started).toBeLessThan(30_000);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agencies WHERE name_en LIKE 'Test HR %'`);
      expect(n).toBe(10_000);
      const audit = await t.db.query(`SELECT after FROM audit_events WHERE action = 'agency.import'`);
      expect(audit).toHaveLength(1);
      expect(audit[0].after.rows).toBe(10_000);
    });
  });
});
