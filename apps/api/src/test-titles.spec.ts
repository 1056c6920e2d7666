import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A test's title is what a failing run prints: it must say the behaviour, not which issue asked for it. */
const ROOT = join(__dirname, '../../..');
const DIRS = ['test', 'libs', 'apps/api', 'apps/worker', 'apps/web/e2e', 'apps/web/src'];

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specFiles(path);
    return /\.(spec|e2e-spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Titles of describe/it/test calls that name an issue number. */
export function issueTitles(source: string): string[] {
  return [...source.matchAll(/\b(?:describe|it|test)(?:\.each\([^)]*\))?\(\s*(['"`])((?:(?!\1).)*?\bissue\s*#?\d+(?:(?!\1).)*)\1/gi)].map(([, , title]) => title);
}

describe('test titles', () => {
  it('say the behaviour they check, never an issue number', () => {
    // This file's own examples below are the one exception.
    const files = DIRS.flatMap((dir) => specFiles(join(ROOT, dir))).filter((file) => file !== __filename);
    const offenders = files.flatMap((file) =>
      issueTitles(readFileSync(file, 'utf8')).map((title) => `${relative(ROOT, file)}: ${title}`),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises an issue number in a describe or it title, not in the test body', () => {
    // The sample titles are assembled, so that this file holds no title naming an issue itself.
    const issue = 'issue';
    const sample = `describe('HTTP hardening (${issue} 18)', () => {\n  it("refuses tokens, ${issue} #7", () => { issue(3); });\n});`;
    expect(issueTitles(sample)).toEqual([`HTTP hardening (${issue} 18)`, `refuses tokens, ${issue} #7`]);
    expect(issueTitles(`it('the test API issues 75-second tokens', () => {});`)).toEqual([]);
  });
});
