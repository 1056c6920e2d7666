import { JobRunner } from '@app/scheduler';
import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const REQUIRED = 300_000_000;

/** The reserve-fund ledger of a labour service cooperation agency, its top-up deadline and job. */
describe('reserve funds', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let path: string;
  let licenceNumber: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Thursday before the Mid-autumn Festival (25-27 Sep) and National Day (1-7 Oct, Sat 10 Oct worked).
    t.clock.set('2026-09-24T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    await t.db.query(`UPDATE agencies SET agency_type = 'labour_service_cooperation' WHERE id = $1`, [world.agencies.fuzhou]);
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'labour_service_cooperation' });
    await t.db.query(`UPDATE licences SET reserve_fund_amount = 3000000 WHERE id = $1`, [licence.id]);
    licenceNumber = licence.licenceNumber;
    await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning });
    path = `/api/agencies/${world.agencies.fuzhou}/reserve-fund`;
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);
  const post = (user: string, url: string, body: Record<string, unknown>) => t.http().post(url).set('authorization', as[user]).send(body);
  const entry = (kind: 'deposit' | 'draw', amount: number, extra: Record<string, unknown> = {}) => ({ kind, amount, occurredOn: '2026-09-24', evidence: 'ICBC stmt 0924-001', reason: 'Initial deposit', ...extra });

  it('records a deposit in fen, validated, for labour service cooperation agencies only', async () => {
    const bad = await post('agency-fj-1', `${path}/entries`, { kind: 'loan', amount: 1.5, occurredOn: '2026-09-24', evidence: 'x', reason: 'r' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'evidence', 'kind', 'reason']);
    await post('agency-fj-1', `${path}/entries`, entry('deposit', -5)).expect(400);
    await post('agency-fj-1', `${path}/entries`, entry('deposit', 5, { occurredOn: '2026-09-25' })).expect(400);
    expectProblem((await post('ln-admin', `/api/agencies/${world.agencies.shenyang}/reserve-fund/entries`, entry('deposit', 5)).expect(409)).body, 409);
    // Recorded by the bureau, which holds the bank evidence: verified at once.
    const deposited = await post('fj-admin', `${path}/entries`, entry('deposit', REQUIRED)).expect(201);
    expect(deposited.body).toMatchObject({ balanceFen: REQUIRED, verifiedBalanceFen: REQUIRED, requiredFen: REQUIRED, shortfallFen: 0, topUp: null });
    expect(deposited.body.entries).toEqual([expect.objectContaining({ sequence: 1, kind: 'deposit', amountFen: REQUIRED, balanceAfterFen: REQUIRED, recordedByUsername: 'fj-admin', status: 'verified' })]);
  });

  it('is read in scope only; inspectors read, never write', async () => {
    expectProblem((await get('ln-admin', path).expect(404)).body, 404);
    await get('fj-inspector', path).expect(200);
    await get('ministry', path).expect(200);
    await post('fj-inspector', `${path}/entries`, entry('deposit', 1)).expect(403);
    expectProblem((await get('agency-fj-1', `/api/agencies/${world.agencies.xiamen}/reserve-fund`).expect(404)).body, 404);
  });

  it('a draw names the complaint it paid; below the required amount a top-up is due in 20 working days, across the holidays', async () => {
    const complaint = await post('fj-inspector', '/api/complaints', { ...complaintBody({ licenceNumber, agencyName: undefined }), channel: 'hotline', complainantName: '王五' });
    const otherComplaint = await post('fj-inspector', '/api/complaints', { ...complaintBody(), channel: 'hotline', complainantName: '赵六' });
    expect([complaint.status, otherComplaint.status]).toEqual([201, 201]);
    expect(complaint.body.agencyId).toBe(world.agencies.fuzhou);
    const wrong = await post('fj-admin', `${path}/entries`, entry('draw', 50_000_000, { reason: 'Wages paid to workers', complaintId: otherComplaint.body.id })).expect(400);
    expect(wrong.body.errors[0].field).toBe('complaintId');
    await post('fj-admin', `${path}/entries`, entry('deposit', 5, { complaintId: complaint.body.id })).expect(400);
    expectProblem((await post('fj-admin', `${path}/entries`, entry('draw', REQUIRED + 1, { reason: 'Too much' })).expect(409)).body, 409);
    const drawn = await post('fj-admin', `${path}/entries`, entry('draw', 50_000_000, { reason: 'Wages paid to workers', complaintId: complaint.body.id })).expect(201);
    expect(drawn.body).toMatchObject({ balanceFen: REQUIRED - 50_000_000, shortfallFen: 50_000_000 });
    // Mon-Fri counting would say 2026-10-22; the calendar skips 25 Sep - 7 Oct and counts Saturday 10 Oct.
    expect(drawn.body.topUp).toMatchObject({ startedOn: '2026-09-24', dueOn: '2026-10-29', requiredFen: REQUIRED, balanceAtStartFen: REQUIRED - 50_000_000, metOn: null });
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notifications WHERE kind = 'reserve_fund.top_up_started'`);
    expect(count).toBe(1);
  });

  it('never changes or deletes an entry: a correction is a new entry naming the one it corrects', async () => {
    const [first] = await t.db.query(`SELECT id FROM reserve_fund_entries WHERE agency_id = $1 AND sequence = 1`, [world.agencies.fuzhou]);
    await expect(t.db.query(`UPDATE reserve_fund_entries SET amount_fen = 1 WHERE id = $1`, [first.id])).rejects.toThrow();
    await expect(t.db.query(`DELETE FROM reserve_fund_entries WHERE id = $1`, [first.id])).rejects.toThrow();
    const corrected = await post('agency-fj-1', `${path}/entries`, entry('draw', 100, { reason: 'Bank fee booked twice', correctsEntryId: first.id })).expect(201);
    expect(corrected.body.entries[0]).toMatchObject({ correctsEntryId: first.id, sequence: 3 });
    await post('agency-fj-1', `${path}/entries`, entry('draw', 100, { reason: 'x'.repeat(5), correctsEntryId: '00000000-0000-4000-8000-000000000000' })).expect(400);
  });

  it('keeps the balance exact under 50 concurrent entries', async () => {
    const before = (await get('fj-admin', path).expect(200)).body;
    const requests = Array.from({ length: 50 }, (_, i) => post(i % 2 ? 'fj-admin' : 'agency-fj-1', `${path}/entries`, entry(i % 2 ? 'draw' : 'deposit', i % 2 ? 999_999 : 1_000_003, { reason: `Concurrent ${i}` })));
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const after = (await get('fj-admin', path).expect(200)).body;
    expect(after.balanceFen).toBe(before.balanceFen + 25 * 1_000_003 - 25 * 999_999);
    const [ledger] = await t.db.query(
      `SELECT count(*)::int AS n, max(sequence) AS last, sum(CASE kind WHEN 'deposit' THEN amount_fen ELSE -amount_fen END)::bigint::text AS net
         FROM reserve_fund_entries WHERE agency_id = $1`,
      [world.agencies.fuzhou],
    );
    expect(ledger).toEqual({ n: 53, last: 53, net: String(after.balanceFen) });
    expect(after.entries[0]).toMatchObject({ sequence: 53, balanceAfterFen: after.balanceFen });
    // Each entry's balance follows from the one before it.
    const chain = [...after.entries].reverse() as { kind: string; amountFen: number; balanceAfterFen: number }[];
    chain.reduce((balance, e) => {
      expect(e.balanceAfterFen).toBe(balance + (e.kind === 'deposit' ? e.amountFen : -e.amountFen));
      return e.balanceAfterFen;
    }, 0);
  });

  it('the job reminds 5 days before the due date, records the overdue top-up once, and a deposit ends it', async () => {
    const run = () => t.app.get(JobRunner).runJob('reserve-fund-top-ups', 'test');
    t.clock.set('2026-10-20T02:00:00Z');
    expect(await run()).toMatchObject({ counts: { started: 0, reminders: 0, overdue: 0 } });
    t.clock.set('2026-10-26T02:00:00Z');
    expect(await run()).toMatchObject({ counts: { reminders: 1 } });
    expect(await run()).toMatchObject({ counts: { reminders: 0 } });
    t.clock.set('2026-10-30T02:00:00Z');
    expect(await run()).toMatchObject({ counts: { overdue: 1 } });
    expect(await run()).toMatchObject({ counts: { overdue: 0 } });
    const cases = await t.db.query(`SELECT c.status, c.proposed_sanction AS "proposedSanction" FROM enforcement_cases c JOIN case_grounds g ON g.case_id = c.id WHERE g.kind = 'reserve_fund_overdue'`);
    expect(cases).toEqual([{ status: 'opened', proposedSanction: 'warning' }]);
    const notified = await t.db.query(`SELECT recipient_user_id AS "user" FROM notifications WHERE kind = 'reserve_fund.top_up_overdue'`);
    expect(notified.map((n: { user: string }) => n.user).sort()).toEqual([world.users['agency-fj-1'], world.users['fj-admin']].sort());
    const view = (await get('fj-admin', path).expect(200)).body;
    expect(view.topUp.overdueAt).not.toBeNull();
    // The agency's deposit is declared: the top-up ends when the bureau has verified its evidence.
    const toppedUp = await post('agency-fj-1', `${path}/entries`, entry('deposit', view.shortfallFen, { occurredOn: '2026-10-30', reason: 'Top-up' })).expect(201);
    expect(toppedUp.body).toMatchObject({ topUp: { dueOn: '2026-10-29' }, shortfallFen: view.shortfallFen });
    const verified = await post('fj-admin', `${path}/entries/${toppedUp.body.entries[0].id}/verify`, { version: toppedUp.body.version }).expect(200);
    expect(verified.body).toMatchObject({ topUp: null, shortfallFen: 0 });
    expect(verified.body.pastTopUps[0]).toMatchObject({ metOn: '2026-10-30', dueOn: '2026-10-29' });
  });

  it('the job starts a top-up when the required amount rises above the balance', async () => {
    await t.db.query(`UPDATE licences SET reserve_fund_amount = 5000000 WHERE agency_id = $1`, [world.agencies.fuzhou]);
    t.clock.set('2026-11-02T02:00:00Z');
    expect(await t.app.get(JobRunner).runJob('reserve-fund-top-ups', 'test')).toMatchObject({ counts: { started: 1 } });
    const view = (await get('agency-fj-1', path).expect(200)).body;
    expect(view).toMatchObject({ requiredFen: 500_000_000, topUp: { startedOn: '2026-11-02', requiredFen: 500_000_000 } });
  });
});
