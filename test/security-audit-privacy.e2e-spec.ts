import { AuditService } from '@app/audit';
import { complaintBody } from './support/complaint-fixtures';
import { seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const NAME = '钱七七';
const CONTACT = 'qian.qiqi@example.cn';
const DESCRIPTION = 'They took my passport P98765432 and demanded 9000 yuan.';

/** The audit trail must not become a way around complaint confidentiality (the system admin has no case data). */
describe('audit trail: complainants\' personal data is neither stored nor shown', () => {
  let t: TestApp;
  let as: Record<string, string>;
  let complaintId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    as = await signInAll(t);
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ complainantName: NAME, complainantContact: CONTACT, description: DESCRIPTION })).expect(201);
    complaintId = receipt.body.id ?? (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode]))[0].id;
    const [{ version }] = await t.db.query(`SELECT version FROM complaints WHERE id = $1`, [complaintId]);
    await t.http().post(`/api/complaints/${complaintId}/transition`).set('authorization', as['fz-admin']).send({ to: 'triaged', note: 'checked', version }).expect(200);
  });
  afterAll(() => t.close());

  it('stores which personal fields a complaint has, never their values, on create and on change', async () => {
    const rows = (await t.db.query(`SELECT action, before::text AS before, after::text AS after FROM audit_events WHERE entity_type = 'complaint' AND entity_id = $1 ORDER BY seq`, [complaintId])) as { action: string; before: string | null; after: string }[];
    expect(rows.map((r) => r.action)).toEqual(['complaint.create', 'complaint.transition']);
    for (const row of rows) {
      for (const secret of [NAME, 'qian.qiqi', 'P98765432', '9000 yuan']) {
        expect(`${row.before} ${row.after}`).not.toContain(secret);
      }
    }
    const created = JSON.parse(rows[0].after);
    expect(created.personalDataFields).toEqual(['complainantName', 'complainantContact', 'description']);
    expect(JSON.parse(rows[1].after).personalDataChanged).toEqual([]);
  });

  it('withholds case payloads from the system admin, who sees only that the event happened', async () => {
    const response = await t.http().get('/api/audit').query({ entityType: 'complaint', entityId: complaintId }).set('authorization', as.admin).expect(200);
    expect(response.body.items).toHaveLength(2);
    for (const item of response.body.items) {
      expect(item).toMatchObject({ entityType: 'complaint', before: null, after: null, payloadWithheld: true });
    }
    // Users, bureaus and reference data are the system admin's to read.
    const users = await t.http().get('/api/audit').query({ entityType: 'user' }).set('authorization', as.admin).expect(200);
    expect(users.body.items.every((item: { payloadWithheld?: boolean }) => !item.payloadWithheld)).toBe(true);
  });

  it('shows the ministry the case payload without personal data, also in rows written before the fix', async () => {
    // A row as the registry wrote them before: the complainant's name, contact and text in `after`.
    await t.db.transaction((manager) =>
      t.app.get(AuditService).record(manager, { action: 'complaint.create', entityType: 'complaint', entityId: complaintId, after: { complainantName: NAME, complainantContact: CONTACT, description: DESCRIPTION, status: 'received' } }),
    );
    const response = await t.http().get('/api/audit').query({ entityType: 'complaint', entityId: complaintId }).set('authorization', as.ministry).expect(200);
    expect(response.body.items).toHaveLength(3);
    const text = JSON.stringify(response.body);
    for (const secret of [NAME, 'qian.qiqi', 'P98765432']) expect(text).not.toContain(secret);
    expect(response.body.items[0].after).toEqual({ status: 'received', personalDataWithheld: true });
    expect(response.body.items[1].after.status).toBe('triaged');
    // Withholding on read leaves the chain as written.
    const verify = await t.http().get('/api/audit/verify').set('authorization', as.admin).expect(200);
    expect(verify.body.valid).toBe(true);
  });
});
