import { complaintBody } from './support/complaint-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The public form is rate-limited per address, bounded in size, and leaves no secret in the audit trail. */
describe('public complaints: limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('bounds sizes: categories, description, names and the idempotency key', async () => {
    const big = await t
      .http()
      .post('/api/public/complaints')
      .send(complaintBody({ categories: Array.from({ length: 11 }, (_, i) => `c${i}`), description: 'y'.repeat(5001), complainantName: 'n'.repeat(201) }))
      .expect(400);
    const fields = new Set((big.body.errors as { field: string }[]).map((e) => e.field));
    expect([...fields].sort()).toEqual(['categories', 'complainantName', 'description']);
    const key = await t.http().post('/api/public/complaints').set('idempotency-key', 'k'.repeat(101)).send(complaintBody()).expect(400);
    expect(key.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('refuses submissions past the per-address budget within a minute (429)', async () => {
    // Two of the budget of five went on the refused bodies above.
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/public/complaints').send(complaintBody({ description: `Rate limit submission ${i}.` })).expect(201);
    }
    const refused = await t.http().post('/api/public/complaints').send(complaintBody({ description: 'One too many.' })).expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
  });

  it('audits each complaint without its secret or the secret hash', async () => {
    const events = (await t.db.query(`SELECT actor_username, after FROM audit_events WHERE action = 'complaint.create'`)) as {
      actor_username: string;
      after: Record<string, unknown>;
    }[];
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.actor_username).toBe('public');
      expect(Object.keys(event.after)).not.toEqual(expect.arrayContaining(['secretHash']));
      expect(event.after.secretHash).toBeUndefined();
      expect(event.after.secretSalt).toBeUndefined();
      expect(event.after.dedupHash).toBeUndefined();
    }
  });

});
