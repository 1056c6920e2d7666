import { createHash } from 'node:crypto';
import type { Test } from 'supertest';
import { seedWorld, signInAll, World } from './support/fixtures';
import { inspect } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A tiny valid JPEG header and a PNG signature: the API checks content, not names. */
const jpeg = (fill: number, size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size, fill)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

/**
 * Photo evidence of inspections: several per item from the tablet, size and type checked by the
 * API, stored in PostgreSQL with checksums, readable only where the inspection is, fixed once
 * the inspection is submitted.
 */
describe('inspection photos', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let inspectionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    const created = await t.http().post('/api/inspections').set('authorization', as['fz-inspector']).send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-16' }).expect(201);
    inspectionId = created.body.id as string;
  });
  afterAll(() => t.close());

  const upload = (user: string, itemCode: string, photo: Buffer, extra: (r: Test) => unknown = () => undefined, id = inspectionId) => {
    const request = t.http().post(`/api/inspections/${id}/findings/${itemCode}/photos`).set('authorization', as[user]).attach('photo', photo, { filename: 'p.jpg', contentType: 'image/jpeg' });
    extra(request);
    return request;
  };

  it('keeps several photos per item with their checksums and thumbnails, and a retry is the same photo', async () => {
    const first = await upload('fz-inspector', 'PRO-1', jpeg(1), (r) => r.attach('thumbnail', png, { filename: 't.png', contentType: 'image/png' }).field('caption', '保险柜中的护照')).expect(201);
    expect(first.body).toMatchObject({ itemCode: 'PRO-1', contentType: 'image/jpeg', sizeBytes: 2052, hasThumbnail: true, caption: '保险柜中的护照', uploadedBy: 'fz-inspector' });
    expect(first.body.sha256).toBe(createHash('sha256').update(jpeg(1)).digest('hex'));
    const second = await upload('fz-inspector', 'PRO-1', jpeg(2)).expect(201);
    const again = await upload('fz-inspector', 'PRO-1', jpeg(1)).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const list = await t.http().get(`/api/inspections/${inspectionId}/photos`).set('authorization', as['fz-inspector']).expect(200);
    expect((list.body.items as { id: string }[]).map((p) => p.id).sort()).toEqual([first.body.id, second.body.id].sort());
    const image = await t.http().get(`/api/inspections/${inspectionId}/photos/${first.body.id}`).set('authorization', as['fz-inspector']).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(createHash('sha256').update(image.body as Buffer).digest('hex')).toBe(first.body.sha256);
    const thumb = await t.http().get(`/api/inspections/${inspectionId}/photos/${first.body.id}?size=thumbnail`).set('authorization', as['fz-inspector']).expect(200);
    expect(thumb.headers['content-type']).toBe('image/png');
    const [stored] = (await t.db.query(`SELECT octet_length(data) AS n, sha256 FROM inspection_photos WHERE id = $1`, [first.body.id])) as { n: number; sha256: string }[];
    expect(stored).toEqual({ n: 2052, sha256: first.body.sha256 });
    const audit = (await t.db.query(`SELECT after FROM audit_events WHERE action = 'inspection.photo_add'`)) as { after: Record<string, unknown> }[];
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('"data"');
  });

  it('refuses what is not an image, what is too large, unknown items and stray fields', async () => {
    const text = await upload('fz-inspector', 'PRO-1', Buffer.from('<svg onload=alert(1)>')).expect(400);
    expect(text.body.errors).toEqual([expect.objectContaining({ field: 'photo' })]);
    const zh = await upload('fz-inspector', 'PRO-1', Buffer.from('GIF89a....')).set('accept-language', 'zh-CN').expect(400);
    expect(zh.body.errors[0].message).toBe('照片须为 JPEG、PNG 或 WebP 图片');
    const big = await upload('fz-inspector', 'PRO-1', jpeg(3, 3 * 1024 * 1024 + 10)).expect(413);
    expect(big.body).toMatchObject({ status: 413, field: 'photo' });
    const bigThumb = await upload('fz-inspector', 'PRO-1', jpeg(4), (r) => r.attach('thumbnail', jpeg(5, 200 * 1024), { filename: 't.jpg', contentType: 'image/jpeg' })).expect(413);
    expect(bigThumb.body.field).toBe('thumbnail');
    const unknown = await upload('fz-inspector', 'NOPE-1', jpeg(6)).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'itemCode' })]);
    const stray = await upload('fz-inspector', 'PRO-1', jpeg(7), (r) => r.field('evil', 'x')).expect(400);
    expect(stray.body.errors).toEqual([expect.objectContaining({ field: 'evil' })]);
    const none = await t.http().post(`/api/inspections/${inspectionId}/findings/PRO-1/photos`).set('authorization', as['fz-inspector']).send({}).expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'photo' })]);
  });

  it('allows at most ten photos per item', async () => {
    for (let i = 0; i < 10; i++) await upload('fz-inspector', 'FEE-1', jpeg(10 + i, 64)).expect(201);
    const eleventh = await upload('fz-inspector', 'FEE-1', jpeg(30, 64)).expect(409);
    expect(eleventh.body.type).toMatch(/too-many-photos$/);
  });

  it('lets only those who may read the inspection see its photos, and only inspectors add them', async () => {
    const [photo] = (await t.db.query(`SELECT id FROM inspection_photos WHERE inspection_id = $1 LIMIT 1`, [inspectionId])) as { id: string }[];
    await t.http().get(`/api/inspections/${inspectionId}/photos`).set('authorization', as['ln-admin']).expect(404);
    await t.http().get(`/api/inspections/${inspectionId}/photos/${photo.id}`).set('authorization', as['ln-admin']).expect(404);
    await t.http().get(`/api/inspections/${inspectionId}/photos/${photo.id}`).set('authorization', as.ministry).expect(200);
    await t.http().get(`/api/inspections/${inspectionId}/photos/${photo.id}`).expect(401);
    await upload('ministry', 'PRO-1', jpeg(40)).expect(403);
    await upload('agency-fj-1', 'PRO-1', jpeg(41)).expect(403);
    await upload('ln-admin', 'PRO-1', jpeg(42)).expect(404);
  });

  it('fixes the photos once the inspection is submitted', async () => {
    const submitted = await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { results: { 'PRO-1': 'non_compliant' } });
    const refused = await upload('fz-inspector', 'PRO-1', jpeg(50), () => undefined, submitted.id).expect(409);
    expect(refused.body.type).toMatch(/findings-immutable$/);
    const [photo] = (await t.db.query(`SELECT id FROM inspection_photos WHERE inspection_id = $1 LIMIT 1`, [inspectionId])) as { id: string }[];
    await t.http().delete(`/api/inspections/${inspectionId}/photos/${photo.id}`).set('authorization', as['fz-inspector']).expect(204);
    await t.http().delete(`/api/inspections/${inspectionId}/photos/${photo.id}`).set('authorization', as['fz-inspector']).expect(404);
  });
});
