import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { tokenFor } from './support/api';
import { expectAccessible, expectNoHorizontalScroll, keepScreenshot, useLanguage as chooseLanguage, type Language } from './support/page-checks';

const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };

/** A browser of its own per user, signed in on the page it opens. */
async function signedIn(browser: Browser, username: string, path: string, language: Language = 'en'): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: TABLET, locale: language === 'en' ? 'en-GB' : 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await chooseLanguage(page, language);
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL((url) => url.pathname === path.split('?')[0]);
  return page;
}

test.describe('enforcement with due process', () => {
  test('inspector proposes, bureau serves notice, agency asks for a hearing, bureau records it and decides, the public list shows the sanction until an appeal annuls it', async ({ browser, request }, testInfo) => {
    // Four users and an inspection filed through the API: more than the default minute on a shared machine.
    test.setTimeout(180_000);
    // The inspector proposes a suspension of the agency of agency-fj-1 (through the API: the inspection pages are another module's).
    const agencyToken = await tokenFor(request, 'agency-fj-1');
    const me = (await (await request.get('/api/me', { headers: { authorization: `Bearer ${agencyToken}` } })).json()) as { agency: { id: string } };
    const agencyId = me.agency.id;
    const inspectorToken = await tokenFor(request, 'fj-inspector');
    // The ground is an inspection of the agency (the jobs' kinds are not an official's to name): planned, filed and submitted.
    const asInspector = { authorization: `Bearer ${inspectorToken}` };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const planned = (await (await request.post('/api/inspections', { headers: asInspector, data: { agencyId, type: 'thematic', inspectionDate: today } })).json()) as { id: string; version: number };
    const inspection = (await (await request.get(`/api/inspections/${planned.id}`, { headers: asInspector })).json()) as { version: number; findings: { itemCode: string }[] };
    const filed = await request.put(`/api/inspections/${planned.id}/findings`, {
      headers: asInspector,
      data: { version: inspection.version, findings: inspection.findings.map((f, i) => ({ itemCode: f.itemCode, result: i === 0 ? 'non_compliant' : 'compliant', note: i === 0 ? 'Passports held' : undefined })) },
    });
    expect(filed.status(), await filed.text()).toBe(200);
    const submitted = await request.post(`/api/inspections/${planned.id}/submit`, { headers: asInspector, data: { version: ((await filed.json()) as { version: number }).version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const proposed = await request.post('/api/cases', {
      headers: asInspector,
      data: {
        agencyId,
        grounds: [{ kind: 'inspection', reference: planned.id, note: 'Workers’ passports held (browser journey)' }],
        proposedSanction: 'suspension',
        suspensionDays: 30,
        legalBasis: 'Interim Regulation on the Human Resources Market, art. 45',
        facts: 'The agency held the passports of 12 workers bound for Singapore.',
      },
    });
    expect(proposed.status(), await proposed.text()).toBe(201);
    const { id, caseNumber, caseNumberEn } = (await proposed.json()) as { id: string; caseNumber: string; caseNumberEn: string };
    const profile = (await (await request.get(`/api/agencies/${agencyId}`, { headers: { authorization: `Bearer ${agencyToken}` } })).json()) as { uscc: string };

    // The bureau finds it in its queue and serves the notice.
    const bureau = await signedIn(browser, 'fj-admin', '/cases');
    await expect(bureau.getByRole('heading', { level: 1 })).toHaveText('Enforcement cases');
    await bureau.getByRole('link', { name: caseNumberEn }).click();
    await expect(bureau.getByTestId('case-status')).toContainText('Opened');
    await keepScreenshot(bureau, 'case-opened-tablet-en');
    await bureau.getByRole('button', { name: 'Serve the notice' }).click();
    await expect(bureau.getByTestId('case-status')).toContainText('Notice served');
    await expect(bureau.getByTestId('case-windows')).toContainText('working day');
    await expect(bureau.getByText('Notice of intended sanction')).toBeVisible();

    // The agency asks for a hearing from its own case page.
    const agency = await signedIn(browser, 'agency-fj-1', `/cases/${id}`);
    await expect(agency.getByTestId('case-windows')).toContainText('working day');
    await keepScreenshot(agency, 'case-notice-agency-tablet-en');
    await expectAccessible(agency, testInfo, 'case-agency-en');
    await agency.getByTestId('action-hearing').getByLabel('Reason (optional)').fill('We dispute the facts and wish to be heard.');
    await agency.getByTestId('action-hearing').getByRole('button', { name: 'Request a hearing' }).click();
    await expect(agency.getByTestId('case-status')).toContainText('Hearing requested');

    // The bureau records the hearing and decides.
    await bureau.reload();
    // A reload loads the whole workspace again: give it longer than one expectation's default.
    await expect(bureau.getByTestId('case-status')).toContainText('Hearing requested', { timeout: 30_000 });
    const hearing = bureau.getByTestId('action-hearing');
    await hearing.getByLabel('Held on').fill(today);
    await hearing.getByLabel('Attendees').fill('Agency director; two officers of Fujian HRSS');
    await hearing.getByLabel('Minutes').fill('The agency said the workers had asked it to keep the passports safe.');
    await hearing.getByRole('button', { name: 'Record the hearing' }).click();
    await expect(bureau.getByTestId('case-status')).toContainText('Hearing held');
    const decision = bureau.getByTestId('action-decision');
    await decision.getByLabel('Reasons (answering the representations and the hearing)').fill('Keeping passports is not allowed even at the workers’ request; the suspension stands.');
    // The published summary is drafted from the sanction and shown as the public will read it.
    await expect(decision.getByTestId('published-preview')).toContainText('Sanction: suspension of the licence for 30 days');
    await expect(decision.getByLabel('Published summary (Chinese)')).toHaveValue(/暂停许可 30 日/);
    await decision.getByRole('button', { name: 'Decide' }).click();
    await expect(bureau.getByTestId('case-status')).toContainText('Decided');
    await expect(bureau.getByTestId('case-decision')).toContainText('Suspension 30 days');
    await expect(bureau.getByTestId('case-timeline')).toContainText('Hearing held');
    await keepScreenshot(bureau, 'case-decided-tablet-en');
    await expectAccessible(bureau, testInfo, 'case-bureau-en');

    // The public list of sanctions shows it at once, on a phone.
    const publicContext = await browser.newContext({ baseURL, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const visitor = await publicContext.newPage();
    await visitor.goto(`/sanctions?q=${profile.uscc}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('行政处罚公示');
    await expect(visitor.getByTestId('sanctions-list')).toContainText(caseNumber);
    await expect(visitor.getByTestId('sanctions-list')).toContainText('暂停许可 30 日');
    await expect(visitor.getByTestId('sanction-summary').first()).toContainText('违反Interim Regulation on the Human Resources Market, art. 45');
    await expectNoHorizontalScroll(visitor, 'sanctions-phone');
    await expectAccessible(visitor, testInfo, 'sanctions-zh');
    await keepScreenshot(visitor, 'sanctions-phone-zh');

    // An appeal annuls the decision: the listing disappears.
    await bureau.reload();
    const appeal = bureau.getByTestId('action-appeal');
    await appeal.getByLabel('Lodged on').fill(today);
    await appeal.getByLabel('Outcome', { exact: true }).selectOption('annulled');
    await appeal.getByLabel('Outcome on').fill(today);
    await appeal.getByRole('button', { name: 'Record an appeal outcome' }).click();
    await expect(bureau.getByTestId('case-status')).toContainText('Closed');
    await expect(bureau.getByTestId('case-decision')).toContainText('Annulled');
    await keepScreenshot(bureau, 'case-annulled-tablet-en');
    await visitor.reload();
    await expect(visitor.getByTestId('sanctions-list')).not.toContainText(caseNumber);
    await publicContext.close();
  });

  test('the public register shows credit grades and links to sanctions', async ({ page, request }, testInfo) => {
    // The demo has agencies in every grade.
    const register = (await (await request.get('/api/public/agencies?limit=200')).json()) as { items: { creditGrade: string | null }[] };
    expect([...new Set(register.items.map((a) => a.creditGrade))].sort()).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
    await page.setViewportSize(PHONE);
    await page.goto('/agencies?province=35');
    await expect(page.getByTestId('credit-grade').first()).toBeVisible();
    await expectNoHorizontalScroll(page, 'register-phone');
    await keepScreenshot(page, 'register-grades-phone-zh');
    await page.getByRole('link', { name: '查看行政处罚' }).first().click();
    await expect(page).toHaveURL(/\/sanctions\?q=/);
    await expectAccessible(page, testInfo, 'sanctions-from-register');
  });

  test('in Chinese: a case an inspection referred names its grounds and the inspection outcome in Chinese, never by code', async ({ browser, request }, testInfo) => {
    const token = await tokenFor(request, 'fj-admin');
    const headers = { authorization: `Bearer ${token}` };
    type Detail = { id: string; grounds: { kind: string; inspectionOutcome?: string | null }[] };
    const listed = (await (await request.get('/api/cases?limit=100', { headers })).json()) as { items: { id: string }[] };
    let referred: Detail | undefined;
    for (const { id } of listed.items) {
      const detail = (await (await request.get(`/api/cases/${id}`, { headers })).json()) as Detail;
      if (detail.grounds.some((g) => g.kind === 'inspection' && g.inspectionOutcome)) {
        referred = detail;
        break;
      }
    }
    expect(referred, 'the demo refers inspections to cases').toBeDefined();
    const bureau = await signedIn(browser, 'fj-admin', `/cases/${referred!.id}`, 'zh-CN');
    const grounds = bureau.getByTestId('case-grounds');
    await expect(grounds).toContainText('检查 · 检查结论：');
    await expect(grounds).toContainText(/重大违规|严重违规|轻微问题|合规/);
    const text = await bureau.locator('main').innerText();
    expect(text).not.toMatch(/critical_violation|serious_violation|minor_issues|non_compliant/);
    await expectAccessible(bureau, testInfo, 'case-referred-zh');
    await keepScreenshot(bureau, 'case-referred-tablet-zh');
  });

  test('in Chinese: the bureau queue and a case awaiting representations; in English: the public list on a phone', async ({ browser }, testInfo) => {
    // Two languages, a phone and several pages: the multi-page journeys' 150 s.
    test.setTimeout(150_000);
    const bureau = await signedIn(browser, 'fj-admin', '/cases?status=notice_served', 'zh-CN');
    await expect(bureau.getByRole('heading', { level: 1 })).toHaveText('执法案件');
    await expect(bureau.getByTestId('cases-table')).toContainText('已送达告知书');
    await expectAccessible(bureau, testInfo, 'cases-zh');
    await keepScreenshot(bureau, 'cases-queue-tablet-zh');
    await bureau.getByTestId('cases-table').getByRole('link').first().click();
    await expect(bureau.getByTestId('case-windows')).toContainText('工作日');
    await expectAccessible(bureau, testInfo, 'case-zh');
    await keepScreenshot(bureau, 'case-notice-tablet-zh');
    // Withdrawing ends the case: danger-styled, and one click only asks, saying what follows.
    const withdraw = bureau.getByRole('button', { name: '撤销案件' });
    await expect(withdraw).toHaveClass(/ant-btn-dangerous/);
    await withdraw.click();
    const ask = bureau.getByRole('tooltip');
    await expect(ask).toContainText('撤销此案件？');
    await expect(ask).toContainText('不能再恢复');
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(bureau.getByTestId('case-windows')).toContainText('工作日');

    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', timezoneId: 'Asia/Shanghai' });
    const visitor = await context.newPage();
    await chooseLanguage(visitor, 'en');
    await visitor.goto('/sanctions');
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sanctions');
    // The demo decided a suspension and a revocation in Fujian; the annulled one is not listed.
    await expect(visitor.getByTestId('sanctions-list').locator('> li').first()).toBeVisible();
    await expectNoHorizontalScroll(visitor, 'sanctions-phone-en');
    await expectAccessible(visitor, testInfo, 'sanctions-en');
    await keepScreenshot(visitor, 'sanctions-phone-en');
    await context.close();
  });
});
