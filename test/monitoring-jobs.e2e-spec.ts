import { JobRunner } from '@app/scheduler';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect, itemCodes, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The monitoring deadlines as scheduled jobs: reminders before, overdue after, each once. */
describe('monitoring jobs', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-10T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
  });
  afterAll(() => t.close());

  const run = (job: string) => t.app.get(JobRunner).runJob(job, 'test');
  const notifications = async (kind: string) => (await t.db.query(`SELECT recipient_user_id::text AS "user", payload FROM notifications WHERE kind = $1`, [kind])) as { user: string; payload: Record<string, unknown> }[];

  it('reminds the agency of corrective actions 7 days and 1 day before, then marks them overdue and tells the inspector, once', async () => {
    const codes = await itemCodes(t, await seededTemplateId(t));
    const minor = codes[codes.length - 1];
    await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { results: { [minor]: 'non_compliant' } });
    const [action] = await t.db.query(`SELECT id, due_on::text AS "dueOn" FROM corrective_actions WHERE agency_id = $1`, [world.agencies.fuzhou]);
    const day = (offset: number) => new Date(new Date(`${action.dueOn}T02:00:00Z`).getTime() + offset * 86_400_000).toISOString();

    t.clock.set(day(-7));
    expect(await run('corrective-action-deadlines')).toMatchObject({ status: 'succeeded', counts: { dueSoon: 1, reminders: 1 } });
    expect((await notifications('corrective_action.due')).map((n) => n.user)).toEqual([world.users['agency-fj-1']]);
    await run('corrective-action-deadlines');
    expect(await notifications('corrective_action.due')).toHaveLength(1);

    t.clock.set(day(-1));
    await run('corrective-action-deadlines');
    expect(await notifications('corrective_action.due')).toHaveLength(2);

    t.clock.set(day(1));
    expect(await run('corrective-action-deadlines')).toMatchObject({ counts: { overdue: 1, overdueNotices: 2 } });
    const [{ status }] = await t.db.query(`SELECT status FROM corrective_actions WHERE id = $1`, [action.id]);
    expect(status).toBe('overdue');
    expect((await notifications('corrective_action.overdue')).map((n) => n.user).sort()).toEqual([world.users['agency-fj-1'], world.users['fz-inspector']].sort());
    expect(await run('corrective-action-deadlines')).toMatchObject({ counts: { overdue: 0, overdueNotices: 0 } });
  });

  it('reminds agencies of self-assessments 30 and 7 days before, flags the overdue once and raises their risk', async () => {
    t.clock.set('2026-06-10T02:00:00Z');
    await t.http().post('/api/self-assessments').set('authorization', as['fj-admin']).send({ period: 2026, dueOn: '2026-09-30', agencyId: world.agencies.fuzhou }).expect(201);
    t.clock.set('2026-08-31T02:00:00Z');
    expect(await run('self-assessment-deadlines')).toMatchObject({ counts: { dueSoon: 1, reminders: 1 } });
    t.clock.set('2026-09-23T02:00:00Z');
    expect(await run('self-assessment-deadlines')).toMatchObject({ counts: { dueSoon: 1, reminders: 1 } });
    expect(await notifications('self_assessment.due')).toHaveLength(2);

    t.clock.set('2026-10-01T02:00:00Z');
    expect(await run('self-assessment-deadlines')).toMatchObject({ counts: { overdue: 1, overdueNotices: 2 } });
    expect((await notifications('self_assessment.overdue')).map((n) => n.user).sort()).toEqual([world.users['agency-fj-1'], world.users['fj-admin']].sort());
    expect(await run('self-assessment-deadlines')).toMatchObject({ counts: { overdue: 1, overdueNotices: 0 } });
    const [agency] = await t.db.query(`SELECT risk_factors FROM agencies WHERE id = $1`, [world.agencies.fuzhou]);
    expect(JSON.stringify(agency.risk_factors)).toMatch(/self/i);
  });

  it('recomputes every agency’s risk score nightly', async () => {
    await t.db.query(`UPDATE agencies SET risk_score = NULL, risk_factors = NULL`);
    expect(await run('risk-scores')).toMatchObject({ status: 'succeeded', counts: { agencies: 3 } });
    const [{ scored }] = await t.db.query(`SELECT count(*)::int AS scored FROM agencies WHERE risk_score IS NOT NULL AND risk_factors IS NOT NULL`);
    expect(scored).toBe(3);
  });
});
