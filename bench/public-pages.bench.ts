/**
 * `npm run bench:public` (also the last part of `npm run bench`): the public pages as a worker's
 * cheap phone on a weak mobile connection gets them. Chromium through the DevTools protocol with
 * Lighthouse's mobile profile (CPU slowed 4x, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up),
 * the cache disabled; the largest contentful paint from the browser's own PerformanceObserver and
 * the JavaScript transferred (compressed, as sent), 3 runs a page, the median printed per page.
 * Starts the built app as `npm start` does (embedded PostgreSQL, demo data) in a throwaway directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const PORT = Number(process.env.BENCH_PUBLIC_PORT ?? 4150);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_PUBLIC_RUNS ?? 3);
const LCP_TARGET_MS = 2000;
const JS_TARGET_KB = 120;
const PROFILE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuSlowdown: 4 };

interface Run {
  lcpMs: number;
  /** The scripts' compressed bodies, as the budget test counts them. */
  jsKb: number;
  /** The same with each response's headers (about 1 KB a file, mostly security headers). */
  withHeadersKb: number;
}

async function measure(browser: Browser, path: string, language: 'zh-CN' | 'en'): Promise<Run> {
  const context = await browser.newContext({ locale: language, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    await context.addInitScript((lang) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('lang', lang), language);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    const scripts = new Map<string, number>();
    let jsBytes = 0;
    let headerBytes = 0;
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.set(event.requestId, event.response.encodedDataLength);
    });
    cdp.on('Network.loadingFinished', (event) => {
      const headers = scripts.get(event.requestId);
      if (headers === undefined) return;
      jsBytes += event.encodedDataLength;
      headerBytes += headers;
    });
    await page.goto(BASE + path, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) last = entry.startTime;
            // Node's types list only the entry types Node itself records; the browser records this one.
          }).observe({ type: 'largest-contentful-paint' as never, buffered: true });
          setTimeout(() => resolve(last), 500);
        }),
    );
    return { lcpMs, jsKb: (jsBytes - headerBytes) / 1024, withHeadersKb: jsBytes / 1024 };
  } finally {
    await context.close();
  }
}

async function activeLicence(): Promise<string> {
  const answer = (await (await fetch(`${BASE}/api/public/agencies?status=active&limit=20`)).json()) as { items: { licences: { licenceNumber: string; status: string }[] }[] };
  for (const agency of answer.items) for (const licence of agency.licences) if (licence.status === 'active') return licence.licenceNumber;
  throw new Error('the demo data has no active licence');
}

async function waitForReady(child: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode})`);
    try {
      if ((await fetch(`${BASE}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app was not ready within 180 s');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-public-'));
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['--max-old-space-size=192', 'dist/apps/api/src/main.js'], {
    env: { ...env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PORT + 6), DEMO_SEED: 'true', RUN_JOBS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PUBLIC_PER_MINUTE: '6000' },
    stdio: 'ignore',
    detached: true,
  });
  let browser: Browser | undefined;
  try {
    await waitForReady(server);
    const licence = await activeLicence();
    const pages = ['/', '/verify', `/verify/${licence}`, '/agencies', '/complaints/new', '/complaints/track', '/sanctions', '/before-you-go', '/placements/check'];
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
    console.log(`Public pages, Chromium mobile profile (CPU ${PROFILE.cpuSlowdown}x, ${PROFILE.latency} ms RTT, 1.6 Mbit/s), cache off, median of ${RUNS}; targets LCP <= ${LCP_TARGET_MS} ms, JS <= ${JS_TARGET_KB} KB\n`);
    console.log(['page', 'language', 'LCP ms', 'JS KB (compressed bodies)', 'with headers', 'verdict'].join(' | '));
    let failures = 0;
    for (const language of ['zh-CN', 'en'] as const) {
      for (const path of pages) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, path, language));
        const lcp = median(runs.map((r) => r.lcpMs));
        const js = median(runs.map((r) => r.jsKb));
        const withHeaders = median(runs.map((r) => r.withHeadersKb));
        const ok = lcp <= LCP_TARGET_MS && js <= JS_TARGET_KB;
        if (!ok) failures += 1;
        console.log([path, language, lcp.toFixed(0), js.toFixed(1), withHeaders.toFixed(1), ok ? 'ok' : 'OVER'].join(' | '));
      }
    }
    console.log(failures ? `\n${failures} page(s) over a target` : '\nevery public page within its targets');
  } finally {
    await browser?.close();
    try {
      process.kill(-(server.pid as number), 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
