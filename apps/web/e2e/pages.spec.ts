import { expect, test, type Page } from '@playwright/test';
import { licenceInStatus } from './support/api';
import { expectAccessible, expectNoHorizontalScroll, keepScreenshot, useLanguage, type Language } from './support/page-checks';

interface PublicPage {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();

/** Every public page, in both languages: axe-core clean, no sideways scrolling at 360 px, a screenshot kept. */
for (const language of ['zh-CN', 'en'] as Language[]) {
  test.describe(`public pages in ${language}`, () => {
    test('pass axe, fit 360 px and are kept as screenshots', async ({ page, request }, testInfo) => {
      // Every public page with axe on each: longer than one page's journey.
      test.setTimeout(150_000);
      await useLanguage(page, language);
      const valid = await licenceInStatus(request, 'active');
      const suspended = await licenceInStatus(request, 'suspended');
      const pages: PublicPage[] = [
        { name: 'home', path: '/', ready: heading },
        { name: 'verify', path: '/verify', ready: heading },
        { name: 'verify-valid', path: `/verify/${valid.number}`, ready: (p) => expect(p.getByTestId('verdict')).toBeVisible() },
        { name: 'verify-suspended', path: `/verify/${suspended.number}`, ready: (p) => expect(p.getByTestId('verdict')).toBeVisible() },
        { name: 'verify-unknown', path: '/verify/350100-2026-999999', ready: (p) => expect(p.getByTestId('verdict')).toBeVisible() },
        { name: 'agencies', path: '/agencies', ready: (p) => expect(p.locator('.result-list > li').first()).toBeVisible() },
        { name: 'complaint-new', path: '/complaints/new', ready: (p) => expect(p.getByRole('checkbox').first()).toBeVisible() },
        { name: 'complaint-track', path: '/complaints/track', ready: heading },
        { name: 'before-you-go', path: '/before-you-go', ready: (p) => expect(p.getByTestId('help-lines').locator('li').first()).toBeVisible() },
        { name: 'sign-in', path: '/sign-in', ready: heading },
        { name: 'not-found', path: '/no-such-page', ready: heading },
      ];
      const tag = language === 'en' ? 'en' : 'zh';
      for (const entry of pages) {
        await page.goto(entry.path);
        await entry.ready(page);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectNoHorizontalScroll(page, `${entry.name}-${tag}`);
        await expectAccessible(page, testInfo, `${entry.name}-${tag}`);
        await keepScreenshot(page, `${entry.name}-${tag}`);
      }

      // The open navigation drawer too.
      await page.goto('/');
      await page.getByRole('button', { name: language === 'en' ? 'Menu' : '菜单' }).click();
      await expect(page.locator('#nav-menu')).toBeVisible();
      await expectAccessible(page, testInfo, `menu-${tag}`);
      await keepScreenshot(page, `menu-${tag}`);
    });

    test('signed-in pages pass axe too', async ({ page }, testInfo) => {
      await useLanguage(page, language);
      const tag = language === 'en' ? 'en' : 'zh';
      await page.goto('/sign-in?next=%2Fadmin%2Fhelp-lines');
      await page.locator('#username').fill('admin');
      await page.locator('#password').fill('demo-password');
      await page.locator('button[type=submit]').click();
      await expect(page).toHaveURL(/\/admin\/help-lines$/);
      await expect(page.getByText('12333').first()).toBeVisible();
      await expectAccessible(page, testInfo, `help-lines-admin-${tag}`);
      await keepScreenshot(page, `help-lines-admin-${tag}`);
      await page.goto('/home');
      await expect(page.getByTestId('me')).toBeVisible();
      await expectAccessible(page, testInfo, `home-signed-in-${tag}`);
      await keepScreenshot(page, `home-signed-in-${tag}`);
    });
  });
}

test.describe('keyboard alone', () => {
  test('checks a licence from the home page with Tab and Enter', async ({ page, request }) => {
    await useLanguage(page, 'en');
    const valid = await licenceInStatus(request, 'active');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    const field = page.getByLabel('Licence number or unified social credit code');
    for (let i = 0; i < 10 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(field).toBeFocused();
    await page.keyboard.type(valid.number);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('verdict')).toContainText('Valid: may recruit today');
  });

  test('lodges a complaint with the keyboard only', async ({ page }) => {
    await useLanguage(page, 'en');
    await page.goto('/complaints/new');
    await expect(page.getByRole('checkbox').first()).toBeVisible();
    const focused = () => page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? document.activeElement?.getAttribute('id') ?? '');
    // Tab to the first category and tick it with Space.
    for (let i = 0; i < 30 && !(await page.getByRole('checkbox').first().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox').first()).toBeFocused();
    const abandonment = await focused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox').first()).toBeChecked();
    expect(abandonment.length).toBeGreaterThan(0);

    const description = page.getByLabel('Tell us what happened');
    for (let i = 0; i < 40 && !(await description.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(description).toBeFocused();
    await page.keyboard.type('The agency stopped answering when I was stranded abroad.');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Which agency?')).toBeFocused();
    await page.keyboard.type('Golden Bridge Overseas Jobs');

    // Province: a select operated by keys (type to search, Enter to pick).
    const province = page.getByLabel('In which province did it happen?');
    for (let i = 0; i < 10 && !(await province.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(province).toBeFocused();
    await page.keyboard.type('Fujian');
    await page.keyboard.press('Enter');

    const send = page.getByRole('button', { name: 'Send complaint' });
    for (let i = 0; i < 20 && !(await send.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(send).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Complaint received' })).toBeFocused();
  });
});
