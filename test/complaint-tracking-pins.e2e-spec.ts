import { complaintBody } from './support/complaint-fixtures';
import { login, seedWorld } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A worker follows her complaint with the short tracking code and a 6-digit PIN; wrong PINs lock
 * the code for a while whatever address they come from; the long secret keeps working.
 */
describe('complaint tracking by code and PIN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  const lodge = async (description: string) =>
    (await t.http().post('/api/public/complaints').send(complaintBody({ description })).expect(201)).body as { trackingCode: string; pin: string; secret: string };
  const track = (code: string, headers: Record<string, string>) => {
    const req = t.http().get(`/api/public/complaints/${encodeURIComponent(code)}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req;
  };

  it('gives a 6-digit PIN on the receipt, follows with it, and keeps only a hash of it', async () => {
    const receipt = await lodge('PIN test: my passport was kept by the agency.');
    expect(receipt.pin).toMatch(/^\d{6}$/);
    expect(receipt.trackingCode).toMatch(/^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const followed = await track(receipt.trackingCode, { 'x-complaint-pin': receipt.pin }).expect(200);
    expect(followed.body).toMatchObject({ trackingCode: receipt.trackingCode, status: 'received' });
    const [row] = (await t.db.query(`SELECT pin_hash FROM complaints WHERE tracking_code = $1`, [receipt.trackingCode])) as { pin_hash: string }[];
    expect(row.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.pin_hash).not.toContain(receipt.pin);
    const audit = (await t.db.query(`SELECT after::text AS after FROM audit_events WHERE action = 'complaint.create'`)) as { after: string }[];
    for (const event of audit) expect(event.after).not.toMatch(/pinHash|pin_hash/);
  });

  it('gives the same PIN to a retried submission', async () => {
    const body = complaintBody({ description: 'Retry test: the same complaint sent twice.' });
    const first = await t.http().post('/api/public/complaints').set('idempotency-key', 'retry-key-0001').send(body).expect(201);
    const second = await t.http().post('/api/public/complaints').set('idempotency-key', 'retry-key-0001').send(body).expect(201);
    expect(second.body.trackingCode).toBe(first.body.trackingCode);
    expect(second.body.pin).toBe(first.body.pin);
  });

  it('reads the code as a phone types it: lower case, spaces, full-width, no dashes', async () => {
    const receipt = await lodge('Normalising test: fees were charged.');
    const plain = receipt.trackingCode.replace(/-/g, '');
    const fullWidth = [...receipt.trackingCode.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    for (const typed of [receipt.trackingCode.toLowerCase(), plain.replace(/(.{4})/g, '$1 '), fullWidth]) {
      const followed = await track(typed, { 'x-complaint-pin': ` ${receipt.pin} ` }).expect(200);
      expect(followed.body.trackingCode).toBe(receipt.trackingCode);
    }
  });

  it('answers a wrong PIN like an unknown code, and asks for a PIN or secret when none is sent', async () => {
    const receipt = await lodge('Wrong PIN test: no contract was given.');
    const wrongPin = receipt.pin === '000000' ? '000001' : '000000';
    const wrong = await track(receipt.trackingCode, { 'x-complaint-pin': wrongPin }).expect(404);
    const unknown = await track('CP-AAAAA-AAAAB', { 'x-complaint-pin': receipt.pin }).expect(404);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    const missing = await track(receipt.trackingCode, {}).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'X-Complaint-Pin' })]);
    const zh = await track(receipt.trackingCode, { 'accept-language': 'zh-CN' }).expect(400);
    expect(zh.body.errors[0].message).toMatch(/PIN/);
    expect(zh.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('locks a tracking code after five wrong PINs from any address, even the right PIN, then frees it', async () => {
    const receipt = await lodge('Lock test: wages were withheld.');
    const wrongPin = receipt.pin === '999999' ? '999998' : '999999';
    for (let i = 0; i < 4; i++) await track(receipt.trackingCode, { 'x-complaint-pin': wrongPin, 'x-forwarded-for': `10.0.0.${i}` }).expect(404);
    const fifth = await track(receipt.trackingCode, { 'x-complaint-pin': wrongPin }).expect(429);
    expect(fifth.body).toMatchObject({ status: 429, type: expect.stringMatching(/tracking-locked$/) });
    expect(Date.parse(fifth.body.lockedUntil as string)).toBe(t.clock.now().getTime() + 15 * 60_000);
    const right = await track(receipt.trackingCode, { 'x-complaint-pin': receipt.pin, 'accept-language': 'zh' }).expect(429);
    expect(right.body.detail).toMatch(/15 分钟/);
    // Even the long secret waits: the code, not the proof, is locked.
    await track(receipt.trackingCode, { 'x-complaint-secret': receipt.secret }).expect(429);
    t.clock.advance(15 * 60_000 + 1000);
    await track(receipt.trackingCode, { 'x-complaint-pin': receipt.pin }).expect(200);
    // Success clears the count: four more wrong PINs do not lock it again.
    for (let i = 0; i < 4; i++) await track(receipt.trackingCode, { 'x-complaint-pin': wrongPin }).expect(404);
    await track(receipt.trackingCode, { 'x-complaint-pin': receipt.pin }).expect(200);
  });

  it('locks an unknown code as it locks a real one, so a lock tells nothing', async () => {
    for (let i = 0; i < 4; i++) await track('CP-ZZZZZ-ZZZZ2', { 'x-complaint-pin': '123456' }).expect(404);
    await track('CP-ZZZZZ-ZZZZ2', { 'x-complaint-pin': '123456' }).expect(429);
  });

  it('keeps the long secret working, also for complaints filed before PINs', async () => {
    const receipt = await lodge('Old secret test: filed before PINs existed.');
    await track(receipt.trackingCode, { 'x-complaint-secret': receipt.secret }).expect(200);
    await t.db.query(`UPDATE complaints SET pin_hash = NULL WHERE tracking_code = $1`, [receipt.trackingCode]);
    await track(receipt.trackingCode, { 'x-complaint-secret': receipt.secret }).expect(200);
    await track(receipt.trackingCode, { 'x-complaint-pin': receipt.pin }).expect(404);
  });

  it('gives officials a PIN to pass on with an official entry', async () => {
    await seedWorld(t);
    const { accessToken } = await login(t, 'fz-admin');
    const created = await t
      .http()
      .post('/api/complaints')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ ...complaintBody({ description: 'Hotline: passport kept.' }), channel: 'hotline' })
      .expect(201);
    expect(created.body.pin).toMatch(/^\d{6}$/);
    await track(created.body.trackingCode as string, { 'x-complaint-pin': created.body.pin as string }).expect(200);
  });
});
