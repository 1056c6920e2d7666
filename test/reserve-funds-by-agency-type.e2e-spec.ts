import { JobRunner } from '@app/scheduler';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const REQUIRED = 300_000_000;

/**
 * Reserve funds follow the agency's type: a labour service cooperation agency that never deposited
 * is chased from its licence; a type that needs no fund shows no shortfall; an agency's own deposit
 * counts only once a bureau official has verified its bank evidence.
 */
describe('reserve funds by agency type, verified by the bureau', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  const path = () => `/api/agencies/${world.agencies.fuzhou}/reserve-fund`;
  const run = () => t.app.get(JobRunner).runJob('reserve-fund-top-ups', 'test');

  beforeAll(async () => {
    t = await startTestApp();
    // Thursday before the Mid-autumn Festival (25-27 Sep) and National Day (1-7 Oct).
    t.clock.set('2026-09-24T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    await t.db.query(`UPDATE agencies SET agency_type = 'labour_service_cooperation' WHERE id = ANY($1)`, [[world.agencies.fuzhou, world.agencies.xiamen]]);
    const fuzhou = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'labour_service_cooperation', validFrom: '2026-09-01' });
    const xiamen = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.fujian, licenceType: 'labour_service_cooperation', validFrom: '2026-07-01' });
    await t.db.query(`UPDATE licences SET reserve_fund_amount = 3000000 WHERE id = ANY($1)`, [[fuzhou.id, xiamen.id]]);
    // Shenyang places workers abroad under an overseas employment licence: no reserve fund.
    await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning });
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);
  const post = (user: string, url: string, body: Record<string, unknown>) => t.http().post(url).set('authorization', as[user]).send(body);
  const deposit = (amount: number) => ({ kind: 'deposit', amount, occurredOn: '2026-09-24', evidence: 'ICBC stmt 0924-001', reason: 'Reserve fund deposit' });

  it('an agency that must hold a fund and never deposited gets a top-up due 20 working days from its licence, and is chased', async () => {
    expect(await run()).toMatchObject({ counts: { firstDue: 2 } });
    expect(await run()).toMatchObject({ counts: { firstDue: 0, started: 0 } });
    const view = (await get('agency-fj-1', path()).expect(200)).body;
    // 1 Sep + 20 working days of the official calendar.
    expect(view).toMatchObject({ fundRequired: true, balanceFen: 0, verifiedBalanceFen: 0, requiredFen: REQUIRED, shortfallFen: REQUIRED, topUp: { startedOn: '2026-09-01', dueOn: '2026-09-29' } });
    const told = await t.db.query(`SELECT recipient_user_id AS "user" FROM notifications WHERE kind = 'reserve_fund.top_up_started'`);
    expect(told.map((n: { user: string }) => n.user)).toEqual([world.users['agency-fj-1']]);
    // Xiamen's first deposit was due in August: recorded overdue at once, a case proposed, its licensing bureau told.
    const [xiamen] = await t.db.query(`SELECT due_on::text AS due, overdue_at IS NOT NULL AS overdue FROM reserve_fund_top_ups WHERE agency_id = $1`, [world.agencies.xiamen]);
    expect(xiamen).toEqual({ due: '2026-07-29', overdue: true });
    const cases = await t.db.query(`SELECT c.agency_id AS "agencyId" FROM enforcement_cases c JOIN case_grounds g ON g.case_id = c.id WHERE g.kind = 'reserve_fund_overdue'`);
    expect(cases).toEqual([{ agencyId: world.agencies.xiamen }]);
    const overdueTold = await t.db.query(`SELECT recipient_user_id AS "user" FROM notifications WHERE kind = 'reserve_fund.top_up_overdue'`);
    expect(overdueTold.map((n: { user: string }) => n.user)).toEqual([world.users['fj-admin']]);
  });

  it('a type that needs no fund shows no shortfall and is never chased', async () => {
    const view = (await get('ln-admin', `/api/agencies/${world.agencies.shenyang}/reserve-fund`).expect(200)).body;
    expect(view).toMatchObject({ fundRequired: false, requiredFen: 0, shortfallFen: 0, topUp: null });
    expect(await t.db.query(`SELECT 1 FROM reserve_fund_top_ups WHERE agency_id = $1`, [world.agencies.shenyang])).toEqual([]);
    expectProblem((await post('ln-admin', `/api/agencies/${world.agencies.shenyang}/reserve-fund/entries`, deposit(5)).expect(409)).body, 409);
  });

  it("the agency's own deposit stays declared and ends nothing until a bureau official verifies it", async () => {
    const declared = (await post('agency-fj-1', `${path()}/entries`, deposit(REQUIRED)).expect(201)).body;
    expect(declared).toMatchObject({ balanceFen: REQUIRED, verifiedBalanceFen: 0, shortfallFen: REQUIRED, topUp: { dueOn: '2026-09-29', metOn: null } });
    expect(declared.entries[0]).toMatchObject({ status: 'declared', verifiedAt: null });
    expect(await run()).toMatchObject({ counts: { met: 0 } });
    const entryId = declared.entries[0].id;
    await post('agency-fj-1', `${path()}/entries/${entryId}/verify`, { version: declared.version }).expect(403);
    await post('fj-inspector', `${path()}/entries/${entryId}/verify`, { version: declared.version }).expect(403);
    expectProblem((await post('ln-admin', `${path()}/entries/${entryId}/verify`, { version: declared.version }).expect(404)).body, 404);
    expectProblem((await post('fj-admin', `${path()}/entries/${entryId}/verify`, { version: declared.version - 1 }).expect(409)).body, 409);
    expect((await post('fj-admin', `${path()}/entries/${entryId}/verify`, {}).expect(400)).body.errors[0].field).toBe('version');
    const verified = (await post('fj-admin', `${path()}/entries/${entryId}/verify`, { version: declared.version }).expect(200)).body;
    expect(verified).toMatchObject({ balanceFen: REQUIRED, verifiedBalanceFen: REQUIRED, shortfallFen: 0, topUp: null, version: declared.version + 1 });
    expect(verified.entries[0]).toMatchObject({ id: entryId, status: 'verified' });
    expect(verified.pastTopUps[0]).toMatchObject({ startedOn: '2026-09-01', metOn: '2026-09-24' });
    expectProblem((await post('fj-admin', `${path()}/entries/${entryId}/verify`, { version: verified.version }).expect(409)).body, 409);
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'reserve_fund.verify' AND entity_id = $1`, [entryId]);
    expect(audit.n).toBe(1);
  });

  it("an official's entry is verified as recorded; a draw counts against the verified balance at once", async () => {
    const drawn = (await post('agency-fj-1', `${path()}/entries`, { ...deposit(1_000_000), kind: 'draw', reason: 'Wages paid to workers' }).expect(201)).body;
    expect(drawn).toMatchObject({ balanceFen: REQUIRED - 1_000_000, verifiedBalanceFen: REQUIRED - 1_000_000, shortfallFen: 1_000_000, topUp: { startedOn: '2026-09-24' } });
    const byBureau = (await post('fj-admin', `${path()}/entries`, deposit(1_000_000)).expect(201)).body;
    expect(byBureau).toMatchObject({ verifiedBalanceFen: REQUIRED, topUp: null });
    expect(byBureau.entries[0]).toMatchObject({ status: 'verified' });
  });
});
