import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Unit tests of the web app's logic that has no page of its own (sync queues, URL filters, keyset
 * lists, formatting, stored drafts): `*.test.ts(x)` beside the code, in happy-dom. Pages are
 * covered by the browser suite (e2e/).
 */
export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}src/` },
      { find: /^@shared\//, replacement: `${repository}libs/core/src/text/` },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    restoreMocks: true,
    // Two cores shared by many: one worker is enough for a few hundred milliseconds of tests.
    maxWorkers: 1,
  },
});
