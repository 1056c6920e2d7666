import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));
const apiPort = process.env.WEB_DEV_API_PORT ?? '3640';

/**
 * The web app, built into <repo>/dist/web and served by the API process at `/`.
 * JSX goes through Vite 8's own oxc transform (automatic runtime); the manifest lets the budget
 * test follow each page's chunks.
 */
export default defineConfig(() => ({
  root,
  base: '/',
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}src/` },
      // Texts the API renders too (deadlines in words): one helper, imported from the server's core lib.
      { find: /^@shared\//, replacement: `${repository}libs/core/src/text/` },
    ],
  },
  // Brotli and gzip copies written beside each asset at build time, so the server never compresses a
  // file per request and a phone on a slow network gets the smallest one its browser accepts.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|mjs|css|html|svg|json|webmanifest)$/, threshold: 1024 })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Few, larger files for a public page's first load (each request costs a round trip and its
        // headers on a slow mobile network): the runtime every page needs, and the public pages'
        // own light widgets. Ant Design and the officers' pages stay in chunks of their own.
        codeSplitting: {
          groups: [
            { name: 'runtime', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|openapi-fetch)[\\/]/ },
            {
              name: 'public-ui',
              test: /apps[\\/]web[\\/]src[\\/](components[\\/](public-ui[\\/]|PageHeading|NativeSelect|Loading|LicenceStatusTag|CreditGradeTag|VerifyForm)|utils[\\/](licence-number|destinations)|lib[\\/]api[\\/](reference|mutation|problem)|hooks[\\/](use-document-title|use-keyset-list))/,
            },
            // A public page with the helpers it shares with officers' pages, in one file rather than three.
            { name: 'SanctionsPage', test: /apps[\\/]web[\\/]src[\\/](features[\\/]enforcement[\\/](SanctionsPage|use-cases))/ },
            { name: 'PlacementCheckPage', test: /apps[\\/]web[\\/]src[\\/]features[\\/]placements[\\/](PlacementCheckPage|check-texts|api[\\/](check-placement|types))/ },
          ],
        },
      },
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 3645,
    strictPort: true,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  preview: { port: 3645, strictPort: true },
}));
