import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** pdfjs-dist is ESM-only: the PDF is read in a child node process (support/pdf-inspect.mjs). */
function inspectPdf(pdf: Buffer): { pages: number; text: string; qrCodes: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'certificate-')), 'certificate.pdf');
  writeFileSync(file, pdf);
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, 'support', 'pdf-inspect.mjs'), file], { encoding: 'utf8' })) as { pages: number; text: string; qrCodes: string[] };
}

/** superagent's parser for a binary body (it hands over the raw response stream, typed as its Response). */
const binary = (response: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('licence certificate', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let licence: { id: string; licenceNumber: string };
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-certificates-'));
  const PDF_LIMIT = 12;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://registry.example.cn', DATA_DIR: dataDir, RATE_LIMIT_PDF_PER_USER_PER_MINUTE: String(PDF_LIMIT) } });
    t.clock.set('2026-06-01T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
  });
  afterAll(() => t.close());

  /** The cached certificates of a licence in DATA_DIR. */
  const cachedFiles = (licenceId: string) => readdirSync(join(dataDir, 'pdf-cache', 'certificates')).filter((name) => name.startsWith(`${licenceId}.`));

  const download = (user: string, id: string) => t.http().get(`/api/licences/${id}/certificate.pdf`).set('authorization', as[user]).buffer(true).parse(binary as never);

  it('is an A4 PDF with the number, the agency’s Chinese name, and a QR code to the public verification page', async () => {
    const response = await download('agency-fj-1', licence.id).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`licence-${licence.licenceNumber}.pdf`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The CJK font is subset: the whole font is 10 MB.
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const read = inspectPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.text).toContain(licence.licenceNumber);
    expect(read.text).toContain('福州海峡人力资源有限公司');
    expect(read.text).toContain('境外就业中介许可证');
    expect(read.text).toContain('SG');
    expect(read.qrCodes).toEqual([`https://registry.example.cn/verify/${licence.licenceNumber}`]);
  });

  it('is scoped like other licence reads: another jurisdiction or agency gets 404', async () => {
    expectProblem((await t.http().get(`/api/licences/${licence.id}/certificate.pdf`).set('authorization', as['ln-admin']).expect(404)).body, 404);
    await download('fj-admin', licence.id).expect(200);
    await download('ministry', licence.id).expect(200);
    await t.http().get(`/api/licences/${licence.id}/certificate.pdf`).set('authorization', as.admin).expect(403);
    await t.http().get(`/api/licences/${licence.id}/certificate.pdf`).expect(401);
  });

  it('says so on a licence no longer in force', async () => {
    await t.db.query(`UPDATE licences SET status = 'revoked' WHERE id = $1`, [licence.id]);
    const read = inspectPdf((await download('fj-admin', licence.id).expect(200)).body as Buffer);
    expect(read.text).toContain('已吊销 REVOKED');
  });

  it('is rendered once per licence version and day: a second fetch is the cached file, byte for byte', async () => {
    const other = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    const first = (await download('fj-admin', other.id).expect(200)).body as Buffer;
    expect(cachedFiles(other.id)).toHaveLength(1);
    const [file] = cachedFiles(other.id);
    // A second later, so a render would differ in its creation date.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = (await download('agency-fj-1', other.id).expect(200)).body as Buffer;
    expect(second.equals(first)).toBe(true);
    expect(cachedFiles(other.id)).toEqual([file]);

    // A new version of the licence (its conditions changed) is rendered afresh; the old file goes.
    await t.db.query(`UPDATE licences SET conditions = 'Only within Fujian', version = version + 1 WHERE id = $1`, [other.id]);
    const changed = (await download('fj-admin', other.id).expect(200)).body as Buffer;
    expect(changed.equals(first)).toBe(false);
    expect(inspectPdf(changed).text).toContain('Only within Fujian');
    expect(cachedFiles(other.id)).toHaveLength(1);
    expect(cachedFiles(other.id)).not.toEqual([file]);

    // The next day's print date is a new certificate too.
    t.clock.set('2026-06-02T02:00:00Z');
    const tomorrow = (await download('fj-admin', other.id).expect(200)).body as Buffer;
    expect(inspectPdf(tomorrow).text).toContain('2026-06-02');
    expect(tomorrow.equals(changed)).toBe(false);
  });

  it('limits PDFs per user a minute: 429 problem+json with Retry-After, other users unaffected', async () => {
    // The Xiamen admin's fetches of a Fuzhou licence are out of scope (404) but count: the limit is
    // on asking, not on answers. Nothing before this test fetched as xm-admin.
    for (let i = 0; i < PDF_LIMIT; i += 1) await t.http().get(`/api/licences/${licence.id}/certificate.pdf`).set('authorization', as['xm-admin']).expect(404);
    const refused = await t.http().get(`/api/licences/${licence.id}/certificate.pdf`).set('authorization', as['xm-admin']).expect(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expectProblem(refused.body, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Same address, another user: their own budget.
    await download('ministry', licence.id).expect(200);
  });
});
