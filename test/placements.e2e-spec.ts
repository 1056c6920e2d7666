import { RiskService } from '@app/inspections';
import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { placementBody, residentId } from './support/placement-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Overseas placements (docs/placements.md): filing, the clause checker, scope, the worker's check, returns, summaries. */
describe('overseas placements', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let licenceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-12-07T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    licenceId = (await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou })).id;
    await t.db.query(`UPDATE licences SET scope = '{"activities":["overseas_placement"],"destinationCountries":["SG","KR","JP"]}' WHERE id = $1`, [licenceId]);
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);
  const post = (user: string, url: string, body: Record<string, unknown>) => t.http().post(url).set('authorization', as[user]).send(body);
  const file = (body: Record<string, unknown>, user = 'agency-fj-1') => post(user, '/api/placements', body);

  let filed: { id: string; checkCode: string; version: number };

  it('files a placement whose contract and training meet the rules: 201 with id, status and a check code, the ID number masked', async () => {
    const response = await file(placementBody()).expect(201);
    expect(response.body).toMatchObject({
      status: 'filed',
      agencyNameZh: '福州海峡人力资源有限公司',
      destinationCountry: 'KR',
      worker: { name: '林小燕', idNumberMasked: `350102********${residentId().slice(-4)}`, phoneMasked: '138****8000' },
      contract: { monthlyWage: 2_300_000, feesChargedToWorker: 0 },
    });
    expect(response.body.checkCode).toMatch(/^[A-Z0-9]{10}$/);
    expect(JSON.stringify(response.body)).not.toContain(residentId());
    expect(JSON.stringify(response.body)).not.toContain('13800138000');
    filed = response.body;
  });

  it('refuses a contract naming every failing clause in both languages (400), and files nothing', async () => {
    const bad = placementBody({
      worker: { idNumber: residentId('19900101', 7) },
      contract: { monthlyWage: 1_500_000, hoursPerWeek: 60, restDaysPerWeek: 0, returnTravelPaidBy: 'worker', feesChargedToWorker: 3000, documentsRetainedByEmployer: true, insurance: false, disputeResolution: '', signedOn: '2027-01-15', durationMonths: 72 },
    });
    const response = await file(bad).expect(400);
    expectProblem(response.body, 400);
    expect(response.body.clauses.map((c: { clause: string }) => c.clause)).toEqual(['wage', 'hours', 'rest', 'duration', 'insurance', 'return-travel', 'no-fees', 'documents', 'disputes', 'signed']);
    const fees = response.body.clauses.find((c: { clause: string }) => c.clause === 'no-fees');
    expect(fees).toEqual({ clause: 'no-fees', field: 'contract.feesChargedToWorker', titleZh: '不向劳动者收取任何费用（雇主付费）', titleEn: 'No fee charged to the worker: the employer pays', messageZh: '不得向劳动者收取任何费用，费用由雇主承担', messageEn: 'no fee may be charged to the worker: the employer pays' });
    expect(response.body.errors).toContainEqual({ field: 'contract.monthlyWage', message: "the monthly wage 1500000 KRW is below the destination's minimum of 2096270 KRW" });
    // In Chinese, the field problems too.
    const zh = await file(bad).set('accept-language', 'zh-CN').expect(400);
    expect(zh.body.errors).toContainEqual({ field: 'contract.documentsRetainedByEmployer', message: '雇主不得扣留劳动者的护照或其他证件' });
    expect(zh.body.errors).toContainEqual({ field: 'contract.monthlyWage', message: '月工资 1500000 KRW 低于目的国最低工资 2096270 KRW' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM placements`))[0].n).toBe(1);
  });

  it('refuses training that is short, late or missing topics, naming what is missing', async () => {
    const response = await file(placementBody({ worker: { idNumber: residentId('19900101', 8) }, training: { hours: 12, topics: ['safety'], completedOn: '2027-01-20' } })).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['training.completedOn', 'training.hours', 'training.topics']);
    expect(response.body.errors[2].message).toBe('pre-departure training must cover the destination’s laws and customs, the worker’s rights and the contract, help lines');
  });

  it('refuses an ID number with a wrong check digit, bad fields and a wrong role', async () => {
    const id = residentId('19900101', 9);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const response = await file(placementBody({ worker: { idNumber: wrong } })).expect(400);
    expect(response.body.errors).toEqual([{ field: 'worker.idNumber', message: 'idNumber is not a valid resident ID number (wrong check digit or birth date)' }]);
    expect(JSON.stringify(response.body)).not.toContain(wrong);
    const shape = await file({ ...placementBody(), destinationCountry: 'Korea', departureDate: 'soon' }).expect(400);
    expect([...new Set(shape.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['departureDate', 'destinationCountry']);
    expectProblem((await file(placementBody(), 'fj-admin').expect(403)).body, 403);
  });

  it('refuses a destination outside the licence (400), no active licence (409) and a domestic placement agency (403)', async () => {
    const body = () => placementBody({ worker: { idNumber: residentId('19900101', 10) } });
    const outside = await file({ ...body(), destinationCountry: 'SA', employer: { name: 'X', country: 'SA', address: 'Riyadh' } }).expect(400);
    expect(outside.body.errors).toEqual([{ field: 'destinationCountry', message: 'the agency’s licence does not cover this destination country' }]);
    await t.db.query(`UPDATE licences SET status = 'suspended' WHERE id = $1`, [licenceId]);
    expect((await file(body()).expect(409)).body.type).toMatch(/no-overseas-licence$/);
    await t.db.query(`UPDATE licences SET status = 'active', licence_type = 'human_resources_service' WHERE id = $1`, [licenceId]);
    await t.db.query(`UPDATE agencies SET agency_type = 'domestic_placement' WHERE id = $1`, [world.agencies.fuzhou]);
    expect((await file(body()).expect(403)).body.type).toMatch(/not-an-overseas-agency$/);
    await t.db.query(`UPDATE agencies SET agency_type = 'overseas_placement' WHERE id = $1`, [world.agencies.fuzhou]);
    await t.db.query(`UPDATE licences SET licence_type = 'overseas_employment' WHERE id = $1`, [licenceId]);
  });

  it('refuses the same worker while she is still abroad (the keyed hash finds her)', async () => {
    expect((await file(placementBody()).expect(409)).body.type).toMatch(/worker-already-placed$/);
  });

  it('lists placements in scope, filtered and keyset-paged, as JSON or CSV; another province gets 404 on the record', async () => {
    await file(placementBody({ worker: { name: '陈美玲', idNumber: residentId('19920505', 44) }, destinationCountry: 'SG', employer: { name: 'Lion Care Pte Ltd', country: 'SG', address: '1 Orchard Rd' }, contract: { currency: 'SGD', monthlyWage: 2200 } })).expect(201);
    const own = await get('agency-fj-1', '/api/placements?limit=1').expect(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.nextCursor).toEqual(expect.any(String));
    const next = await get('agency-fj-1', `/api/placements?limit=1&cursor=${own.body.nextCursor}`).expect(200);
    expect(next.body.items[0].id).not.toBe(own.body.items[0].id);
    expect((await get('fz-admin', '/api/placements?destinationCountry=SG').expect(200)).body.items.map((p: { destinationCountry: string }) => p.destinationCountry)).toEqual(['SG']);
    expect((await get('ministry', `/api/placements?agencyId=${world.agencies.fuzhou}&status=filed&from=2027-01-01&to=2027-01-31`).expect(200)).body.items).toHaveLength(2);
    expect((await get('ln-admin', '/api/placements').expect(200)).body.items).toEqual([]);
    expectProblem((await get('ln-admin', `/api/placements/${filed.id}`).expect(404)).body, 404);
    await get('fj-inspector', `/api/placements/${filed.id}`).expect(200);
    await get('fj-admin', '/api/placements?status=gone').expect(400);
    const csv = await get('fj-admin', '/api/placements').set('accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain(`350102********${residentId().slice(-4)}`);
    expect(csv.text).not.toContain(residentId());
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('lets the worker check her placement with her ID suffix; a wrong suffix answers as an unknown code', async () => {
    const checked = await t.http().get(`/api/public/placements/${filed.checkCode}?idLast4=${residentId().slice(-4)}`).expect(200);
    expect(checked.body).toMatchObject({
      agencyNameZh: '福州海峡人力资源有限公司', licenceValidToday: true, destinationCountry: 'KR', destinationNameZh: '韩国', employerName: 'Hanbit Electronics Co.',
      jobTitle: '电子装配工', monthlyWage: 2_300_000, currency: 'KRW', hoursPerWeek: 44, durationMonths: 36, trainingRecorded: true, trainingHours: 32,
    });
    expect(checked.body.helpLines.map((l: { number: string }) => l.number)).toEqual(expect.arrayContaining(['12333', '12308', '1350']));
    expect(JSON.stringify(checked.body)).not.toMatch(/350102|13800138000|idNumber|phone/);
    const wrong = await t.http().get(`/api/public/placements/${filed.checkCode}?idLast4=0000`).expect(404);
    const unknown = await t.http().get('/api/public/placements/ZZZZZZZZZZ?idLast4=0000').expect(404);
    expect({ ...wrong.body, detail: undefined, instance: undefined, requestId: undefined }).toEqual({ ...unknown.body, detail: undefined, instance: undefined, requestId: undefined });
    await t.http().get(`/api/public/placements/${filed.checkCode}`).expect(400);
  });

  it('rate-limits the public check', async () => {
    const limited = await startTestApp({ sharingDatabaseOf: t, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '2' } });
    try {
      for (let i = 0; i < 2; i += 1) await limited.http().get(`/api/public/placements/${filed.checkCode}?idLast4=0000`).expect(404);
      await limited.http().get(`/api/public/placements/${filed.checkCode}?idLast4=${residentId().slice(-4)}`).expect(429);
    } finally {
      await limited.close();
    }
  });

  it('records a return for abuse: the bureau is asked to act, the risk score counts it; a second return is 409', async () => {
    expectProblem((await post('ln-admin', `/api/placements/${filed.id}/return`, { returnedOn: '2027-02-01', reason: 'abuse', version: filed.version }).expect(404)).body, 404);
    t.clock.set('2027-03-10T02:00:00Z');
    await post('agency-fj-1', `/api/placements/${filed.id}/return`, { returnedOn: '2027-03-11', reason: 'abuse', version: filed.version }).expect(400);
    await post('agency-fj-1', `/api/placements/${filed.id}/return`, { returnedOn: '2027-03-01', reason: 'abuse', version: filed.version + 5 }).expect(409);
    const returned = await post('agency-fj-1', `/api/placements/${filed.id}/return`, { returnedOn: '2027-03-01', reason: 'abuse', note: 'Passport taken, wages withheld', version: filed.version }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'abuse', returnedOn: '2027-03-01' });
    expect((await post('agency-fj-1', `/api/placements/${filed.id}/return`, { returnedOn: '2027-03-01', reason: 'completed', version: returned.body.version }).expect(409)).body.type).toMatch(/illegal-transition$/);
    const told = (await t.db.query(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.kind = 'placement.abuse_reported' ORDER BY 1`)) as { username: string }[];
    expect(told.map((r) => r.username)).toEqual(['fj-admin', 'fz-admin']);
    const inbox = await get('fz-admin', '/api/me/notifications').set('accept-language', 'en').expect(200);
    expect(JSON.stringify(inbox.body)).toContain('returned for abuse');
    const risk = (await t.app.get(RiskService).compute([world.agencies.fuzhou])).get(world.agencies.fuzhou);
    expect(risk?.factors).toContainEqual(expect.objectContaining({ factor: 'placement_abuse', points: 15, detail: '1 worker placed abroad returned for abuse' }));
  });

  it('summarises by destination, province, month and agency for officials in scope', async () => {
    const byDestination = await get('ministry', '/api/placements/summary?groupBy=destination').expect(200);
    expect(byDestination.body.rows).toEqual([
      { key: 'KR', labelZh: '韩国', labelEn: 'South Korea', placements: 1, returnedEarly: 1, abuse: 1 },
      { key: 'SG', labelZh: '新加坡', labelEn: 'Singapore', placements: 1, returnedEarly: 0, abuse: 0 },
    ]);
    expect(byDestination.body.total).toMatchObject({ placements: 2, returnedEarly: 1, abuse: 1 });
    expect((await get('fj-admin', '/api/placements/summary?groupBy=province').expect(200)).body.rows).toEqual([{ key: '350000', labelZh: '福建省', labelEn: 'Fujian', placements: 2, returnedEarly: 1, abuse: 1 }]);
    expect((await get('fz-admin', '/api/placements/summary?groupBy=month').expect(200)).body.rows.map((r: { key: string }) => r.key)).toEqual(['2027-01']);
    expect((await get('fz-admin', '/api/placements/summary?groupBy=agency').expect(200)).body.rows[0].labelZh).toBe('福州海峡人力资源有限公司');
    expect((await get('ln-admin', '/api/placements/summary?groupBy=destination').expect(200)).body.rows).toEqual([]);
    await get('agency-fj-1', '/api/placements/summary?groupBy=destination').expect(403);
    await get('ministry', '/api/placements/summary?groupBy=employer').expect(400);
    const csv = await get('ministry', '/api/placements/summary?groupBy=destination').set('accept', 'text/csv').expect(200);
    expect(csv.text).toContain('KR,韩国,South Korea,1,1,1');
  });

  it('flags an annual report whose declared placements by destination differ from the filed ones', async () => {
    const [report] = (await t.db.query(
      `INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status, workers_placed_abroad, placements_abroad) VALUES ($1, '350100', 2027, 'submitted', 3, '[{"country":"KR","workers":1},{"country":"SG","workers":2}]') RETURNING id`,
      [world.agencies.fuzhou],
    )) as { id: string }[];
    const view = await get('fj-admin', `/api/annual-reports/${report.id}`).expect(200);
    expect(view.body.placementComparison).toEqual([
      { country: 'KR', declared: 1, filed: 1, differs: false },
      { country: 'SG', declared: 2, filed: 1, differs: true },
    ]);
    expect(view.body.placementsDiffer).toBe(true);
  });

  it('lets a complaint name a placement by its code; officials in scope then read the placement beside it', async () => {
    const lodged = await t.http().post('/api/public/complaints').send(complaintBody({ placementCode: filed.checkCode.toLowerCase(), destinationCountry: 'KR' })).expect(201);
    const [complaint] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [lodged.body.trackingCode])) as { id: string }[];
    const seen = await get('fj-admin', `/api/complaints/${complaint.id}`).expect(200);
    expect(seen.body.placementCode).toBe(filed.checkCode);
    expect((await get('fj-admin', `/api/placements?checkCode=${seen.body.placementCode}`).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([filed.id]);
    expect((await get('ln-admin', `/api/placements?checkCode=${filed.checkCode}`).expect(200)).body.items).toEqual([]);
    await get('fj-admin', '/api/placements?checkCode=bad').expect(400);
    await t.http().post('/api/public/complaints').send(complaintBody({ placementCode: 'bad' })).expect(400);
  });

  it('lets the system admin tighten a clause and add a destination; others may not; a stale version is 409', async () => {
    const reference = await get('agency-fj-1', '/api/placements/reference').expect(200);
    const hours = reference.body.clauses.find((c: { code: string }) => c.code === 'hours');
    expect(reference.body.trainingMinHours).toBe(24);
    expect(reference.body.requiredTrainingTopics.map((tpc: { code: string }) => tpc.code)).toEqual(['destination_laws', 'rights_and_contract', 'safety', 'help_lines']);
    const change = { kind: 'max_hours_per_week', params: { max: 40 }, titleZh: '每周工作不超过 40 小时', titleEn: 'At most 40 working hours a week', sourceTitle: hours.sourceTitle, sourceUrl: hours.sourceUrl, version: hours.version };
    await t.http().put('/api/admin/placements/clauses/hours').set('authorization', as['agency-fj-1']).send(change).expect(403);
    await t.http().put('/api/admin/placements/clauses/hours').set('authorization', as.admin).send(change).expect(200);
    await t.http().put('/api/admin/placements/clauses/hours').set('authorization', as.admin).send(change).expect(409);
    const refused = await file(placementBody({ worker: { idNumber: residentId('19930303', 55) }, departureDate: '2027-06-01' })).expect(400);
    expect(refused.body.clauses).toEqual([expect.objectContaining({ clause: 'hours', messageEn: 'working hours must be at most 40 a week' })]);
    const added = await t.http().put('/api/admin/placements/destinations/BN').set('authorization', as.admin)
      .send({ nameZh: '文莱', nameEn: 'Brunei', minimumMonthlyWage: 1000, wageCurrency: 'BND', wageSourceUrl: 'https://www.jastre.gov.bn/' }).expect(200);
    expect(added.body).toMatchObject({ countryCode: 'BN', minimumMonthlyWage: 1000, version: 1 });
    await t.http().put('/api/admin/placements/destinations/BN').set('authorization', as.admin).send({ nameZh: '文莱', nameEn: 'Brunei', minimumMonthlyWage: 1000, version: 1 }).expect(400);
    const audited = (await t.db.query(`SELECT action FROM audit_events WHERE entity_type IN ('placement_contract_clause', 'placement_destination') ORDER BY seq`)) as { action: string }[];
    expect(audited.map((a) => a.action)).toEqual(['placement_clause.update', 'placement_destination.create']);
  });
});
