import { JobRunner, JobRunRecord } from '@app/scheduler';
import { seedWorld, World } from './support/fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Complaint deadlines escalate to the province bureau once; the trends rollup is checked and repaired. */
describe('complaint jobs', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-08T02:00:00Z'); // a Monday
    world = await seedWorld(t);
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    await t.http().post('/api/public/complaints').send(complaintBody({ licenceNumber: licence.licenceNumber, agencyName: undefined, complainantName: '王五' })).expect(201);
  });
  afterAll(() => t.close());

  const run = (job: string) => t.app.get(JobRunner).runJob(job, 'test');

  it('flags a complaint not acknowledged in time and escalates it to the province bureau, once', async () => {
    expect(await run('complaint-sla')).toMatchObject({ status: 'succeeded', counts: { breached: 0, escalations: 0 } });
    t.clock.set('2026-06-22T02:00:00Z');
    expect(await run('complaint-sla')).toMatchObject({ counts: { breached: 1, escalations: 1 } });
    const escalations = await t.db.query(`SELECT recipient_user_id::text AS "user", payload FROM notifications WHERE kind = 'complaint.sla_breached'`);
    expect(escalations.map((n: { user: string }) => n.user)).toEqual([world.users['fj-admin']]);
    expect(JSON.stringify(escalations[0].payload)).not.toMatch(/王五/);
    expect(await run('complaint-sla')).toMatchObject({ counts: { breached: 0, escalations: 0 } });
  });

  it('finds the rollup exact, and rebuilds it when it was altered', async () => {
    expect(await run('complaint-rollup-check')).toMatchObject({ counts: { discrepancies: 0 } });
    await t.db.query(`DELETE FROM complaint_daily_counts`);
    const repaired = await run('complaint-rollup-check');
    expect(repaired).toMatchObject({ counts: { discrepancies: expect.any(Number), rebuiltRows: expect.any(Number) } });
    expect((repaired as JobRunRecord).counts?.discrepancies).toBeGreaterThan(0);
    expect(await run('complaint-rollup-check')).toMatchObject({ counts: { discrepancies: 0 } });
  });
});
