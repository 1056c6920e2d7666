#!/usr/bin/env node
// The registry runs on Node.js 24 or later (package.json "engines"): an older Node fails later and
// obscurely (missing APIs, native modules built for another ABI), so the start commands stop here
// first and say what to install.
const required = Number(/\d+/.exec(require('../package.json').engines.node)[0]);
const major = Number(process.versions.node.split('.')[0]);
if (major < required) {
  console.error(
    `The Agency Registry needs Node.js ${required} or later; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      `Install Node.js ${required} LTS (https://nodejs.org, or \`nvm install\`, which reads .nvmrc) and run the command again.`,
  );
  process.exit(1);
}
