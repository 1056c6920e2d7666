import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tokenFor } from './support/api';
import { expectAccessible, keepScreenshot, useLanguage, type Language } from './support/page-checks';

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  const path = next.split('?')[0]!;
  await expect(page).toHaveURL((url) => url.pathname === path);
}

interface TrendRow {
  period: string;
  group: string;
  label: string;
  complaints: number;
}

test.describe('ministry dashboard', () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  test('trends: charts and tables, a filter in the URL, the Fujian spike, drill-down, the CSV', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/dashboard/trends');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint trends');
    await expect(page.getByTestId('series-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('bar-chart').locator('canvas')).toBeVisible();
    // Labels are names, never codes.
    await expect(page.getByTestId('bar-table')).toContainText('Fujian');
    await expect(page.getByTestId('bar-table')).not.toContainText('350000');

    // The demo's recruitment-fee spike in Fujian is listed with its threshold.
    const spike = page.getByTestId('spike').filter({ hasText: 'Fujian' });
    await expect(spike.first()).toContainText('above the threshold of');

    // A filter goes into the URL and the charts redraw without a reload.
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    await page.getByLabel('Group by').selectOption('province');
    await expect(page).toHaveURL(/groupBy=province/);
    await expect(page.getByTestId('series-table').locator('thead')).toContainText('Fujian');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);

    // The table holds the API's numbers.
    const token = await tokenFor(request, 'ministry');
    const url = new URL(page.url());
    const api = await request.get(`/api/complaints/trends?${url.searchParams.toString()}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    const rows = ((await api.json()) as { rows: TrendRow[] }).rows;
    const fujianTotal = rows.filter((r) => r.group === '350000').reduce((s, r) => s + r.complaints, 0);
    await expect(page.getByTestId('bar-table').getByRole('row', { name: /Fujian/ })).toContainText(String(fujianTotal));

    // The CSV of what is shown: BOM, header row, the same numbers as the table.
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('download-series').click();
    const download = await downloadPromise;
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    // Headers in the reader's language; each group by its name (never its code).
    expect(lines[0]).toBe('Period,Province,Complaints,Substantiated,Decided,Substantiation rate,Resolved,Median days to resolve,SLA breaches,SLA breach rate');
    expect(lines).toHaveLength(rows.length + 1);
    const csvFujian = lines.slice(1).filter((l) => l.split(',')[1] === 'Fujian').reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(csvFujian).toBe(fujianTotal);

    // Drill down: Fujian's bar → its agencies.
    await page.getByTestId('bar-table').getByRole('button', { name: 'Fujian' }).click();
    await expect(page).toHaveURL(/province=350000/);
    await expect(page.getByRole('heading', { name: 'Complaints by agency in Fujian' })).toBeVisible();
    await expect(page.getByTestId('bar-table').locator('tbody tr').first()).toBeVisible();

    // A category leads to the complaints behind it.
    await page.getByLabel('Group by').selectOption('category');
    await expect(page).toHaveURL(/groupBy=category/);
    await expect(page.getByTestId('series-table').locator('thead')).toContainText(/fee/i);
  });

  test('a click on the chart drills down (canvas click on the province bar)', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/dashboard/trends?groupBy=province');
    const canvas = page.getByTestId('bar-chart').locator('canvas');
    await expect(canvas).toBeVisible();
    // The biggest province is drawn on top: click the top bar, just right of the axis.
    const topLabel = (await page.getByTestId('bar-table').locator('tbody th').first().textContent())!.trim();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const rows = await page.getByTestId('bar-table').locator('tbody tr').count();
    const band = (box.height - 32) / rows;
    await page.mouse.click(box.x + box.width * 0.45, box.y + 8 + band / 2);
    await expect(page).toHaveURL(/province=\d{6}/);
    await expect(page.getByRole('heading', { name: `Complaints by agency in ${topLabel}` })).toBeVisible();
  });

  test('an agency is picked by name as a filter, into the URL, and the chart shows its complaints', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/dashboard/trends');
    await page.getByRole('combobox', { name: 'Agency', exact: true }).fill('Strait International');
    await page.locator('.ant-select-item-option', { hasText: 'Fuzhou Strait International HR Co.' }).click();
    await expect(page).toHaveURL(/agencyId=[0-9a-f-]{36}/);
    await expect(page.locator('.filter-agency')).toContainText('Fuzhou Strait International HR Co.');
    await expect(page.getByTestId('series-chart').locator('canvas')).toBeVisible();
    await page.getByRole('button', { name: 'Any agency' }).click();
    await expect(page).not.toHaveURL(/agencyId=/);
  });

  test('prints on A4 landscape with the title, the filters and the date', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/dashboard/trends?groupBy=province&granularity=month');
    await expect(page.getByTestId('series-table')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-only')).toContainText(/Printed on .* · By month · By province/);
    await expect(page.locator('.filter-bar')).toBeHidden();
    await expect(page.locator('.shell-header')).toBeHidden();
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 landscape is 842 x 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
  });

  test('the complaints list puts what is due first, with urgency, deadline and assignee, in Chinese', async ({ page, request }) => {
    const token = await tokenFor(request, 'fj-admin');
    const api = await request.get('/api/complaints?limit=5', { headers: { authorization: `Bearer ${token}` } });
    const { items } = (await api.json()) as { items: { trackingCode: string; severity: string; slaStatus: string; assigneeName: string | null }[] };
    expect(items.length).toBeGreaterThan(2);
    await useLanguage(page, 'zh-CN');
    await signIn(page, 'fj-admin', '/complaints');
    const table = page.getByTestId('complaints-table');
    await expect(table.locator('thead')).toContainText('紧急程度');
    await expect(table.locator('thead')).toContainText('处理期限');
    await expect(table.locator('thead')).toContainText('承办人');
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    // The page keeps the API's work order: overdue first, then the nearest deadline.
    const shown = await rows.evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.getAttribute('data-tracking-code')));
    expect(shown).toEqual(items.map((c) => c.trackingCode));
    const slaWords: Record<string, string> = { on_track: '正常', due_soon: '即将到期', breached: '已超期', stopped: '已结束' };
    const severityWords: Record<string, string> = { low: '低', medium: '中', high: '高', urgent: '紧急' };
    const first = rows.first();
    await expect(first.locator('[data-sla]')).toHaveText(slaWords[items[0]!.slaStatus]!);
    await expect(first.locator('[data-severity]')).toHaveText(severityWords[items[0]!.severity]!);
    await expect(first).toContainText(items[0]!.assigneeName ?? '未分派');
  });

  test('a Fujian bureau admin sees only Fujian', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/dashboard/trends?groupBy=province');
    await expect(page.getByTestId('bar-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('bar-table')).toContainText('Fujian');
  });

  test('the overview counts the sanctions of the last 12 months by province, as the public list has them', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/dashboard/overview');
    const panel = page.getByTestId('sanctions-in-period');
    await expect(panel.locator('tbody tr').first()).toBeVisible();
    // The registry's day is Asia/Shanghai's (the overview's asOf).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const list = await request.get(`/api/public/sanctions?from=${from}&to=${today}&limit=200`);
    const items = ((await list.json()) as { items: { jurisdictionCode: string; sanction: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const province = `${items[0].jurisdictionCode.slice(0, 2)}0000`;
    const inProvince = items.filter((s) => s.jurisdictionCode.startsWith(province.slice(0, 2)));
    const row = panel.locator(`tr[data-province="${province}"]`);
    const cells = await row.locator('td').allTextContents();
    expect(cells.map(Number)).toEqual(['fine', 'suspension', 'revocation'].map((kind) => inProvince.filter((s) => s.sanction === kind).length));
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/sanctions\\?province=${province}&from=`));
  });

  test('overview figures equal the API', async ({ page, request }) => {
    await useLanguage(page, 'en');
    const token = await tokenFor(request, 'ministry');
    const overview = (await (await request.get('/api/reports/overview', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      licencesByStatusAndProvince: { province: string; status: string; licences: number }[];
      complaints: { open: number; overdue: number; breachedEver: number };
      inspectionCoverage: { rate: number | null };
    };
    await signIn(page, 'ministry', '/dashboard/overview');
    await expect(page.getByTestId('open-complaints')).toHaveText(String(overview.complaints.open));
    await expect(page.getByTestId('overdue-complaints')).toHaveText(String(overview.complaints.overdue));
    await expect(page.getByTestId('breached-ever')).toHaveText(String(overview.complaints.breachedEver));
    const total = overview.licencesByStatusAndProvince.reduce((s, r) => s + r.licences, 0);
    await expect(page.getByTestId('licences-total')).toHaveText(String(total));
    for (const row of overview.licencesByStatusAndProvince.slice(0, 5)) {
      await expect(page.locator(`tr[data-province="${row.province}"] td[data-status="${row.status}"]`)).toHaveText(String(row.licences));
    }
    // The overdue number leads to the overdue complaints (the list shows that filter).
    await page.getByTestId('overdue-complaints').click();
    await expect(page).toHaveURL(/\/complaints\?overdue=true/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaints');
  });

  test('audit: the chain verifies as intact, filters go into the URL, an event shows before and after', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'ministry', '/audit');
    await page.getByRole('button', { name: 'Verify the hash chain' }).click();
    await expect(page.getByTestId('verify-result')).toContainText(/Intact: \d+ events checked/);
    await page.getByLabel('Entity type').fill('complaint');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/entityType=complaint/);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect(rows.first()).toContainText('complaint');
    await rows.first().getByRole('button', { name: 'Show changes' }).click();
    await expect(page.getByTestId('audit-diff')).toContainText('Before');
    await expect(page.getByTestId('audit-diff')).toContainText('After');
  });
});

for (const language of ['zh-CN', 'en'] as Language[]) {
  const tag = language === 'en' ? 'en' : 'zh';
  test(`dashboard pages pass axe and are kept as screenshots (${tag}, desktop and tablet)`, async ({ page }, testInfo) => {
    // Five pages at two sizes with axe on each desktop view: longer than one page's journey.
    test.setTimeout(150_000);
    await useLanguage(page, language);
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'ministry', '/dashboard/trends');
    const pages = [
      { name: 'trends', path: '/dashboard/trends', ready: () => expect(page.getByTestId('series-table')).toBeVisible() },
      { name: 'trends-fujian', path: '/dashboard/trends?province=350000&groupBy=agency', ready: () => expect(page.getByTestId('bar-table')).toBeVisible() },
      { name: 'overview', path: '/dashboard/overview', ready: () => expect(page.getByTestId('licence-table')).toBeVisible() },
      { name: 'complaints-list', path: '/complaints?category=recruitment_fee', ready: () => expect(page.getByTestId('complaints-table')).toBeVisible() },
      { name: 'audit', path: '/audit', ready: () => expect(page.getByTestId('audit-table')).toBeVisible() },
    ];
    for (const entry of pages) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['tablet', TABLET]] as const) {
        await page.setViewportSize(viewport);
        await page.goto(entry.path);
        await entry.ready();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (size === 'desktop') await expectAccessible(page, testInfo, `${entry.name}-${tag}`);
        await keepScreenshot(page, `${entry.name}-${tag}-${size}`);
      }
    }
  });
}
