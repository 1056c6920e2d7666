#!/usr/bin/env node
// `npm start` runs this first: it builds when dist/ is missing or older than any source file.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist/apps/api/src/main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['apps', 'libs', 'migrations'].map((d) => newestMtime(join(root, d)));
if (!existsSync(entry) || statSync(entry).mtimeMs < Math.max(...sources)) {
  console.log('Building the registry (dist/ is missing or stale)...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
