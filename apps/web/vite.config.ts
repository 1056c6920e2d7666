import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));
const apiPort = process.env.WEB_DEV_API_PORT ?? '3640';

/** React Router 7's package exports point at its development build; a release ships the production one. */
const reactRouterProduction = {
  'react-router/dom': `${repository}node_modules/react-router/dist/production/dom-export.mjs`,
  'react-router': `${repository}node_modules/react-router/dist/production/index.mjs`,
};

/**
 * The web app, built into <repo>/dist/web and served by the API process at `/`.
 * JSX goes through Vite 8's own oxc transform (automatic runtime); the manifest lets the budget
 * test follow each page's chunks.
 */
export default defineConfig(({ command }) => ({
  root,
  base: '/',
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}src/` },
      // Texts the API renders too (deadlines in words): one helper, imported from the server's core lib.
      { find: /^@shared\//, replacement: `${repository}libs/core/src/text/` },
      ...(command === 'build' ? Object.entries(reactRouterProduction).map(([find, replacement]) => ({ find: new RegExp(`^${find}$`), replacement })) : []),
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
