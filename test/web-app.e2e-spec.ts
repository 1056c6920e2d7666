import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './support/test-app';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

const LARGE_ASSET = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const text${i} = "资质核验 ${i}";`).join('\n'));

function webBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'registry-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // What vite-plugin-compression2 writes beside a large asset at build time.
  writeFileSync(join(dir, 'assets/vendor-def456.js'), LARGE_ASSET);
  writeFileSync(join(dir, 'assets/vendor-def456.js.br'), brotliCompressSync(LARGE_ASSET));
  writeFileSync(join(dir, 'assets/vendor-def456.js.gz'), gzipSync(LARGE_ASSET));
  return dir;
}

describe('The web app served by the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIST_DIR: webBuild() } });
  });
  afterAll(() => t.close());

  it('serves index.html at / never cached without revalidation', async () => {
    const response = await t.http().get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX);
  });

  it('serves hashed assets cached for a year as immutable', async () => {
    const response = await t.http().get('/assets/index-abc123.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe('console.log("app")');
  });

  describe('compression: what a phone on a slow network is sent', () => {
    const fastify = () => t.app.getHttpAdapter().getInstance();

    it('sends the build-time brotli copy of an asset to a browser that accepts br, the same bytes once decoded', async () => {
      const response = await fastify().inject({ method: 'GET', url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.rawPayload.length).toBeLessThan(LARGE_ASSET.length / 4);
      expect(brotliDecompressSync(response.rawPayload).equals(LARGE_ASSET)).toBe(true);
    });

    it('sends the gzip copy to a browser that accepts only gzip, and the plain file to one that accepts nothing', async () => {
      const gzip = await fastify().inject({ method: 'GET', url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).equals(LARGE_ASSET)).toBe(true);
      const plain = await fastify().inject({ method: 'GET', url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.rawPayload.equals(LARGE_ASSET)).toBe(true);
    });

    it('compresses API answers above 1 KB, and leaves small ones as they are', async () => {
      const large = await fastify().inject({ method: 'GET', url: '/api/public/complaint-categories', headers: { 'accept-encoding': 'br' } });
      expect(large.statusCode).toBe(200);
      expect(large.headers['content-encoding']).toBe('br');
      const decoded = brotliDecompressSync(large.rawPayload).toString('utf8');
      expect(decoded.length).toBeGreaterThan(1024);
      expect(Array.isArray(JSON.parse(decoded)) || typeof JSON.parse(decoded) === 'object').toBe(true);
      const small = await fastify().inject({ method: 'GET', url: '/health', headers: { 'accept-encoding': 'br' } });
      expect(small.headers['content-encoding']).toBeUndefined();
    });
  });

  it('serves other files of the build, revalidated', async () => {
    const response = await t.http().get('/favicon.svg').expect(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers the app for deep links it routes itself', async () => {
    for (const path of ['/verify/350000-2026-000001', '/complaints/track?code=CP-1', '/before-you-go', '/index.html']) {
      const response = await t.http().get(path).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('never serves a file outside the build (a traversal gets the app shell)', async () => {
    const traversal = await t.http().get('/..%2f..%2fetc%2fpasswd').expect(200);
    expect(traversal.text).toBe(INDEX);
  });

  it('answers 404 for a hashed asset that is not in the build', async () => {
    const response = await t.http().get('/assets/index-old999.js').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('still answers 404 problem+json for unknown API paths and health probes', async () => {
    for (const path of ['/api', '/api/nothing-here', '/api/agencies/x/y/z', '/health/nothing']) {
      const response = await t.http().get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await t.http().get('/health').expect(200);
  });

  it('sends a strict CSP: scripts from this origin only, no unsafe-inline', async () => {
    const csp = (await t.http().get('/').expect(200)).headers['content-security-policy'] as string;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self'`);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  it('keeps the Swagger UI working under its own policy', async () => {
    const response = await t.http().get('/api/docs').expect(200);
    expect(response.text).toMatch(/swagger-ui/);
    expect(response.headers['content-security-policy']).toMatch(/img-src 'self' data: validator.swagger.io/);
  });
});

describe('The web app not built', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIST_DIR: mkdtempSync(join(tmpdir(), 'registry-web-missing-')) } });
  });
  afterAll(() => t.close());

  it('answers 503 with a page that says so, for browsers', async () => {
    const response = await t.http().get('/').set('accept', 'text/html').expect(503);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toMatch(/npm run build:web/);
  });

  it('answers 503 problem+json to other callers, in their language', async () => {
    const response = await t.http().get('/verify/1').set('accept-language', 'zh-CN').expect(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.detail).toBe('网页应用尚未构建：请运行 npm run build:web');
    await t.http().get('/api/nothing').expect(404);
  });
});
