import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tokenFor } from './support/api';
import { expectAccessible, keepScreenshot, useLanguage } from './support/page-checks';

const TABLET = { width: 820, height: 1180 };
const LAST_YEAR = new Date().getFullYear() - 1;

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
}

test.describe('yearly duties', () => {
  test.use({ viewport: TABLET, isMobile: false, hasTouch: false });

  test("the agency starts last year's report, saves part, resumes, submits; after a return corrects and resubmits", async ({ page, request }, testInfo) => {
    // A report saved, resumed, submitted, returned and resubmitted, then the list in Chinese: many pages.
    test.setTimeout(150_000);
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-1', '/annual-reports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annual reports');
    await page.getByTestId('start-report').click();
    await expect(page).toHaveURL(/\/annual-reports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('report-status')).toHaveText('Draft');

    // Part of it now, the rest after a reload: what was saved is there.
    await page.getByLabel('Workers placed at home').fill('120');
    await page.getByLabel('Workers placed abroad', { exact: true }).fill('30');
    await page.getByTestId('save-report').click();
    await expect(page.getByText('Saved')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Workers placed at home')).toHaveValue('120');

    // Submitting with figures missing names them.
    await page.getByTestId('submit-report').click();
    await expect(page.getByText('Complete or correct the marked fields before submitting.')).toBeVisible();

    await page.getByTestId('add-country').click();
    await page.getByLabel('Country').first().fill('SG');
    await page.getByLabel('Workers', { exact: true }).first().fill('18');
    await page.getByTestId('add-country').click();
    await page.getByLabel('Country').nth(1).fill('JP');
    await page.getByLabel('Workers', { exact: true }).nth(1).fill('12');
    await page.getByLabel('Employers served').fill('14');
    await page.getByLabel('Complaints received').fill('1');
    await page.getByLabel('Staff').fill('9');
    await page.getByLabel('Fees received from employers').fill('450000');
    await page.getByLabel('Fees charged to workers', { exact: true }).fill('0');
    await page.getByLabel('of which charged to workers placed abroad').fill('0');
    await expect(page.locator('.duties-country').first()).toHaveText('Singapore');
    await expectAccessible(page, testInfo, 'annual-report-form-en');
    await keepScreenshot(page, 'duties-annual-report-form-en-tablet');
    await page.getByTestId('submit-report').click();
    await expect(page.getByTestId('report-status')).toHaveText('Submitted');
    await expect(page.getByTestId('report-figures')).toContainText('Singapore (SG) 18');
    const reportId = page.url().split('/').pop()!;

    // The bureau returns it (through the API: the review page has its own journey).
    const token = await tokenFor(request, 'fj-admin');
    const current = await (await request.get(`/api/annual-reports/${reportId}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const returned = await request.post(`/api/annual-reports/${reportId}/review`, {
      headers: { authorization: `Bearer ${token}` },
      data: { decision: 'return', note: 'Staff count excludes branch offices', version: current.version },
    });
    expect(returned.status()).toBe(200);

    await page.reload();
    await expect(page.getByTestId('report-status')).toHaveText('Returned');
    await expect(page.getByText('The report was returned: Staff count excludes branch offices')).toBeVisible();
    await page.getByLabel('Staff').fill('13');
    await page.getByTestId('submit-report').click();
    await expect(page.getByTestId('report-status')).toHaveText('Resubmitted');

    // In Chinese, the list shows it; the licence certificate downloads as a PDF.
    await page.getByRole('button', { name: '中文' }).click();
    // The switch is kept once the page has taken it: only then does a fresh load start in Chinese.
    await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
    await page.goto('/annual-reports');
    await expect(page.getByTestId('reports-table')).toContainText('已重新提交');
    const downloadPromise = page.waitForEvent('download');
    await page.locator('[data-testid^="certificate-"]').first().click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^licence-.+\.pdf$/);
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, testInfo, 'annual-reports-zh');
    await keepScreenshot(page, 'duties-annual-reports-zh-tablet');
  });

  test('the bureau reviews: a return needs a note, a flagged fee is explained, accept; the ministry sees the summary', async ({ page }, testInfo) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/annual-reports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annual reports to review');
    const rows = page.getByTestId('reports-table').locator('tbody tr');
    await expect(rows.first()).toContainText(/Submitted|Resubmitted/);
    await expectAccessible(page, testInfo, 'review-queue-en');
    await keepScreenshot(page, 'duties-review-queue-en-tablet');

    await rows.first().getByRole('link').click();
    await expect(page.getByTestId('report-status')).toHaveText(/^(Submitted|Resubmitted)$/);
    await page.getByTestId('review-decision').getByText('Return for correction').click();
    await page.getByTestId('review-submit').click();
    await expect(page.getByText('say what the agency must correct', { exact: true })).toBeVisible();
    await page.getByLabel('Note').fill('Placements to Japan need the filed contracts');
    await page.getByTestId('review-submit').click();
    await expect(page.getByTestId('report-status')).toHaveText('Returned');
    await expect(page.getByTestId('review-note')).toHaveText('Placements to Japan need the filed contracts');

    // The fee-flag view: the reviewer is told why.
    await page.goto('/annual-reports?view=feeFlag');
    await page.getByTestId('reports-table').locator('tbody tr').first().getByRole('link').click();
    await expect(page.getByTestId('fee-flag')).toBeVisible();

    // Accept the next one waiting.
    await page.goto('/annual-reports?view=awaiting');
    await page.getByTestId('reports-table').locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('review-submit').click();
    await expect(page.getByTestId('report-status')).toHaveText('Accepted');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('report-status')).toHaveText('已接受');
    await expectAccessible(page, testInfo, 'review-zh');
    await keepScreenshot(page, 'duties-review-zh-tablet');

    // The ministry's summary: chart, table and the same figures as CSV.
    await page.getByRole('button', { name: 'English' }).click();
    // Another official at the same browser: the bureau's session ends with its cookie.
    await page.context().clearCookies();
    await signIn(page, 'ministry', `/annual-reports/summary?year=${LAST_YEAR}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Annual reports ${LAST_YEAR}: summary`);
    await expect(page.getByTestId('destinations-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('destinations-table')).toContainText('Singapore');
    await expect(page.getByTestId('province-table')).toContainText('Fujian');
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('download-summary').click();
    const csv = readFileSync(await (await downloadPromise).path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('national,000000');
    await expectAccessible(page, testInfo, 'summary-en');
    await keepScreenshot(page, 'duties-summary-en-tablet');
  });

  test("the bureau's commitment checks: the demo's licence on commitment awaiting its on-site check, its licence page and certificate", async ({ page }, testInfo) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/commitment-checks?state=pending');
    const row = page.getByTestId('commitment-checks').locator('tbody tr', { hasText: 'Fuzhou Rongcheng HR Services (commitment)' });
    await expect(row).toHaveAttribute('data-state', 'pending');
    // Planned with the inspector who handles Fuzhou, its deadline in words.
    await expect(row).toContainText('福州市检查员');
    await expect(row).toContainText('by the end of');
    await expect(page.getByTestId('unassigned-queue')).toBeVisible();
    await expectAccessible(page, testInfo, 'commitment-checks-en');
    await keepScreenshot(page, 'duties-commitment-checks-en');
    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/registry\/licences\/[0-9a-f-]{36}$/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Download the certificate/ }).click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the bureau reads a reserve fund below its minimum, with the top-up running', async ({ page, request }, testInfo) => {
    const token = await tokenFor(request, 'fj-admin');
    const agencies = (await (await request.get('/api/agencies?limit=200', { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string; agencyType: string }[] };
    let agencyId: string | undefined;
    for (const agency of agencies.items.filter((a) => a.agencyType === 'labour_service_cooperation')) {
      const fund = await (await request.get(`/api/agencies/${agency.id}/reserve-fund`, { headers: { authorization: `Bearer ${token}` } })).json();
      if (fund.topUp) agencyId = agency.id;
    }
    expect(agencyId, 'the demo has a reserve fund with a top-up running').toBeTruthy();
    await useLanguage(page, 'zh-CN');
    await signIn(page, 'fj-admin', `/reserve-funds/${agencyId}`);
    await expect(page.getByTestId('fund-balance')).toHaveText('¥2,580,000.00');
    await expect(page.getByTestId('top-up')).toContainText('须于');
    await expect(page.getByTestId('top-up')).toContainText('（含当日）前补足');
    // Recorded by the bureau: verified, and counted.
    await expect(page.getByTestId('fund-verified-balance')).toContainText('¥2,580,000.00');
    await expect(page.getByTestId('entry-status-1')).toContainText('已核实');
    await expect(page.getByTestId('ledger').locator('tbody tr')).toHaveCount(2);
    await expectAccessible(page, testInfo, 'reserve-fund-zh');
    await keepScreenshot(page, 'duties-reserve-fund-zh-tablet');
  });
});
