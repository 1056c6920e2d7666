import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './environment';

export type Language = 'zh-CN' | 'en';
export const SCREENSHOT_DIR = join(repositoryRoot(), 'apps/web/e2e/screenshots');

/** Chooses the language the way a returning visitor has it: the stored choice (a later switch in the page wins). */
export async function useLanguage(page: Page, language: Language) {
  await page.addInitScript((lang) => {
    try {
      if (!window.localStorage.getItem('lang')) window.localStorage.setItem('lang', lang);
    } catch {
      // about:blank has no storage; the app's pages do.
    }
  }, language);
}

/** No serious or critical axe-core violation (WCAG 2.x A/AA rules and best practices). */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  // Colours are judged as the page settles: a dialog still fading in (slower on a busy machine)
  // shows its buttons half-transparent, which reads as too little contrast.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(
    blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`),
    `axe on ${name}`,
  ).toEqual([]);
  return results.violations.length;
}

/** Nothing wider than the phone: a worker never scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page, name: string) {
  const { overflow, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    return { overflow: document.documentElement.scrollWidth - width, widest: over.slice(-3).map(describe) };
  });
  expect(overflow, `horizontal overflow on ${name} (${widest.join(', ')})`).toBeLessThanOrEqual(0);
}

/** A full-page screenshot kept as a test artifact (apps/web/e2e/screenshots/, git-ignored). */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Disables the account on `row` as an admin would: the first click only asks, naming whom and what
 * follows; Cancel leaves it active; a second click and the dialog's own Disable do it.
 */
export async function disableAccountWithConfirmation(page: Page, row: Locator) {
  await row.getByRole('button', { name: 'Disable' }).click();
  const ask = page.getByRole('tooltip');
  await expect(ask).toContainText(/^Disable the account of .+\?/);
  await expect(ask).toContainText('signed out on every device');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
}
