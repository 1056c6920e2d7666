import { seedWorld, signInAll } from './support/fixtures';
import { repeated, streamUpload, watchRss } from './support/stream-upload';
import { startTestApp, TestApp } from './support/test-app';

const MiB = 1024 * 1024;
const HEADER = 'uscc,name_zh,legal_representative,address,jurisdiction_code,agency_type\n';

/** A text/csv body is read only after the token and role are checked, and is bounded in rows and bytes. */
describe('CSV uploads: bounded memory for anonymous uploads, 413 past the row and byte limits', () => {
  let t: TestApp;
  let as: Record<string, string>;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    as = await signInAll(t);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  const stillAnswers = async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
  };

  it.each([
    ['POST /api/public/complaints without a token', '/api/public/complaints', undefined, 415],
    ['POST /api/agencies/import without a token', '/api/agencies/import', undefined, 401],
    ['POST /api/agencies/import with a forged token', '/api/agencies/import', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged', 401],
    ['POST /api/agencies/import as an inspector', '/api/agencies/import', 'fz-inspector', 403],
    ['POST /api/agencies as a bureau admin', '/api/agencies', 'fz-admin', 415],
  ])('refuses a 60 MB text/csv body before reading it: %s', async (_name, path, who, status) => {
    const authorization = who === undefined ? undefined : who.startsWith('Bearer ') ? who : as[who];
    // 1 KiB of a declared 60 MiB is sent, then nothing: an answer proves the body was not awaited.
    const answer = await streamUpload(`${base}${path}`, {
      headers: { 'content-type': 'text/csv', ...(authorization ? { authorization } : {}) },
      declaredBytes: 60 * MiB,
      stallAfterBytes: 1024,
      next: repeated('x,y\n', 60 * MiB),
    });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/problem\+json/);
    expect(answer.headers.connection).toBe('close');
    await stillAnswers();
  });

  it('stays up with bounded memory under six concurrent anonymous 60 MB text/csv uploads', async () => {
    const rss = watchRss();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        streamUpload(`${base}${i % 2 ? '/api/agencies/import' : '/api/public/complaints'}`, {
          headers: { 'content-type': 'text/csv' },
          declaredBytes: 60 * MiB,
          next: repeated('a,b,c,d,e,f\n', 60 * MiB),
        }),
      ),
    );
    const growthMiB = rss.stop();
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 415, 415, 415]);
    expect(growthMiB).toBeLessThan(64);
    await stillAnswers();
  });

  it('stops a 2.5-million-row import at the 100,000-row limit with 413, bounded memory, nothing written', async () => {
    const [{ agencies: before }] = await t.db.query(`SELECT count(*)::int AS agencies FROM agencies`);
    const [{ seq: auditBefore }] = await t.db.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`);
    let header = true;
    const rows = repeated('1,2,3,4,5,6\n', 2_500_000 * 12);
    const rss = watchRss();
    const answer = await streamUpload(`${base}/api/agencies/import`, {
      headers: { 'content-type': 'text/csv', authorization: as['fj-admin'] },
      next: () => (header ? ((header = false), Buffer.from(HEADER)) : rows()),
    });
    const growthMiB = rss.stop();
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, maxRows: 100_000, detail: expect.stringMatching(/100000 rows/) });
    // It stopped at the limit instead of reading the whole 30 MB.
    expect(answer.bytesSent).toBeLessThan(20 * MiB);
    expect(growthMiB).toBeLessThan(128);
    const [{ agencies: after }] = await t.db.query(`SELECT count(*)::int AS agencies FROM agencies`);
    expect(after).toBe(before);
    const [{ seq: auditAfter }] = await t.db.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`);
    expect(auditAfter).toBe(auditBefore);
    await stillAnswers();
  }, 240_000);

  it('refuses a file larger than IMPORT_BODY_LIMIT_BYTES with 413 once the limit is passed', async () => {
    const small = await startTestApp({ env: { IMPORT_BODY_LIMIT_BYTES: String(64 * 1024) } });
    try {
      await seedWorld(small);
      const token = (await signInAll(small))['fj-admin'];
      const long = `91350100MA${'0'.repeat(8)},${'名'.repeat(100)},王某,某路,350100,domestic_placement\n`;
      const response = await small.http().post('/api/agencies/import').set('authorization', token).set('content-type', 'text/csv').send(HEADER + long.repeat(1000));
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ maxBytes: 64 * 1024 });
    } finally {
      await small.close();
    }
  });
});
