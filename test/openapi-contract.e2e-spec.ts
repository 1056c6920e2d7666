import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { login, seedWorld, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { allAgencies, badPageSizeFields, licenceNumbersOf, registryClient } from './support/openapi-client';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const COMMITTED_DOCUMENT = join(ROOT, 'apps/api/openapi.json');
const COMMITTED_CLIENT = join(ROOT, 'apps/web/src/lib/api/schema.d.ts');
const REGENERATE = 'run `npm run openapi:export && npm run api:client` and commit apps/api/openapi.json and apps/web/src/lib/api/schema.d.ts';

/** The JSON pointer of the first place two JSON values differ, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, pointer = ''): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return pointer || '/';
  if (a === null || typeof a !== 'object') return a === b ? null : pointer || '/';
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (!(key in left) || !(key in right)) return `${pointer}/${key}`;
    const difference = firstDifference(left[key], right[key], `${pointer}/${key}`);
    if (difference) return difference;
  }
  return null;
}

describe('OpenAPI contract: the committed document and client match the live API, and a generated client works', () => {
  let t: TestApp;
  let world: World;
  let baseUrl: string;
  let live: unknown;
  let work: string;
  let liveFile: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    live = (await t.http().get('/api/docs-json').expect(200)).body;
    work = mkdtempSync(join(tmpdir(), 'openapi-contract-'));
    liveFile = join(work, 'openapi.json');
    writeFileSync(liveFile, JSON.stringify(live));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('serves exactly the committed apps/api/openapi.json', () => {
    const committed: unknown = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    const difference = firstDifference(live, committed);
    if (difference) throw new Error(`apps/api/openapi.json is stale (first difference at ${difference}): ${REGENERATE}`);
  });

  it('has committed the client types openapi-typescript generates from the live document', async () => {
    const generated = join(work, 'schema.d.ts');
    await run(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), liveFile, '-o', generated], { cwd: ROOT });
    if (readFileSync(generated, 'utf8') !== readFileSync(COMMITTED_CLIENT, 'utf8')) {
      throw new Error(`apps/web/src/lib/api/schema.d.ts is stale: ${REGENERATE}`);
    }
  });

  it('passes redocly lint (recommended rules) without errors', async () => {
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const lint = await run(process.execPath, [cli, 'lint', '--format=json', '--config', join(ROOT, 'redocly.yaml'), liveFile], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string }[] };
    const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // Warnings are allowed; only the missing licence of an unlicensed, private API is left.
    expect(report.problems.filter((problem) => problem.severity === 'warn').map((problem) => problem.ruleId)).toEqual(['info-license']);
  });

  it('type-checks a program that pages with limit/cursor, reads a profile and handles a typed problem', () => {
    const file = join(ROOT, 'test/support/openapi-client.ts');
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const program = ts.createProgram([file], { ...options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('pages through /api/agencies with the generated client, reads a profile, and gets problems as typed errors', async () => {
    const client = registryClient(baseUrl, `Bearer ${(await login(t, 'ministry')).accessToken}`);
    const { agencies, pages } = await allAgencies(client, 2);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM agencies`)) as { n: number }[];
    expect(agencies.map((agency) => agency.id).sort()).toEqual(Object.values(world.agencies).sort());
    expect(agencies).toHaveLength(n);
    expect(pages).toBe(Math.ceil(n / 2));

    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou });
    expect(await licenceNumbersOf(client, world.agencies.fuzhou)).toEqual({ name: '福州海峡人力资源有限公司', licenceNumbers: [licence.licenceNumber] });

    const missing = await licenceNumbersOf(client, '00000000-0000-4000-8000-000000000000');
    expect(missing).toMatchObject({ problem: { status: 404, type: expect.any(String), title: expect.any(String) } });
    expect(await badPageSizeFields(client)).toEqual(['limit']);
  });
});
