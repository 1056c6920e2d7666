#!/usr/bin/env node
/**
 * The libs' import graph must be a stack: a lib imports only libs below it, so there is no cycle
 * between libs. Reads every `@app/<lib>` import (static, dynamic, require) in libs/<lib>/src,
 * fails on a cycle, on a lib importing one that does not exist, and on a lib reaching into apps/
 * or another lib by a relative path. `--print` lists the layers, bottom first (docs/architecture.md).
 * Run by `npm run lint`.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const libsDir = path.join(root, 'libs');
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function sourcesOf(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourcesOf(full));
    else if (/\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files;
}

/** lib -> Map(imported lib -> first file importing it), plus the problems found on the way. */
function readGraph() {
  const libs = fs.readdirSync(libsDir).filter((name) => fs.existsSync(path.join(libsDir, name, 'src')));
  const graph = new Map(libs.map((lib) => [lib, new Map()]));
  const problems = [];
  for (const lib of libs) {
    const libRoot = path.join(libsDir, lib);
    for (const file of sourcesOf(path.join(libRoot, 'src'))) {
      // Comments may name imports ("imported from '@app/x'"): only code counts.
      const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const [, specifier] of text.matchAll(IMPORT)) {
        const where = path.relative(root, file);
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          // migrations/ is @app/migrations, which any lib may read (its seed data).
          if (!target.startsWith(libRoot + path.sep) && !target.startsWith(path.join(root, 'migrations') + path.sep)) problems.push(`${where} imports '${specifier}' outside its lib: use @app/<lib>`);
          continue;
        }
        const match = /^@app\/([a-z0-9-]+)/.exec(specifier);
        if (!match || match[1] === 'migrations') continue;
        const target = match[1];
        if (target === lib) {
          problems.push(`${where} imports its own lib through '${specifier}': use a relative path`);
          continue;
        }
        if (!graph.has(target)) {
          problems.push(`${where} imports '${specifier}', which is not a lib`);
          continue;
        }
        if (!graph.get(lib).has(target)) graph.get(lib).set(target, where);
      }
    }
  }
  return { graph, problems };
}

/** Every elementary cycle found by depth-first search, each once (as lib names). */
function cyclesOf(graph) {
  const cycles = [];
  const seen = new Set();
  const state = new Map();
  const stack = [];
  const visit = (lib) => {
    state.set(lib, 'open');
    stack.push(lib);
    for (const next of graph.get(lib).keys()) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(lib, 'done');
  };
  for (const lib of [...graph.keys()].sort()) if (!state.has(lib)) visit(lib);
  return cycles;
}

/** Layer of each lib: 0 for a lib importing none, else one above the highest lib it imports. */
function layersOf(graph) {
  const layer = new Map();
  const depth = (lib) => {
    if (!layer.has(lib)) layer.set(lib, Math.max(-1, ...[...graph.get(lib).keys()].map(depth)) + 1);
    return layer.get(lib);
  };
  for (const lib of graph.keys()) depth(lib);
  const layers = [];
  for (const [lib, n] of layer) (layers[n] ??= []).push(lib);
  return layers.map((libs) => libs.sort());
}

function main() {
  const { graph, problems } = readGraph();
  const cycles = cyclesOf(graph);
  for (const cycle of cycles) {
    const steps = cycle.slice(0, -1).map((lib, i) => `${lib} -> ${cycle[i + 1]} (${graph.get(lib).get(cycle[i + 1])})`);
    problems.push(`lib cycle ${cycle.join(' -> ')}:\n    ${steps.join('\n    ')}`);
  }
  if (problems.length > 0) {
    console.error(`check-lib-graph: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (process.argv.includes('--print')) {
    layersOf(graph).forEach((libs, n) => console.log(`${n}: ${libs.map((lib) => `${lib} (-> ${[...graph.get(lib).keys()].sort().join(', ') || 'none'})`).join('; ')}`));
  }
}

module.exports = { readGraph, cyclesOf, layersOf };
if (require.main === module) main();
