import { expect, test } from '@playwright/test';
import { licenceInStatus, officerTransitions } from './support/api';
import { keepScreenshot, useLanguage } from './support/page-checks';

/** A worker on a 360×740 phone (the config's viewport): check, complain, keep the receipt, follow it. */
test.describe('a worker on a phone', () => {
  test('verifies a valid, a suspended and an unknown licence', async ({ page, request }) => {
    await useLanguage(page, 'zh-CN');
    const valid = await licenceInStatus(request, 'active');
    const suspended = await licenceInStatus(request, 'suspended');

    await page.goto('/');
    await page.getByLabel('许可证编号或统一社会信用代码').fill(valid.number);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`/verify/${valid.number}$`));
    await expect(page.getByTestId('verdict')).toContainText('有效:今天可以合法招聘');
    await expect(page.getByTestId('verdict')).toContainText(valid.agency.nameZh);
    await expect(page.getByText('发证机关')).toBeVisible();
    await keepScreenshot(page, 'journey-verify-valid-zh');

    await page.goto(`/verify/${suspended.number}`);
    await expect(page.getByTestId('verdict')).toContainText('无效:今天不能招聘');
    await expect(page.getByTestId('verdict')).toContainText('原因');
    await expect(page.getByText('暂停至', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '举报这家中介' })).toBeVisible();
    await keepScreenshot(page, 'journey-verify-suspended-zh');

    await page.goto('/verify/350100-2026-999999');
    await expect(page.getByTestId('verdict')).toContainText('查不到这个编号');
    await expect(page.getByText('没有许可证从事职业中介或出国劳务招聘是违法的')).toBeVisible();
    await expect(page.getByRole('link', { name: '举报这家中介' })).toHaveAttribute('href', /complaints\/new/);
    await keepScreenshot(page, 'journey-verify-unknown-zh');
  });

  test('lodges an urgent complaint, keeps the receipt, tracks it, sees an officer move it on; switches language midway', async ({ page, request }) => {
    await useLanguage(page, 'zh-CN');
    const agency = await licenceInStatus(request, 'active');

    await page.goto('/complaints/new');
    await expect(page.getByRole('heading', { level: 1, name: '我要投诉' })).toBeVisible();
    // Validation in the chosen language before anything is sent.
    await page.getByRole('button', { name: '提交投诉' }).click();
    await expect(page.getByText('请至少选择一项')).toBeVisible();

    await page.getByRole('checkbox', { name: /扣押证件/ }).check();
    await page.getByLabel('请说说经过').fill('中介收走了我的护照,说要交两万元才还给我。');
    await page.getByLabel('是哪家中介?').fill(agency.number);
    await page.getByLabel('被收取的金额(元)').fill('20000');

    // Midway the worker switches to English: the form keeps what was typed and speaks English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Make a complaint' })).toBeVisible();
    await expect(page.getByLabel('Tell us what happened')).toHaveValue(/护照/);
    await expect(page.getByRole('checkbox', { name: /Retention of identity documents/ })).toBeChecked();
    expect(await page.evaluate(() => window.localStorage.getItem('lang'))).toBe('en');

    const send = page.getByRole('button', { name: 'Send complaint' });
    await send.dblclick();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toBeVisible();
    await expect(page.getByTestId('urgent')).toContainText('forced labour');
    await expect(receipt).toContainText('The bureau must acknowledge it by');
    const trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
    const pin = (await page.getByTestId('pin').innerText()).trim();
    expect(trackingCode).toMatch(/^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    // What she keeps: a copy on the clipboard and a picture of the code and PIN.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy').click();
    await expect(page.getByTestId('copy')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(pin);
    const saved = page.waitForEvent('download');
    await page.getByTestId('save-image').click();
    expect((await saved).suggestedFilename()).toBe(`${trackingCode}.png`);
    await keepScreenshot(page, 'journey-receipt-en');

    // The double click made one complaint: the officer's list holds the code once.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Track it' }).click();
    await expect(page.getByTestId('status')).toHaveText('Received');

    await officerTransitions(request, 'fj-admin', trackingCode, 'triaged', 'We have your complaint and are acting on it.');

    // Later, from another visit: the code (typed as a phone does) and the PIN the worker kept.
    await page.goto('/complaints/track');
    await page.getByLabel('Tracking code').fill(trackingCode.toLowerCase().replace(/-/g, ' '));
    await page.getByLabel('PIN or secret').fill(pin);
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await expect(page.getByTestId('status')).toHaveText('Accepted');
    await expect(page.getByTestId('notes')).toContainText('We have your complaint and are acting on it.');
    await keepScreenshot(page, 'journey-track-en');

    // Switching back to Chinese re-reads the status in Chinese.
    await page.getByRole('button', { name: '切换到简体中文' }).click();
    await expect(page.getByTestId('status')).toHaveText('已受理');
  });

  test('a wrong PIN is told plainly, in Chinese', async ({ page }) => {
    await useLanguage(page, 'zh-CN');
    await page.goto('/complaints/track');
    await page.getByLabel('查询码').fill('CP-AAAAA-BBBBB');
    await page.getByLabel('查询 PIN 或密码').fill('123456');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect(page.getByText('查询码或 PIN 不对')).toBeVisible();
  });

  test('a double click, and a resend after a reload, make one complaint', async ({ page }) => {
    await useLanguage(page, 'en');

    await page.goto('/complaints/new');
    await page.getByRole('checkbox', { name: /Recruitment fees charged to worker/ }).check();
    await page.getByLabel('Tell us what happened').fill('They asked me for 8000 yuan as a service fee before the visa.');
    await page.getByLabel('Which agency?').fill('Golden Bridge Overseas Jobs');
    await page.getByLabel('In which province did it happen?').selectOption({ label: 'Fujian' });
    const key = await page.evaluate(() => window.sessionStorage.getItem('complaint-idempotency-key'));

    // The first send is lost on the way back (the phone dropped the answer): the page reloads and sends again.
    let lostReceipt: { trackingCode: string } | undefined;
    await page.route('**/api/public/complaints', async (route) => {
      lostReceipt = (await (await route.fetch()).json()) as { trackingCode: string };
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot reach the server');
    await page.unroute('**/api/public/complaints');
    await page.reload();
    await expect(page.getByLabel('Tell us what happened')).toHaveValue(/8000 yuan/);
    await page.getByRole('button', { name: 'Send complaint' }).dblclick();
    await expect(page.getByTestId('receipt')).toBeVisible();
    // The API took the first send; the resend (same Idempotency-Key) got that same complaint back.
    expect(key).toBeTruthy();
    expect(lostReceipt?.trackingCode).toMatch(/^CP-/);
    await expect(page.getByTestId('tracking-code')).toHaveText(lostReceipt!.trackingCode);
    expect(await page.evaluate(() => window.sessionStorage.getItem('complaint-idempotency-key'))).toBeNull();
  });
});
