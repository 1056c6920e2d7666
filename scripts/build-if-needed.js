#!/usr/bin/env node
// `npm start` runs this first: it builds the API and worker when dist/ is missing or older than
// any of their sources, and the web app when dist/web is missing or older than any of its sources.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

require('./require-node');

function newestMtime(path, accept = () => true) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return accept(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name), accept));
  }
  return newest;
}

function mtimeOf(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function build(what, script) {
  console.log(`Building ${what} (its build is missing or stale)...`);
  execSync(`npm run ${script}`, { cwd: root, stdio: 'inherit' });
}

const serverEntry = join(root, 'dist/apps/api/src/main.js');
const workerEntry = join(root, 'dist/apps/worker/src/main.js');
const serverSources = Math.max(
  ...['apps/api', 'apps/worker', 'libs', 'migrations'].map((dir) => newestMtime(join(root, dir), (path) => path.endsWith('.ts'))),
);
if (Math.min(mtimeOf(serverEntry), mtimeOf(workerEntry)) < serverSources) build('the registry', 'build:server');

const web = join(root, 'apps/web');
if (existsSync(web)) {
  const webIndex = join(root, 'dist/web/index.html');
  const webSources = Math.max(
    newestMtime(join(web, 'src')),
    newestMtime(join(web, 'public')),
    mtimeOf(join(web, 'index.html')),
    ...readdirSync(web).filter((name) => /^(vite\.config\.|tsconfig)/.test(name)).map((name) => mtimeOf(join(web, name))),
    mtimeOf(join(root, 'package-lock.json')),
  );
  if (mtimeOf(webIndex) < webSources) build('the web app', 'build:web');
}
