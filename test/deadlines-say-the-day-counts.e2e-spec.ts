import { seedWorld, signInAll, World } from './support/fixtures';
import { inspect } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A deadline reads the same in the inbox, on the page and in the PDF, in both languages: the day
 * itself counts ("2026年6月23日（含当日）前" / "by the end of 23 June 2026"); the working days left
 * of a 5-working-day window are 5 on the day it opens, never 6.
 */
describe('deadlines say whether the day counts', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Monday 15 June 2026; Friday 19 June is the Dragon Boat Festival.
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    const inspection = await inspect(t, as['fj-inspector'], world.agencies.fuzhou, { inspectionDate: '2026-06-15' });
    const opened = await t
      .http()
      .post('/api/cases')
      .set('authorization', as['fj-admin'])
      .send({
        agencyId: world.agencies.fuzhou,
        grounds: [{ kind: 'inspection', reference: inspection.id }],
        proposedSanction: 'warning',
        legalBasis: '人力资源市场暂行条例 第四十五条',
        facts: 'The agency held the passports of 12 workers.',
      })
      .expect(201);
    caseId = opened.body.id;
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);

  it('the notice counts 5 working days left on the day it is served, and the day of the deadline as the last', async () => {
    const served = (await t.http().post(`/api/cases/${caseId}/notice`).set('authorization', as['fj-admin']).send({ version: 1 }).expect(200)).body;
    expect(served).toMatchObject({ representationDueOn: '2026-06-23', representationWorkingDaysLeft: 5 });
    t.clock.set('2026-06-16T02:00:00Z');
    expect((await get('fj-admin', `/api/cases/${caseId}`).expect(200)).body.representationWorkingDaysLeft).toBe(5);
    t.clock.set('2026-06-23T09:00:00Z');
    expect((await get('fj-admin', `/api/cases/${caseId}`).expect(200)).body.representationWorkingDaysLeft).toBe(1);
    t.clock.set('2026-06-24T02:00:00Z');
    expect((await get('fj-admin', `/api/cases/${caseId}`).expect(200)).body.representationWorkingDaysLeft).toBe(0);
  });

  it('the inbox says the day counts, in both languages', async () => {
    const inbox = (await get('agency-fj-1', '/api/me/notifications').expect(200)).body.items as { kind: string; bodyZh: string; bodyEn: string }[];
    const notice = inbox.find((n) => n.kind === 'case.notice_served')!;
    expect(notice.bodyZh).toContain('于 2026年6月23日（含当日）前陈述申辩');
    expect(notice.bodyEn).toContain('make representations by the end of 23 June 2026');
    expect(notice.bodyZh).not.toContain('2026-06-23');
  });
});
