import { expect, test } from '@playwright/test';
import { useLanguage } from './support/page-checks';

test.describe('staff sign-in', () => {
  test('signs in, stays signed in after a reload (cookie refresh), signs out for good', async ({ page, context }) => {
    await useLanguage(page, 'en');
    await page.goto('/home');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome/);
    await page.getByLabel('Username').fill('fj-admin');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 福建省许可审批员');
    await expect(page.getByTestId('me')).toContainText('Licensing officer');
    await expect(page.getByTestId('me')).toContainText('Fujian HRSS Department');
    // The reach by name, its code beside it.
    await expect(page.getByTestId('me')).toContainText('Fujian (350000)');

    // The refresh token is an httpOnly cookie scoped to /api/auth; nothing secret in storage.
    const cookie = (await context.cookies()).find((c) => c.name === 'registry_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage, ...window.sessionStorage }));
    expect(stored).not.toMatch(/eyJ/);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 福建省许可审批员');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#nav-menu').getByRole('button', { name: /Sign out/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
    await expect(page.getByText('You are signed out.')).toBeVisible();
    // The cookie was revoked: a reload does not sign back in.
    await page.goto('/home');
    await expect(page).toHaveURL(/\/sign-in/);
    const refresh = await page.request.post('/api/auth/refresh', { headers: { 'X-Registry-Client': 'web' }, data: {} });
    expect(refresh.status()).toBe(401);
  });

  test('refreshes the access token silently before it expires', async ({ page }) => {
    await useLanguage(page, 'en');
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('fj-inspector');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/home$/);
    // The test API issues 75-second tokens: the app refreshes a minute before expiry, through the cookie.
    const refresh = await page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'), { timeout: 30_000 });
    expect(refresh.status()).toBe(200);
    expect(refresh.request().headers()['x-registry-client']).toBe('web');
    expect(await refresh.json()).not.toHaveProperty('refreshToken');
    // The cookie rotated: the next refresh, with the new cookie, works too, and the session goes on.
    const second = await page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'), { timeout: 30_000 });
    expect(second.status()).toBe(200);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#nav-menu').getByRole('button', { name: 'Sign out (福建省检查员)' })).toBeVisible();
  });

  test('repeated failures pause sign-in, told in words, in Chinese (the same words as a wrong password)', async ({ page }) => {
    await useLanguage(page, 'zh-CN');
    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('用户名').fill('sd-inspector');
      await page.getByLabel('密码').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByTestId('sign-in-error')).toBeVisible();
    }
    await page.getByLabel('用户名').fill('sd-inspector');
    await page.getByLabel('密码').fill('demo-password');
    await page.getByRole('button', { name: '登录' }).click();
    // From an address with failures the right password is refused too, in the words of a wrong one.
    await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码不对。多次输错后,登录会暂停一段时间(最长 15 分钟);急需登录请联系管理员解锁。');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a deep link the role may not open says so; the navigation never offered it', async ({ page }) => {
    await useLanguage(page, 'en');
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('fj-inspector');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/home$/);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#nav-menu').getByRole('link', { name: 'My workspace' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Help lines' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.goto('/admin/help-lines');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You may not open this page');
    await expect(page.getByText('Your role (Inspector) cannot use this page.')).toBeVisible();

    // The system administrator may, and sees the help lines the public page shows.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#nav-menu').getByRole('button', { name: /Sign out/ }).click();
    await page.goto('/sign-in?next=%2Fadmin%2Fhelp-lines');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/help-lines$/);
    await expect(page.getByText('12333').first()).toBeVisible();
  });
});
