import { expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { licenceInStatus } from './support/api';
import { repositoryRoot } from './support/environment';
import { useLanguage as chooseLanguage, type Language } from './support/page-checks';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * JavaScript a worker's phone downloads on the first load of a public page: the scripts' bodies,
 * compressed as served. The response headers (about 1 KB a file, mostly security headers) are
 * reported beside it, not counted: they are not JavaScript.
 */
const BUDGET_BYTES = 120 * 1024;

const OFFICER_PAGES = [
  'src/features/workspace/RoleHomePage.tsx',
  'src/features/help-lines-admin/HelpLinesAdminPage.tsx',
  'src/features/dashboard/TrendsPage.tsx',
  'src/features/dashboard/OverviewPage.tsx',
  'src/features/complaints-list/ComplaintsListPage.tsx',
  'src/features/audit/AuditPage.tsx',
  'src/features/system-admin/UsersAdminPage.tsx',
  'src/features/inspections/InspectionPage.tsx',
  'src/features/registry/AgencyPage.tsx',
  'src/features/my-agency/MyAgencyPage.tsx',
  // The officers' shell (Ant Design's provider and theme) and the workspaces' texts.
  'src/app/layout/StaffLayout.tsx',
  'src/lib/i18n/workspace.zh.ts',
  'src/lib/i18n/workspace.en.ts',
];

interface Transfer {
  url: string;
  /** Everything received for the file: headers and the compressed body. */
  bytes: number;
  /** The compressed body alone. */
  bodyBytes: number;
  encoding: string;
}

/**
 * Opens `path` in a fresh context (empty cache) and lists what the network delivered for every
 * script: Chromium's own count of encoded bytes (as DevTools' "transferred", headers included) and
 * the compressed body alone (that count less the headers' bytes).
 */
async function scriptsTransferred(browser: Browser, path: string, ready: (page: Page) => Promise<void>, language: Language): Promise<Transfer[]> {
  const context = await browser.newContext({ locale: language, viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await chooseLanguage(page, language);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = new Map<string, { url: string; encoding: string; headerBytes: number }>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      if (event.type === 'Script' || /\.m?js(\?|$)/.test(event.response.url)) scripts.set(event.requestId, { url: event.response.url, encoding: headers['content-encoding'] ?? '', headerBytes: event.response.encodedDataLength });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) transfers.push({ url: script.url, encoding: script.encoding, bytes: event.encodedDataLength, bodyBytes: event.encodedDataLength - script.headerBytes });
    });
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    return transfers;
  } finally {
    await context.close();
  }
}

test('every public page first loads at most 120 KB of JavaScript as transferred (brotli), in both languages', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const valid = await licenceInStatus(request, 'active');
  const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const pages: Record<string, (page: Page) => Promise<void>> = {
    '/': heading,
    '/verify': heading,
    [`/verify/${valid.number}`]: (page) => expect(page.getByTestId('verdict')).toBeVisible(),
    '/agencies': (page) => expect(page.locator('.result-list > li').first()).toBeVisible(),
    '/complaints/new': (page) => expect(page.getByRole('checkbox').first()).toBeVisible(),
    '/complaints/track': heading,
    '/sanctions': heading,
    '/before-you-go': (page) => expect(page.getByTestId('help-lines').locator('li').first()).toBeVisible(),
    '/placements/check': heading,
  };

  const dist = join(repositoryRoot(), 'dist/web');
  const report: Record<string, { kb: number; bodyKb: number; files: number }> = {};
  const failures: string[] = [];
  for (const language of ['zh-CN', 'en'] as Language[]) {
    for (const [path, ready] of Object.entries(pages)) {
      const transfers = await scriptsTransferred(browser, path, ready, language);
      expect(transfers.length, `${path} loads scripts`).toBeGreaterThan(0);
      // Files under 1 KB get no compressed copy at build time (not worth it); every other one goes out as brotli.
      for (const t of transfers) if (existsSync(join(dist, `${new URL(t.url).pathname}.br`))) expect(t.encoding, `${t.url} is served with brotli`).toBe('br');
      const bytes = transfers.reduce((sum, t) => sum + t.bytes, 0);
      const body = transfers.reduce((sum, t) => sum + t.bodyBytes, 0);
      report[`${language} ${path}`] = { kb: +(bytes / 1024).toFixed(1), bodyKb: +(body / 1024).toFixed(1), files: transfers.length };
      if (body > BUDGET_BYTES) failures.push(`${language} ${path}: ${(body / 1024).toFixed(1)} KB`);
    }
  }
  await test.info().attach('transferred-js.json', { body: JSON.stringify({ budgetBytes: BUDGET_BYTES, pages: report }, null, 2), contentType: 'application/json' });
  console.log('JavaScript transferred on first load (KB, brotli as served; bodyKb is budgeted, kb adds the headers):', report);
  expect(failures, `over ${BUDGET_BYTES / 1024} KB`).toEqual([]);
});

test("the officers' pages and Ant Design's shell stay out of the public entry (Vite manifest)", () => {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot(), 'dist/web/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  expect(entryKey).toBeDefined();
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const shell = [...closure(entryKey!)];
  for (const officer of OFFICER_PAGES) expect(shell, `${officer} stays out of the shell`).not.toContain(officer);
});
