import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The README and docs/ are what a newcomer reads first: a dead link or a stale page list there misleads. */
const ROOT = join(__dirname, '../../..');
const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const README_MAX_LINES = 250;

const libReadmes = (): string[] => readdirSync(join(ROOT, 'libs')).map((lib) => join(ROOT, 'libs', lib, 'README.md')).filter((path) => existsSync(path));
const pages = (): string[] => [README, ...readdirSync(DOCS).filter((name) => name.endsWith('.md')).map((name) => join(DOCS, name)), ...libReadmes()];

/** Markdown without fenced blocks and inline code, where brackets and parentheses are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(([, target]) => target);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('README, docs/ and the libs\' READMEs', () => {
  it(`keep the README to at most ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(README, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    expect(lines.length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('link only to files of the repository that exist, and to headings that exist in them', () => {
    const broken: string[] = [];
    for (const page of pages()) {
      const text = readFileSync(page, 'utf8');
      for (const target of links(text)) {
        if (isExternal(target)) continue;
        const [path, anchor] = target.split('#', 2);
        const file = path === '' ? page : join(dirname(page), decodeURIComponent(path));
        const where = `${relative(ROOT, page)} -> ${target}`;
        if (!existsSync(file)) {
          broken.push(`${where}: no such file`);
        } else if (anchor !== undefined && anchor !== '' && statSync(file).isFile() && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
          broken.push(`${where}: no such heading`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('list every docs page in the README', () => {
    const readme = readFileSync(README, 'utf8');
    const missing = readdirSync(DOCS).filter((name) => name.endsWith('.md') && !readme.includes(`](docs/${name})`));
    expect(missing).toEqual([]);
  });

  it('name every lib of libs/ in docs/architecture.md', () => {
    const architecture = readFileSync(join(DOCS, 'architecture.md'), 'utf8');
    const libs = readdirSync(join(ROOT, 'libs'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(libs.filter((lib) => !architecture.includes(`\`${lib}\``))).toEqual([]);
  });

  it('finds the anchors GitHub makes of headings with code, punctuation and repeats', () => {
    const found = anchors('# Web app (`apps/web`)\n## Agencies\' yearly duties\n## Notes\n```\n# not a heading\n```\n## Notes\n');
    expect([...found]).toEqual(['web-app-appsweb', 'agencies-yearly-duties', 'notes', 'notes-1']);
  });
});
