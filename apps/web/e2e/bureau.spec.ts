import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { tokenFor } from './support/api';
import { disableAccountWithConfirmation, expectAccessible, expectNoHorizontalScroll, keepScreenshot, useLanguage, type Language } from './support/page-checks';

/** The bureau admin's and the agency's workspaces: whole journeys on the demo data. */
const DESKTOP = { width: 1280, height: 800 };

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  const path = next.split('?')[0]!;
  await expect(page).toHaveURL((url) => url.pathname === path);
}

async function apiAs(request: APIRequestContext, username: string) {
  const token = await tokenFor(request, username);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async <T>(path: string): Promise<T> => {
      const response = await request.get(path, { headers });
      expect(response.status(), `${username} GET ${path}`).toBe(200);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const response = await request.post(path, { headers, data });
      expect(response.status(), `${username} POST ${path}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    },
  };
}

interface Page_<T> {
  items: T[];
}
interface Licence {
  id: string;
  licenceNumber: string;
  agencyId: string;
  status: string;
  version: number;
}

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

test.describe('bureau admin and agency workspaces', () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  test("fj-admin's home counts the enforcement cases awaiting a decision, each state a link to the cases queue", async ({ page, request }) => {
    const fujian = await apiAs(request, 'fj-admin');
    let waiting = 0;
    for (const status of ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held']) {
      waiting += (await fujian.get<Page_<{ id: string }>>(`/api/cases?status=${status}&limit=100`)).items.length;
    }
    expect(waiting).toBeGreaterThan(0);
    // The home asks for the counts once; the API counts them in SQL, not the browser page by page.
    const caseRequests: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/cases')) caseRequests.push(url.pathname + url.search);
    });
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/home');
    const queue = page.getByTestId('queue-cases');
    await expect(queue).toContainText(String(waiting));
    expect(caseRequests).toEqual(['/api/cases/counts']);
    await queue.getByRole('link', { name: 'Notice served', exact: true }).click();
    await expect(page).toHaveURL(/\/cases\?status=notice_served/);
  });

  test('fj-admin approves an application: the new licence number is shown and the public verification page shows the licence', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/home');
    const queue = page.getByTestId('queue-applications');
    await expect(queue).toContainText(/\d+ (waiting|or more)/);
    await queue.getByRole('link', { name: 'Submitted', exact: true }).click();
    await expect(page).toHaveURL(/\/applications\?status=submitted/);
    await expect(page.locator('#filter-status')).toHaveValue('submitted');
    const first = page.getByTestId('applications-table').locator('tbody tr').first();
    await expect(first).toContainText('Submitted');
    await first.getByRole('link').click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Start the review' }).click();
    await expect(page.getByTestId('application-facts')).toContainText('Under review');
    // Refusing without a reason is stopped beside the field.
    await page.getByRole('radio', { name: 'Refuse' }).check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByText('Give the reason (at least 3 characters).')).toBeVisible();
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const issued = page.getByTestId('issued');
    await expect(issued).toContainText(/Licence \d{6}-\d{4}-\d{6} has been issued/);
    const number = /(\d{6}-\d{4}-\d{6})/.exec((await issued.textContent()) ?? '')![1]!;
    await expect(page.getByTestId('application-facts')).toContainText('Approved');
    await expect(page.getByTestId('application-facts')).toContainText(number);

    await page.getByTestId('verify-link').click();
    await expect(page).toHaveURL(new RegExp(`/verify/${number}$`));
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('verdict')).toHaveClass(/verdict-valid/);
    await expect(page.locator('main')).toContainText(number);
  });

  test('agency-fj-1 fills in, saves, resumes and submits a self-assessment; fj-admin returns it with a note; the agency resubmits', async ({ browser, request }, testInfo) => {
    // Two people, 29 items answered twice and axe on a long form: longer than one page's journey.
    test.setTimeout(180_000);
    const agency = await apiAs(request, 'agency-fj-1');
    const { agencyId } = await agency.get<{ agencyId: string }>('/api/me');
    const period = Number(inDays(0).slice(0, 4));

    const admin = await browser.newContext({ viewport: DESKTOP });
    const adminPage = await admin.newPage();
    await useLanguage(adminPage, 'en');
    await signIn(adminPage, 'fj-admin', `/self-assessments?agencyId=${agencyId}`);
    await expect(adminPage.getByTestId('round-for')).toContainText('Fuzhou Strait International HR');
    await adminPage.locator('#period').fill(String(period));
    await adminPage.locator('#dueOn').fill(inDays(30));
    await adminPage.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(adminPage.getByTestId('round-result')).toContainText('1 opened');

    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-1', '/home');
    await expect(page.getByTestId('todo-self-assessments')).toContainText(/[1-9]\d* waiting/);
    await page.goto('/self-assessments');
    const row = page.locator(`tr[data-period="${period}"]`);
    await expect(row).toContainText('Draft');
    await row.getByRole('link').click();
    await expect(page.getByTestId('progress')).toContainText(/^0 of \d+ answered$/);
    const items = page.locator('[data-item]');
    const total = await items.count();
    expect(total).toBeGreaterThan(10);

    // Half now, saved; the rest after coming back.
    for (let i = 0; i < total / 2; i++) await items.nth(i).getByRole('radio', { name: 'Yes' }).check();
    await items.first().getByRole('textbox').fill('Licence displayed at the entrance');
    await expect(page.getByText('You have changes not saved yet.')).toBeVisible();
    await expect(page.getByTestId('submit-answers')).toBeDisabled();
    await page.getByTestId('save-answers').click();
    await expect(page.getByText('You have changes not saved yet.')).toBeHidden();
    const half = Math.ceil(total / 2);
    await page.reload();
    await expect(page.getByTestId('progress')).toHaveText(`${half} of ${total} answered`);
    await expect(items.first().getByRole('textbox')).toHaveValue('Licence displayed at the entrance');
    await keepScreenshot(page, 'bureau-agency-self-assessment-form-en');
    await expectAccessible(page, testInfo, 'agency-self-assessment-form-en');
    for (let i = half; i < total; i++) await items.nth(i).getByRole('radio', { name: i % 7 === 0 ? 'Partly' : 'Yes' }).check();
    await expect(page.getByTestId('progress')).toHaveText(`${total} of ${total} answered`);
    await page.getByTestId('submit-answers').click();
    await expect(page.getByTestId('sa-facts')).toContainText('Submitted');
    const url = page.url();

    // The bureau returns it with a note.
    await adminPage.goto(new URL(url).pathname);
    await expect(adminPage.getByTestId('sa-facts')).toContainText('Submitted');
    await adminPage.getByRole('radio', { name: 'Return to the agency' }).check();
    await adminPage.getByRole('button', { name: 'Record the review' }).click();
    await expect(adminPage.getByText('Say what the agency must change (at least 3 characters).')).toBeVisible();
    await adminPage.locator('#note').fill('Explain how workers are told that recruitment is free of charge.');
    await adminPage.getByRole('button', { name: 'Record the review' }).click();
    await expect(adminPage.getByTestId('sa-facts')).toContainText('Returned');
    await keepScreenshot(adminPage, 'bureau-admin-self-assessment-returned-en');

    // The agency sees the note, corrects an answer and resubmits.
    await page.reload();
    await expect(page.getByTestId('review-note')).toContainText('Explain how workers are told that recruitment is free of charge.');
    await expect(page.getByTestId('progress')).toHaveText(`${total} of ${total} answered`);
    await page.locator('[data-item="FEE-1"]').getByRole('textbox').fill('Workers sign a statement that they paid nothing');
    await page.getByTestId('submit-answers').click();
    await expect(page.getByTestId('sa-facts')).toContainText('Resubmitted');

    await adminPage.reload();
    await expect(adminPage.getByTestId('sa-facts')).toContainText('Resubmitted');
    await expect(adminPage.locator('[data-item="FEE-1"]')).toContainText('Workers sign a statement that they paid nothing');
    await admin.close();
    await context.close();
  });

  test('agency-fj-2 applies for renewal inside the window; fj-admin approves; the expiry moves on', async ({ browser, request }) => {
    test.setTimeout(120_000);
    const agency = await apiAs(request, 'agency-fj-2');
    const { agencyId } = await agency.get<{ agencyId: string }>('/api/me');
    const before = (await agency.get<Page_<Licence & { expiresOn: string }>>(`/api/licences?agencyId=${agencyId}`)).items.find((l) => l.status === 'active')!;

    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-2', '/home');
    await expect(page.getByTestId('renewal-open')).toContainText(before.licenceNumber);
    await page.getByTestId('renewal-open').getByRole('link').click();
    const card = page.locator(`li[data-licence="${before.licenceNumber}"]`);
    await expect(card.getByTestId('renewal-window')).toContainText('Open now');
    await card.getByRole('button', { name: 'Apply for renewal' }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('application-facts')).toContainText('Renewal');
    await expect(page.getByTestId('application-facts')).toContainText('Submitted');
    await expect(page.getByTestId('application-facts')).toContainText(before.licenceNumber);

    const admin = await browser.newContext({ viewport: DESKTOP });
    const adminPage = await admin.newPage();
    await useLanguage(adminPage, 'en');
    await signIn(adminPage, 'fj-admin', new URL(page.url()).pathname);
    await adminPage.getByRole('button', { name: 'Record the decision' }).click();
    await expect(adminPage.getByTestId('application-facts')).toContainText('Approved');

    const after = (await agency.get<Licence & { expiresOn: string }>(`/api/licences/${before.id}`));
    expect(after.expiresOn > before.expiresOn).toBe(true);
    await page.goto('/my-agency');
    await expect(card.getByTestId('renewal-window')).toContainText('Opens on');
    await admin.close();
    await context.close();
  });

  test('agency-fj-1 applies for a variation of its licence and sees it among its applications', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-1', '/my-agency');
    const card = page.locator('li[data-licence]').first();
    const number = await card.getAttribute('data-licence');
    await expect(card.getByTestId('renewal-window')).toContainText('Opens on');
    await card.getByRole('button', { name: 'Apply for a variation' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Variation of licence ${number}`);
    await dialog.locator('#conditions').fill('Placement of seafarers excluded');
    await dialog.getByRole('button', { name: 'Send the application' }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('application-facts')).toContainText('Variation');
    await expect(page.getByTestId('application-facts')).toContainText('Placement of seafarers excluded');
    await page.goto('/applications?kind=variation');
    await expect(page.getByTestId('applications-table')).toContainText('Submitted');
  });

  test('notifications are read in the reader’s language and marked read one by one', async ({ page, request }) => {
    const agency = await apiAs(request, 'agency-fj-1');
    const before = await agency.get<{ unreadNotifications: number }>('/api/me');
    expect(before.unreadNotifications).toBeGreaterThan(0);
    await useLanguage(page, 'en');
    await signIn(page, 'agency-fj-1', '/notifications');
    const unread = page.locator('[data-testid="notifications"] li[data-read="false"]');
    await expect(unread.first()).toBeVisible();
    const count = await unread.count();
    await unread.first().getByRole('button', { name: 'Mark as read' }).click();
    await expect(unread).toHaveCount(count - 1);
    await expect.poll(async () => (await agency.get<{ unreadNotifications: number }>('/api/me')).unreadNotifications).toBe(before.unreadNotifications - 1);
  });

  test('a Liaoning officer opening a Fujian agency or licence page sees "not found"', async ({ page, request }) => {
    const fujian = await apiAs(request, 'fj-admin');
    const { items } = await fujian.get<Page_<Licence>>('/api/licences?status=active&limit=1');
    const licence = items[0]!;
    await useLanguage(page, 'en');
    await signIn(page, 'ln-admin', `/registry/agencies/${licence.agencyId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.goto(`/registry/licences/${licence.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    // Their own register works.
    await page.goto('/registry/agencies');
    await expect(page.getByTestId('agencies-table')).toContainText('Shenyang');
    await expect(page.getByTestId('agencies-table')).not.toContainText('Fuzhou');
  });

  test('the Fuzhou licensing officer (fz-admin) works on Fuzhou only', async ({ page }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fz-admin', '/applications');
    await expect(page.getByTestId('applications-table')).toContainText('Fuzhou');
    await expect(page.getByTestId('applications-table')).not.toContainText('Xiamen');
    await page.goto('/registry/agencies');
    await expect(page.getByTestId('agencies-table')).toContainText('Fuzhou');
    await expect(page.getByTestId('agencies-table')).not.toContainText('Quanzhou');
  });

  test('a CSV import with bad rows lists every problem against its line and imports nothing', async ({ page, request }, testInfo) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/registry/agencies');
    const csv = [
      'uscc,name_zh,legal_representative,address,jurisdiction_code,agency_type',
      '91350100MA00000000,测试机构甲,张三,福州市某路1号,350100,domestic_placement',
      'not-a-code,测试机构乙,李四,福州市某路2号,350100,domestic_placement',
      '91350100MA00000019,测试机构丙,王五,沈阳市某路3号,210100,overseas_placement',
      '91350100MA00000027,测试机构丁,赵六,福州市某路4号,350100,no_such_type',
    ].join('\n');
    await page.locator('#import-file').setInputFiles({ name: 'agencies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByTestId('import-problems');
    await expect(problems).toContainText('nothing was imported');
    for (const line of [3, 4, 5]) await expect(problems.locator(`tr[data-line="${line}"]`).first()).toBeVisible();
    await expect(problems.locator('tr[data-line="4"]', { hasText: 'jurisdiction_code' })).toContainText('outside your jurisdiction');
    await expect(problems.locator('tr[data-line="5"]', { hasText: 'agency_type' })).toBeVisible();
    await keepScreenshot(page, 'bureau-import-problems-en');
    await expectAccessible(page, testInfo, 'import-problems-en');
    const fujian = await apiAs(request, 'fj-admin');
    const found = await fujian.get<Page_<unknown>>(`/api/agencies?name=${encodeURIComponent('测试机构')}`);
    expect(found.items).toHaveLength(0);
  });

  test('a licence action on a licence someone else changed meanwhile is refused with the 409 explained', async ({ page, request }, testInfo) => {
    const fujian = await apiAs(request, 'fj-admin');
    // An active licence outside Fuzhou (whose agencies other journeys work with); the demo's cases change some cities' licences.
    let licence: Licence | undefined;
    for (const city of ['350800', '350300', '350200', '350500']) {
      licence ??= (await fujian.get<Page_<Licence>>(`/api/licences?status=active&jurisdiction=${city}&limit=1`)).items[0];
    }
    if (!licence) throw new Error('the demo has no active licence in Fujian outside Fuzhou');
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', `/registry/licences/${licence.id}`);
    await expect(page.getByTestId('licence-status')).toContainText('Active');

    // Someone else suspends and reinstates it while the page is open: still active, but a newer version.
    const suspended = await fujian.post<Licence>(`/api/licences/${licence.id}/suspend`, { reason: 'Checked by a colleague', version: licence.version });
    await fujian.post<Licence>(`/api/licences/${licence.id}/reinstate`, { reason: 'Cleared by a colleague', version: suspended.version });

    await page.getByRole('radio', { name: 'Suspend' }).check();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect(page.getByText('Give the reason (at least 3 characters): it is kept in the licence’s history.')).toBeVisible();
    await page.locator('#until').fill(inDays(30));
    await page.locator('#reason').fill('Fees charged to workers');
    await page.getByRole('button', { name: 'Suspend' }).click();
    const conflict = page.getByTestId('action-conflict');
    await expect(conflict).toContainText('Someone else changed this record after you opened it');
    await expect(conflict).toContainText('changed by someone else');
    // The page now shows what the colleague did.
    await expect(page.getByTestId('licence-events')).toContainText('Cleared by a colleague');
    await keepScreenshot(page, 'bureau-licence-conflict-en');
    await expectAccessible(page, testInfo, 'licence-conflict-en');

    // Tried again on the fresh page, it goes through and is recorded.
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect(page.getByTestId('licence-status')).toContainText('Suspended');
    await expect(page.getByTestId('licence-events')).toContainText('Fees charged to workers');
  });

  test('the same refusal is explained in Chinese to a Chinese reader', async ({ page, request }) => {
    const fujian = await apiAs(request, 'fj-admin');
    // An active licence outside Fuzhou, not the one the stale-action journey leaves suspended.
    let licence: Licence | undefined;
    for (const city of ['350500', '350200', '350300']) {
      licence ??= (await fujian.get<Page_<Licence>>(`/api/licences?status=active&jurisdiction=${city}&limit=1`)).items[0];
    }
    if (!licence) throw new Error('the demo has no active licence in Quanzhou, Xiamen or Putian');
    await useLanguage(page, 'zh-CN');
    await signIn(page, 'fj-admin', `/registry/licences/${licence.id}`);
    await expect(page.getByTestId('licence-status')).toContainText('有效');
    await fujian.post<Licence>(`/api/licences/${licence.id}/suspend`, { reason: 'Checked by a colleague', until: inDays(10), version: licence.version });
    await page.getByRole('radio', { name: '吊销' }).check();
    await page.locator('#reason').fill('严重违规');
    await page.getByRole('button', { name: '吊销' }).click();
    const conflict = page.getByTestId('action-conflict');
    await expect(conflict).toContainText('其他人已修改了这条记录');
    await expect(conflict).toContainText('已被他人修改');
    await expect(page.getByTestId('licence-status')).toContainText('暂停');
    await keepScreenshot(page, 'bureau-licence-conflict-zh');
  });

  test('fj-admin opens an inspector account for its bureau and disables it', async ({ page, request }) => {
    await useLanguage(page, 'en');
    await signIn(page, 'fj-admin', '/bureau/users');
    await page.getByRole('button', { name: 'New officer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#username').fill('fj-new-inspector');
    await dialog.locator('#displayName').fill('New Fujian inspector');
    await dialog.locator('#password').fill('a-long-first-password');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const row = page.locator('tr[data-username="fj-new-inspector"]');
    await expect(row).toContainText('Inspector');
    await expect(row).toContainText('Fujian HRSS Department');
    expect((await request.post('/api/auth/login', { data: { username: 'fj-new-inspector', password: 'a-long-first-password' } })).status()).toBe(200);
    await disableAccountWithConfirmation(page, row);
    // The agencies' accounts are there too.
    await expect(page.locator('tr[data-username="agency-fj-1"]')).toContainText('Agency account');
  });
});

test.describe('every workspace page passes axe in both languages', () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  for (const language of ['zh-CN', 'en'] as Language[]) {
    const suffix = language === 'en' ? 'en' : 'zh';

    test(`bureau admin pages (${language})`, async ({ page, request }, testInfo) => {
      // Ten pages, each checked by axe and photographed whole.
      test.setTimeout(300_000);
      const fujian = await apiAs(request, 'fj-admin');
      const agencyUser = await apiAs(request, 'agency-fj-1');
      const { agencyId } = await agencyUser.get<{ agencyId: string }>('/api/me');
      const licences = await fujian.get<Page_<Licence>>(`/api/licences?agencyId=${agencyId}&limit=1`);
      const applications = await fujian.get<Page_<{ id: string }>>('/api/licence-applications?limit=1');
      const assessments = await fujian.get<Page_<{ id: string }>>('/api/self-assessments?withDiscrepancies=true&limit=1');
      await useLanguage(page, language);
      await signIn(page, 'fj-admin', '/home');
      const pages: [string, string][] = [
        ['home', '/home'],
        ['applications', '/applications'],
        ['application', `/applications/${applications.items[0]!.id}`],
        ['self-assessments', '/self-assessments'],
        ['self-assessment-review', `/self-assessments/${assessments.items[0]!.id}`],
        ['register', '/registry/agencies?licenceStatus=active'],
        ['agency', `/registry/agencies/${agencyId}`],
        ['licence', `/registry/licences/${licences.items[0]!.id}`],
        ['users', '/bureau/users'],
        ['notifications', '/notifications'],
      ];
      for (const [name, path] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('.page-loading')).toHaveCount(0);
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, testInfo, `bureau-${name}-${suffix}`);
        await keepScreenshot(page, `bureau-admin-${name}-${suffix}`);
      }
      if (language === 'en') await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
    });

    test(`agency pages (${language})`, async ({ page, request }, testInfo) => {
      // Ten pages, each checked by axe and photographed whole.
      test.setTimeout(300_000);
      const agencyUser = await apiAs(request, 'agency-fj-1');
      const assessments = await agencyUser.get<Page_<{ id: string }>>('/api/self-assessments?limit=1');
      await useLanguage(page, language);
      await signIn(page, 'agency-fj-1', '/home');
      const pages: [string, string][] = [
        ['home', '/home'],
        ['my-agency', '/my-agency'],
        ['complaints', '/my-agency/complaints'],
        ['applications', '/applications'],
        ['self-assessments', '/self-assessments'],
        ['self-assessment', `/self-assessments/${assessments.items[0]!.id}`],
        ['notifications', '/notifications'],
      ];
      for (const [name, path] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('.page-loading')).toHaveCount(0);
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, testInfo, `agency-${name}-${suffix}`);
        await keepScreenshot(page, `bureau-agency-${name}-${suffix}`);
      }
    });

    test(`inspector home (${language})`, async ({ page }, testInfo) => {
      await useLanguage(page, language);
      await signIn(page, 'fz-inspector', '/home');
      await expect(page.getByTestId('inspector-links').getByRole('link')).toHaveCount(4);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, testInfo, `inspector-home-${suffix}`);
      await keepScreenshot(page, `bureau-inspector-home-${suffix}`);
    });
  }
});

test.describe('agency staff on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the agency pages fit a phone without sideways scrolling', async ({ page }) => {
    await useLanguage(page, 'zh-CN');
    await signIn(page, 'agency-fj-1', '/home');
    for (const [name, path] of [
      ['home', '/home'],
      ['my-agency', '/my-agency'],
      ['self-assessments', '/self-assessments'],
      ['complaints', '/my-agency/complaints'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.page-loading')).toHaveCount(0);
      await expectNoHorizontalScroll(page, path);
      await keepScreenshot(page, `bureau-agency-phone-${name}-zh`);
    }
  });
});
