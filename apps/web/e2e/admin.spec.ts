import { expect, test, type Page } from '@playwright/test';
import { tokenFor } from './support/api';
import { disableAccountWithConfirmation, expectAccessible, keepScreenshot, useLanguage, type Language } from './support/page-checks';

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

async function signInAsAdmin(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}

test.describe('system admin pages', () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  test('creates a user who can then sign in, and disables them', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/users');
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#username').fill('browser-made');
    await dialog.locator('#displayName').fill('Made in the browser');
    await dialog.locator('#password').fill('a-long-first-password');
    await dialog.locator('#role').selectOption('inspector');
    // An inspector belongs to a bureau: without one the API says so beside the field.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText(/needs a bureauId/)).toBeVisible();
    await dialog.locator('#bureauId').selectOption({ label: 'Fujian HRSS Department' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.locator('tr[data-username="browser-made"]');
    await expect(row).toContainText('Inspector');
    await expect(row).toContainText('Fujian HRSS Department');
    await expect(row).toContainText('Active');
    const login = await request.post('/api/auth/login', { data: { username: 'browser-made', password: 'a-long-first-password' } });
    expect(login.status()).toBe(200);

    await disableAccountWithConfirmation(page, row);
    const refused = await request.post('/api/auth/login', { data: { username: 'browser-made', password: 'a-long-first-password' } });
    expect(refused.status()).toBe(401);
  });

  test('a bad new user is refused field by field and nothing is created', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/users');
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#username').fill('Bad Name!');
    await dialog.locator('#displayName').fill('Bad');
    await dialog.locator('#password').fill('a-long-first-password');
    await dialog.locator('#role').selectOption('inspector');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText(/username must be/)).toBeVisible();
    const token = await tokenFor(request, 'admin');
    const users = await request.get('/api/users?q=Bad', { headers: { authorization: `Bearer ${token}` } });
    expect(((await users.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  test('resets a password with a one-time link the user opens elsewhere, and moves the officer to another bureau', async ({ page, request, browser }, testInfo) => {
    const admin = { authorization: `Bearer ${await tokenFor(request, 'admin')}` };
    const bureaus = ((await (await request.get('/api/bureaus?limit=200', { headers: admin })).json()) as { items: { id: string; name: string; nameEn: string | null; jurisdictionCode: string | null }[] }).items;
    const fujian = bureaus.find((b) => b.jurisdictionCode === '350000');
    const fuzhou = bureaus.find((b) => b.jurisdictionCode === '350100');
    if (!fujian || !fuzhou) throw new Error('the demo has no Fujian or Fuzhou bureau');
    const created = await request.post('/api/users', { headers: admin, data: { username: 'forgot-password', displayName: 'Forgetful Officer', password: 'a-long-first-password', role: 'inspector', bureauId: fujian.id } });
    expect(created.status()).toBe(201);

    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/users');
    await page.getByLabel('Search username or name').fill('forgot-password');
    await page.getByLabel('Search username or name').press('Enter');
    const row = page.locator('tr[data-username="forgot-password"]');
    await row.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Password reset link for forgot-password' });
    const link = await dialog.getByTestId('reset-link').inputValue();
    expect(link).toMatch(/\/reset-password#[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    await keepScreenshot(page, 'admin-reset-link-en');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The user, on their own device, in Chinese.
    const theirs = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const device = await theirs.newPage();
    await useLanguage(device, 'zh-CN');
    await device.goto(link);
    await expect(device.getByRole('heading', { name: '设置新密码' })).toBeVisible();
    await device.locator('#newPassword').fill('password1234');
    await device.locator('#confirm').fill('password1234');
    await device.getByRole('button', { name: '设置新密码' }).click();
    await expect(device.getByText('密码太容易被猜到')).toBeVisible();
    await expectAccessible(device, testInfo, 'reset-password-zh');
    await keepScreenshot(device, 'reset-password-zh-phone');
    await device.locator('#newPassword').fill('harbour lantern violet sandstone');
    await device.locator('#confirm').fill('harbour lantern violet sandstone');
    await device.getByRole('button', { name: '设置新密码' }).click();
    await expect(device.getByTestId('reset-done')).toContainText('新密码已设置');
    await keepScreenshot(device, 'reset-password-done-zh-phone');
    await theirs.close();
    expect((await request.post('/api/auth/login', { data: { username: 'forgot-password', password: 'harbour lantern violet sandstone' } })).status()).toBe(200);
    expect((await request.post('/api/auth/login', { data: { username: 'forgot-password', password: 'a-long-first-password' } })).status()).toBe(401);

    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog');
    await edit.locator('#bureauId').selectOption(fuzhou.id);
    await edit.getByRole('button', { name: 'Save' }).click();
    // An English page names the bureau in English.
    await expect(row).toContainText(fuzhou.nameEn ?? fuzhou.name);
  });

  test('renames a bureau and refuses to disable one that still has active users', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/users');
    const row = page.locator('tr[data-bureau*="辽宁"]').first();
    await row.getByRole('button', { name: /^Edit/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit bureau' });
    await dialog.locator('#status').selectOption('disabled');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText(/still has \d+ active users/)).toBeVisible();
    await dialog.locator('#status').selectOption('active');
    await dialog.locator('#email').fill('office@ln-hrss.example.cn');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('tr[data-bureau*="辽宁"]').first()).toContainText('office@ln-hrss.example.cn');
  });

  test('runs a job now and sees its run appear', async ({ page }) => {
    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/jobs');
    const job = page.getByTestId('job-complaint-rollup-check');
    await expect(job).toBeVisible();
    const before = await job.locator('tbody tr').count();
    await job.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByTestId('run-result')).toContainText('complaint-rollup-check: Succeeded');
    await expect(job.locator('tbody tr')).toHaveCount(Math.min(before + 1, 10));
    await expect(job.locator('tbody tr').first()).toContainText('admin');
  });

  test('edits the working calendar: a day made a holiday is saved', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/calendar');
    await expect(page.getByTestId('calendar')).toBeVisible();
    const year = Number(await page.getByTestId('calendar-year').textContent());
    const date = `${year}-12-02`;
    const day = page.locator(`button[data-date="${date}"]`);
    await expect(day).toHaveAttribute('aria-pressed', 'false');
    await day.click();
    await expect(day).toHaveAttribute('aria-label', `${date}: Holiday`);
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(page.getByText('Saved')).toBeVisible();
    const token = await tokenFor(request, 'admin');
    const saved = await request.get(`/api/admin/working-calendar/${year}`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await saved.json()) as { holidays: { date: string }[] }).holidays.map((d) => d.date)).toContain(date);

    // Back to an ordinary day (two more clicks: working day, then ordinary), so other tests see the calendar as seeded.
    await day.click();
    await day.click();
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(day).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: 'Save calendar' })).toBeDisabled();
  });

  test('a holiday entered in the calendar moves the acknowledgement deadline of a complaint lodged afterwards', async ({ page, request }) => {
    let lodged = 0;
    // Each complaint says something new: the same words twice are taken as one complaint sent twice.
    const lodge = async () => {
      lodged += 1;
      const response = await request.post('/api/public/complaints', {
        data: { categories: ['no_written_contract'], description: `Browser test ${lodged} (${Date.now()}): no written contract was offered before departure.`, agencyName: 'Calendar test agency', jurisdictionCode: '350100' },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { ackDueAt: string; urgent: boolean };
    };
    const chinaDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
    const before = await lodge();
    expect(before.urgent).toBe(false);
    const due = chinaDay(before.ackDueAt);

    await useLanguage(page, 'en');
    await signInAsAdmin(page, '/admin/calendar');
    await expect(page.getByTestId('calendar')).toBeVisible();
    while (Number(await page.getByTestId('calendar-year').textContent()) < Number(due.slice(0, 4))) await page.getByRole('button', { name: `Year ${Number(await page.getByTestId('calendar-year').textContent()) + 1}` }).click();
    const day = page.locator(`button[data-date="${due}"]`);
    await expect(day).toHaveAttribute('aria-pressed', 'false');
    await day.click();
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(page.getByRole('button', { name: 'Save calendar' })).toBeDisabled();

    const after = await lodge();
    expect(chinaDay(after.ackDueAt) > due, `${chinaDay(after.ackDueAt)} after the new holiday ${due}`).toBe(true);

    // Put the day back (holiday → working day → ordinary) so the other tests see the seeded calendar.
    await day.click();
    await day.click();
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await expect(page.getByRole('button', { name: 'Save calendar' })).toBeDisabled();
    expect(chinaDay((await lodge()).ackDueAt)).toBe(due);
  });

  test('other roles are not offered the admin pages and are refused them', async ({ page }) => {
    await useLanguage(page, 'en');
    await page.goto('/sign-in?next=%2Fdashboard%2Ftrends');
    await page.locator('#username').fill('ministry');
    await page.locator('#password').fill('demo-password');
    await page.locator('button[type=submit]').click();
    await expect(page).toHaveURL(/\/dashboard\/trends/);
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await page.goto('/admin/jobs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You may not open this page');
  });
});

for (const language of ['zh-CN', 'en'] as Language[]) {
  const tag = language === 'en' ? 'en' : 'zh';
  test(`admin pages pass axe and are kept as screenshots (${tag}, desktop and tablet)`, async ({ page }, testInfo) => {
    // Eight pages, each checked and photographed at two sizes: more than one page's time budget.
    test.slow();
    await useLanguage(page, language);
    await page.setViewportSize(DESKTOP);
    await signInAsAdmin(page, '/admin/users');
    const pages = [
      { name: 'admin-users', path: '/admin/users', ready: () => expect(page.getByTestId('users-table')).toBeVisible() },
      { name: 'admin-jobs', path: '/admin/jobs', ready: () => expect(page.getByTestId('job-complaint-sla')).toBeVisible() },
      { name: 'admin-calendar', path: '/admin/calendar', ready: () => expect(page.getByTestId('calendar')).toBeVisible() },
      { name: 'admin-audit', path: '/audit', ready: () => expect(page.getByTestId('audit-table')).toBeVisible() },
    ];
    for (const entry of pages) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['tablet', TABLET]] as const) {
        await page.setViewportSize(viewport);
        await page.goto(entry.path);
        await entry.ready();
        if (size === 'desktop') await expectAccessible(page, testInfo, `${entry.name}-${tag}`);
        await keepScreenshot(page, `${entry.name}-${tag}-${size}`);
      }
    }
  });
}
