import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { tokenFor } from './support/api';
import { expectAccessible, expectNoHorizontalScroll, keepScreenshot, useLanguage as chooseLanguage, type Language } from './support/page-checks';

/** The inspector works on a tablet (iPad Air, portrait). */
const TABLET = { width: 820, height: 1180 };
const AGENCY_EN = 'Fuzhou Strait International HR Co.';
const AGENCY_ZH = '福州海峡国际人力资源有限公司';

interface Finding {
  itemCode: string;
  criticality: string;
  result: string | null;
  note: string | null;
  evidence: string[];
}
interface InspectionDetail {
  id: string;
  status: string;
  version: number;
  outcome: string | null;
  findings: Finding[];
}

async function signIn(page: Page, username: string, next: string, language: Language = 'en') {
  await chooseLanguage(page, language);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
}

async function tabletContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: TABLET, locale: 'en', timezoneId: 'Asia/Shanghai' });
}

async function api<T>(request: APIRequestContext, username: string, method: 'get' | 'post' | 'put', path: string, body?: unknown): Promise<T> {
  const token = await tokenFor(request, username);
  const response = await request[method](path, { headers: { authorization: `Bearer ${token}` }, ...(body ? { data: body } : {}) });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function demoAgencyId(request: APIRequestContext): Promise<string> {
  const { items } = await api<{ items: { agencyId: string; nameEn: string | null }[] }>(request, 'fz-inspector', 'get', '/api/inspections/priorities?limit=200');
  const agency = items.find((a) => a.nameEn === AGENCY_EN);
  expect(agency, `${AGENCY_EN} among fz-inspector's priorities`).toBeTruthy();
  return agency!.agencyId;
}

async function planByApi(request: APIRequestContext): Promise<string> {
  const agencyId = await demoAgencyId(request);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const created = await api<{ id: string }>(request, 'fz-inspector', 'post', '/api/inspections', { agencyId, type: 'thematic', inspectionDate: today });
  return created.id;
}

const item = (page: Page, code: string) => page.locator(`article[data-item="${code}"]`);
const choose = (page: Page, code: string, result: 'Compliant' | 'Non-compliant' | 'Not applicable' | 'Not checked') => item(page, code).getByLabel(result, { exact: true }).check();

test.describe('inspector workspace', () => {
  test.use({ viewport: TABLET, isMobile: false, hasTouch: true, locale: 'en' });

  test('fz-inspector plans and files an inspection offline and online, submits a critical violation; the agency answers, the inspector verifies', async ({ page, context, browser, request }) => {
    test.setTimeout(180_000);
    await signIn(page, 'fz-inspector', '/inspector/priorities');
    const row = page.locator('li.priority-row', { hasText: AGENCY_EN });
    await expect(row).toBeVisible();
    await expect(row.locator('.factor-list, .muted').first()).toBeVisible();
    // The place by name (the division code only as secondary text), not the bare code.
    await expect(row.locator('.priority-place')).toHaveText('Fuzhou350100');
    await expect(row.locator('.priority-place .division-code')).toHaveText('350100');
    await row.getByRole('button', { name: `Plan inspection: ${AGENCY_EN}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#type').selectOption('routine');
    await dialog.getByRole('button', { name: 'Plan' }).click();
    await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const status = page.getByTestId('sync-status');
    await expect(status).toHaveText('Saved');

    const planned = await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`);
    const codes = planned.findings.map((f) => f.itemCode);
    const critical = planned.findings.find((f) => f.criticality === 'critical')!.itemCode;
    const half = Math.ceil(codes.length / 2);

    // Nothing answered yet: no outcome and no score, and a critical item is labelled as such, not "0 pts".
    await expect(page.getByTestId('preview')).toContainText(`Not yet assessed · ${codes.length} items still without a result`);
    await expect(page.getByTestId('preview')).not.toContainText('Compliant');
    await expect(item(page, critical).locator('.finding-head')).toContainText('Critical: a failure makes it a critical violation');
    await expect(item(page, critical).locator('.finding-head')).not.toContainText('0 pts');

    // First half online: each click saved as it is made.
    for (const code of codes.slice(0, half)) await choose(page, code, code === critical ? 'Non-compliant' : 'Compliant');
    await expect(status).toHaveText('Saved');
    await expect(page.getByTestId('progress')).toHaveText(`${half} of ${codes.length} checked`);

    // The connection drops: the rest is kept in the browser, and the page says how much waits.
    await context.setOffline(true);
    for (const code of codes.slice(half)) await choose(page, code, 'Compliant');
    await item(page, critical).getByLabel('Note').fill('Worker files show a 3,000 yuan fee charged to each worker.');
    await item(page, critical).getByLabel('Evidence references (one per line)').fill('PHOTO-17\nLEDGER-2026-03');
    await expect(status).toHaveText(/^Offline, \d+ changes waiting$/);
    const stored = await page.evaluate((key) => window.localStorage.getItem(key), `inspection-findings:${id}`);
    expect(Object.keys(JSON.parse(stored ?? '{}') as object).length).toBe(codes.length - half + 1);
    expect(stored).not.toMatch(/eyJ/);
    await keepScreenshot(page, 'inspector-checklist-offline-en');

    // Back online: everything goes, nothing lost.
    await context.setOffline(false);
    await expect(status).toHaveText('Saved', { timeout: 20_000 });
    expect(await page.evaluate((key) => window.localStorage.getItem(key), `inspection-findings:${id}`)).toBeNull();
    const filed = await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`);
    expect(filed.status).toBe('in_progress');
    for (const finding of filed.findings) expect(finding.result, finding.itemCode).toBe(finding.itemCode === critical ? 'non_compliant' : 'compliant');
    const criticalFinding = filed.findings.find((f) => f.itemCode === critical)!;
    expect(criticalFinding.note).toBe('Worker files show a 3,000 yuan fee charged to each worker.');
    expect(criticalFinding.evidence).toEqual(['PHOTO-17', 'LEDGER-2026-03']);

    // The server's preview, then submit.
    const preview = page.getByTestId('preview');
    await expect(preview).toContainText('Critical violation');
    await expect(preview).toContainText(`Critical items non-compliant: ${critical}`);
    await keepScreenshot(page, 'inspector-checklist-preview-en');
    // A warning proposed opens an enforcement case, which the submitted page links to.
    await page.getByLabel('Sanction proposal').selectOption('warning');
    await page.getByRole('button', { name: 'Submit inspection' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit inspection' }).click();
    await expect(page.getByTestId('outcome')).toContainText('Critical violation');
    const caseLink = page.getByTestId('inspection-case').getByRole('link');
    await expect(caseLink).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('inspection-case')).toContainText('Handled in enforcement case');
    await expect(page.getByText('Submitted findings cannot change')).toBeVisible();
    await expect(page.locator('article[data-item]')).toHaveCount(0);

    // An addendum on the read-only inspection.
    await page.getByLabel('Note', { exact: true }).fill('The agency refunded two workers on the day.');
    await page.getByRole('button', { name: 'Add an addendum' }).click();
    await expect(page.getByTestId('addenda')).toContainText('The agency refunded two workers on the day.');
    await keepScreenshot(page, 'inspector-submitted-en');

    // The agency answers its corrective action.
    const agency = await tabletContext(browser);
    const agencyPage = await agency.newPage();
    await signIn(agencyPage, 'agency-fj-1', `/corrective-actions?inspectionId=${id}`);
    const action = agencyPage.locator(`li[data-item="${critical}"]`);
    await expect(action).toContainText('Open');
    await expect(action).toContainText('Due');
    await action.getByRole('button', { name: `Answer: ${critical}` }).click();
    await action.getByLabel('What was done').fill('All fees refunded; the fee schedule withdrawn and staff retrained.');
    await action.getByRole('button', { name: 'Send answer' }).click();
    await expect(action).toContainText('Answered');
    await keepScreenshot(agencyPage, 'agency-corrective-actions-en');
    await agency.close();

    // The inspector verifies it.
    await page.goto(`/corrective-actions?inspectionId=${id}`);
    const toVerify = page.locator(`li[data-item="${critical}"]`);
    await expect(toVerify).toContainText('All fees refunded');
    await toVerify.getByRole('button', { name: `Verify: ${critical}` }).click();
    await toVerify.getByLabel('Note (optional)').fill('Refund receipts seen.');
    await toVerify.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(toVerify).toContainText('Verified');
    await expect(toVerify).toContainText('Refund receipts seen.');
  });

  test('two people editing the same inspection: the second sees both versions and chooses', async ({ page, browser, request }) => {
    const id = await planByApi(request);
    await signIn(page, 'fz-inspector', `/inspections/${id}`);
    const other = await tabletContext(browser);
    const second = await other.newPage();
    await signIn(second, 'fz-inspector', `/inspections/${id}`);
    const first = (await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`)).findings[0].itemCode;
    await expect(item(second, first)).toBeVisible();

    await choose(page, first, 'Compliant');
    await expect(page.getByTestId('sync-status')).toHaveText('Saved');

    await choose(second, first, 'Non-compliant');
    await item(second, first).getByLabel('Note').fill('Licence not displayed.');
    const conflict = second.getByTestId('conflict');
    await expect(conflict).toBeVisible();
    await expect(second.getByTestId('sync-status')).toHaveText('Someone else changed this inspection');
    const clash = conflict.locator(`[data-item="${first}"]`);
    await expect(clash.getByTestId('mine')).toContainText('Non-compliant');
    await expect(clash.getByTestId('theirs')).toContainText('Compliant');
    await keepScreenshot(second, 'inspector-conflict-en');
    // Nothing was overwritten while the dialog waits.
    expect((await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`)).findings[0].result).toBe('compliant');

    await clash.getByLabel('Keep mine').check();
    await second.getByRole('button', { name: 'Apply choices' }).click();
    await expect(second.getByTestId('sync-status')).toHaveText('Saved');
    const after = await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`);
    expect(after.findings[0]).toMatchObject({ result: 'non_compliant', note: 'Licence not displayed.' });
    await other.close();
  });

  test('fj-admin assigns a complaint to a Fuzhou inspector by name, who resolves it', async ({ page, browser, request }) => {
    const [licence] = (await (await request.get(`/api/public/agencies?q=${encodeURIComponent(AGENCY_EN)}&limit=5`)).json()).items[0].licences as { licenceNumber: string }[];
    const lodged = await request.post('/api/public/complaints', {
      data: { categories: ['unlicensed_operation'], description: 'They placed me with an employer other than the one in my contract.', licenceNumber: licence.licenceNumber, complainantName: 'Chen Wei', complainantContact: '13800000000' },
    });
    expect(lodged.status(), await lodged.text()).toBe(201);
    const { trackingCode } = (await lodged.json()) as { trackingCode: string };
    const { items } = await api<{ items: { id: string; trackingCode: string }[] }>(request, 'fj-admin', 'get', '/api/complaints?limit=50&sort=received');
    // Newest first: the default order puts overdue work first, and the demo has plenty.
    const complaintId = items.find((c) => c.trackingCode === trackingCode)!.id;

    await signIn(page, 'fj-admin', `/complaints/${complaintId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Complaint ${trackingCode}`);
    const assignee = page.locator('#assigneeId');
    await expect(assignee.locator('option', { hasText: '福州市检查员' })).toHaveCount(1);
    const value = await assignee.locator('option', { hasText: '福州市检查员' }).getAttribute('value');
    await assignee.selectOption(value!);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByTestId('assignee')).toHaveText('福州市检查员');
    await keepScreenshot(page, 'admin-complaint-assigned-en');

    const inspector = await tabletContext(browser);
    const fz = await inspector.newPage();
    await signIn(fz, 'fz-inspector', '/complaints/assigned');
    const row = fz.locator(`tr[data-tracking-code="${trackingCode}"]`);
    await expect(row.locator('[data-sla]')).toHaveAttribute('data-sla', 'on_track');
    await expect(row).toContainText('On track');
    await keepScreenshot(fz, 'inspector-assigned-complaints-en');
    await row.getByRole('link', { name: trackingCode }).click();
    await expect(fz).toHaveURL(new RegExp(`/complaints/${complaintId}$`));
    for (const to of ['triaged', 'investigating', 'resolved']) {
      await fz.locator('#to').selectOption(to);
      if (to === 'resolved') await fz.locator('#outcome').selectOption('substantiated');
      await fz.locator('#note').fill(`Moved to ${to} in the browser test.`);
      await fz.getByRole('button', { name: 'Confirm' }).click();
      await expect(fz.getByTestId('complaint-status')).toHaveText({ triaged: 'Accepted', investigating: 'Being investigated', resolved: 'Resolved' }[to] ?? to, { ignoreCase: true });
    }
    await expect(fz.getByTestId('outcome')).toHaveText('Substantiated');
    await keepScreenshot(fz, 'inspector-complaint-resolved-en');
    await inspector.close();
  });

  test('changes kept offline while a colleague submits are shown, not dropped', async ({ page, context, request }) => {
    const id = await planByApi(request);
    await signIn(page, 'fz-inspector', `/inspections/${id}`);
    const planned = await api<InspectionDetail>(request, 'fz-inspector', 'get', `/api/inspections/${id}`);
    const code = planned.findings[0].itemCode;
    await expect(item(page, code)).toBeVisible();
    await context.setOffline(true);
    await choose(page, code, 'Non-compliant');
    await expect(page.getByTestId('sync-status')).toHaveText('Offline, 1 change waiting');
    // Meanwhile a colleague files and submits the same inspection.
    const findings = planned.findings.map((f) => ({ itemCode: f.itemCode, result: 'compliant' }));
    const filed = await api<InspectionDetail>(request, 'fz-inspector', 'put', `/api/inspections/${id}/findings`, { findings, version: planned.version });
    await api(request, 'fz-inspector', 'post', `/api/inspections/${id}/submit`, { version: filed.version });
    await context.setOffline(false);
    await expect(page.getByTestId('sync-status')).toHaveText(/^Not saved, 1 change waiting to retry$/, { timeout: 20_000 });
    await expect(page.getByRole('alert')).toContainText('Inspection is submitted');
    await page.reload();
    await expect(page.getByTestId('stranded')).toContainText(`${code}: Non-compliant`);
    await keepScreenshot(page, 'inspector-stranded-en');
  });

  test('a district the reference data does not list is named by its city, its code kept beside', async ({ page }) => {
    // The demo agencies sit in cities; one is moved to Gulou district (350102) on its way to the page.
    await page.route('**/api/inspections/priorities?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { items: { nameEn: string | null; jurisdictionCode: string }[] };
      for (const row of body.items) if (row.nameEn === AGENCY_EN) row.jurisdictionCode = '350102';
      await route.fulfill({ response, json: body });
    });
    await signIn(page, 'fz-inspector', '/inspector/priorities', 'zh-CN');
    const place = page.locator('li.priority-row', { hasText: AGENCY_ZH }).locator('.priority-place');
    await expect(place).toHaveText('福州市350102');
    await expect(place.locator('.division-code')).toHaveText('350102');
  });

  test("a Liaoning inspector opening a Fuzhou inspection's address is told it is not found", async ({ page, request }) => {
    const id = await planByApi(request);
    await signIn(page, 'ln-inspector', `/inspections/${id}`);
    await expect(page.getByRole('alert')).toHaveText('This inspection does not exist or is outside your jurisdiction.');
    await expect(page.locator('article[data-item]')).toHaveCount(0);
  });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`the inspector's pages pass axe-core in ${language}, screenshots kept`, async ({ page, browser, request }, testInfo) => {
      test.setTimeout(120_000);
      const id = await planByApi(request);
      const suffix = language === 'en' ? 'en' : 'zh';
      await signIn(page, 'fz-inspector', '/inspector/priorities', language);
      const place = page.locator('li.priority-row', { hasText: language === 'en' ? AGENCY_EN : AGENCY_ZH }).locator('.priority-place');
      await expect(place).toContainText(language === 'en' ? 'Fuzhou' : '福州市');
      await expect(place).not.toHaveText('350100');
      const { items } = await api<{ items: { id: string }[] }>(request, 'fz-inspector', 'get', '/api/complaints?limit=1');
      const submitted = await api<{ items: { id: string }[] }>(request, 'fz-inspector', 'get', '/api/inspections?status=submitted&limit=1');
      const pages: [string, string][] = [
        ['/inspector/priorities', 'priorities'],
        ['/inspections?status=planned', 'inspections'],
        [`/inspections/${id}`, 'checklist'],
        ...(submitted.items[0] ? ([[`/inspections/${submitted.items[0].id}`, 'inspection-submitted']] as [string, string][]) : []),
        ['/corrective-actions', 'corrective-actions'],
        ['/complaints/assigned', 'assigned-complaints'],
        ...(items[0] ? ([[`/complaints/${items[0].id}`, 'complaint']] as [string, string][]) : []),
      ];
      for (const [path, name] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('.page-loading')).toHaveCount(0);
        await expectAccessible(page, testInfo, `${name}-${suffix}`);
        await keepScreenshot(page, `inspector-${name}-${suffix}`);
      }
      // Usable on a phone too: nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [path, name] of [[`/inspections/${id}`, 'checklist'], ['/complaints/assigned', 'assigned-complaints']] as const) {
        await page.goto(path);
        await expect(page.locator('.page-loading')).toHaveCount(0);
        await expectNoHorizontalScroll(page, `${name} on a phone`);
        await keepScreenshot(page, `inspector-${name}-phone-${suffix}`);
      }
      await page.setViewportSize(TABLET);
      // The plan dialog and the agency's side too.
      await page.goto('/inspector/priorities');
      await page.locator('li.priority-row').first().getByRole('button').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, testInfo, `plan-${suffix}`);
      await keepScreenshot(page, `inspector-plan-${suffix}`);
      const agency = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: TABLET, locale: language, timezoneId: 'Asia/Shanghai' });
      const agencyPage = await agency.newPage();
      await signIn(agencyPage, 'agency-fj-1', '/corrective-actions', language);
      await expect(agencyPage.locator('.page-loading')).toHaveCount(0);
      await expectAccessible(agencyPage, testInfo, `agency-corrective-actions-${suffix}`);
      await keepScreenshot(agencyPage, `agency-corrective-actions-${suffix}`);
      await agency.close();
    });
  }
});
