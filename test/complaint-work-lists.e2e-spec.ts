import { SettableClock } from '@app/core';
import { complaintBody } from './support/complaint-fixtures';
import { seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 23 November 2026, 10:00 in Shanghai. */
const MONDAY = '2026-11-23T02:00:00.000Z';

/**
 * Lists of work put what is due first: overdue, then due soonest, disposed-of last; each row
 * carries urgency, the running deadline with its SLA colour and the assignee; notifications
 * about complaints link to them or to the filtered list.
 */
describe('complaint work lists', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock(MONDAY) });
    await seedWorld(t);
    auth = await signInAll(t);
    const lodge = async (key: string, categories: string[]) => {
      const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ categories, description: `Work list ${key}.` })).expect(201);
      codes[key] = receipt.body.trackingCode as string;
      t.clock.advance(60_000);
    };
    await lodge('closed', ['no_written_contract']);
    await lodge('normal', ['no_written_contract']);
    await lodge('urgent', ['document_retention']);
    await lodge('overdue', ['no_written_contract']);
    // Lodged a day later, so that its deadline falls after normal's (deadlines run to the end of a
    // working day; equal deadlines come in no set order); then back to Monday for the SLA colours.
    t.clock.advance(24 * 3600_000);
    await lodge('newest', ['no_written_contract']);
    t.clock.set('2026-11-23T02:10:00.000Z');
    await t.db.query(`UPDATE complaints SET status = 'closed', resolved_at = now() WHERE tracking_code = $1`, [codes.closed]);
    await t.db.query(`UPDATE complaints SET ack_due_at = $2 WHERE tracking_code = $1`, [codes.overdue, '2026-11-20T02:00:00Z']);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}) => t.http().get('/api/complaints').query(query).set('authorization', auth['fz-admin']);
  const order = (items: { trackingCode: string }[]) => items.map((c) => Object.entries(codes).find(([, code]) => code === c.trackingCode)?.[0]);

  it('sorts by default overdue first, then by the running deadline, disposed-of last', async () => {
    const page = await list().expect(200);
    expect(order(page.body.items)).toEqual(['overdue', 'urgent', 'normal', 'newest', 'closed']);
    const [overdue, urgent, , , closed] = page.body.items;
    expect(overdue).toMatchObject({ overdue: true, slaStatus: 'breached', nextDueAt: '2026-11-20T02:00:00.000Z' });
    expect(urgent).toMatchObject({ severity: 'urgent', overdue: false });
    expect(closed).toMatchObject({ status: 'closed', nextDueAt: null, slaStatus: 'stopped' });
    expect(Object.keys(urgent)).toEqual(expect.arrayContaining(['assigneeName', 'assigneeId', 'severity', 'nextDueAt', 'slaStatus']));
  });

  it('pages through the work order with keyset cursors', async () => {
    const first = await list({ limit: 2 }).expect(200);
    const second = await list({ limit: 2, cursor: first.body.nextCursor }).expect(200);
    const third = await list({ limit: 2, cursor: second.body.nextCursor }).expect(200);
    expect([...order(first.body.items), ...order(second.body.items), ...order(third.body.items)]).toEqual(['overdue', 'urgent', 'normal', 'newest', 'closed']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('keeps the order of receipt on request, and refuses an unknown order', async () => {
    const page = await list({ sort: 'received' }).expect(200);
    expect(order(page.body.items)).toEqual(['newest', 'overdue', 'urgent', 'normal', 'closed']);
    const bad = await list({ sort: 'severity' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
  });

  it('moves a complaint in the order when its deadline changes, and to the end once disposed of', async () => {
    await t.db.query(`UPDATE complaints SET status = 'dismissed' WHERE tracking_code = $1`, [codes.overdue]);
    const page = await list().expect(200);
    expect(order(page.body.items)).toEqual(['urgent', 'normal', 'newest', 'overdue', 'closed']);
  });

  it('links SLA breach notices to the list of overdue complaints (province admins get them)', async () => {
    await t.db.query(`UPDATE complaints SET status = 'received', ack_due_at = $2 WHERE tracking_code = ANY($1)`, [[codes.overdue, codes.normal], '2026-11-20T02:00:00Z']);
    const { JobRunner } = await import('@app/scheduler');
    await t.app.get(JobRunner).runJob('complaint-sla');
    const inbox = await t.http().get('/api/me/notifications').set('authorization', auth['fj-admin']).expect(200);
    const breach = (inbox.body.items as { kind: string; link: string | null }[]).find((n) => n.kind === 'complaint.sla_breached');
    expect(breach?.link).toBe('/complaints?overdue=true');
  });
});
