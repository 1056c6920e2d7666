import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the BUILT app served by the real API on a fresh embedded PostgreSQL
 * (e2e/global-setup.ts). Debian's Chromium only: nothing here downloads a browser.
 */
const port = Number(process.env.WEB_TEST_PORT ?? 3640);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../../test-results/browser',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../../test-results/browser-report', open: 'never' }]],
  use: {
    baseURL,
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
  projects: [{ name: 'chromium-phone' }],
});
