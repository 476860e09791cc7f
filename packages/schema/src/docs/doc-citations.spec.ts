import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every document a comment or a doc cites must exist in the repository: CI clones the repository alone, so a citation
// of anything outside it (or of a document since renamed) leaves the reader with nothing. This file holds the scanner
// and proves it on made-up files before running it over the repository.

/** What the scanner reads: the repository's file list and, by path from its root, each file's text. */
interface Repository {
  readonly files: readonly string[];
  readonly exists: (path: string) => boolean;
  readonly read: (path: string) => string;
}

const SKIPPED =
  /(^|\/)(node_modules|dist|coverage|\.data|\.logs|test-results|playwright-report)\/|^packages\/admin-web\/src\/gql\/|^bench\/results\//;
const SOURCE = /\.(ts|tsx|mts|mjs|js|graphql)$/;

/** Source under packages/, e2e/ and bench/ (and the root's own config), and every markdown file. */
function isScanned(path: string): boolean {
  if (SKIPPED.test(path)) return false;
  if (path.endsWith('.md')) return true;
  return SOURCE.test(path) && (/^(packages|e2e|bench)\//.test(path) || !path.includes('/'));
}

const MARKDOWN = '.md';
// A markdown link's target (a relative path, maybe with an `#anchor`); a URL is not a citation.
const LINK = /\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/g;
// A path ending in the markdown suffix, not part of a longer path or of a URL.
const PATH = /(?<![\w./\\@-])((?:\.{1,2}\/)*(?:[\w@-][\w.@-]*\/)*[\w-][\w.-]*\.md)(?![\w-])/g;
// Sections (`§3.2`, `section 4`, `§3–§9`, `§2, §9`) or a quoted heading right after a citation.
const SECTIONS = /^((?:[\s,]*(?:§\s?|section\s+)\d+(?:\.\d+)*(?:\s*[–-]\s*§?\s?\d+(?:\.\d+)*)?)+)/;
const QUOTED = /^\s*:?\s*"([^"\n]{1,120})"/;
// The team's briefs live outside the repository; no file may point there.
const OUTSIDE = /shared\/spec|\/work\/shared\b|(?:\.\.\/)+shared(?![\w/-])|(?:\.\.\/)+shared\/[\w./-]*\.md/;

/** One citation: where it is, what it says, and the file it was resolved to (null: nothing by that name). */
interface Citation {
  readonly at: string;
  readonly cited: string;
  readonly resolved: string | null;
  readonly rest: string;
}

function inside(path: string): string | null {
  const normal = posix.normalize(path);
  return normal.startsWith('../') || normal === '..' ? null : normal;
}

/** A link resolves from the citing file's folder, as a markdown viewer resolves it. */
function resolveLink(repo: Repository, from: string, target: string): string | null {
  const path = target.startsWith('/')
    ? inside(target.slice(1))
    : inside(posix.join(posix.dirname(from), target));
  return path && repo.exists(path) ? path : null;
}

/**
 * A path in text: `./` and `../` from the citing file's folder; `docs/…` and other paths from the repository root,
 * then from the citing folder, then from docs/; a bare name (`domain.md`) from docs/, then docs/generated/ (the printed
 * tables), the citing folder, the root.
 */
function resolvePath(repo: Repository, from: string, cited: string): string | null {
  const here = posix.dirname(from);
  const candidates = cited.startsWith('.')
    ? [posix.join(here, cited)]
    : cited.includes('/')
      ? [cited, posix.join(here, cited), posix.join('docs', cited)]
      : [posix.join('docs', cited), posix.join('docs/generated', cited), posix.join(here, cited), cited];
  for (const candidate of candidates) {
    const path = inside(candidate);
    if (path && repo.exists(path)) return path;
  }
  return null;
}

function citationsIn(
  repo: Repository,
  path: string,
  text: string,
): { citations: Citation[]; outside: string[] } {
  const citations: Citation[] = [];
  const outside: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${path}:${i + 1}`;
    const found = OUTSIDE.exec(line);
    if (found) outside.push(`${at}: cites ${found[0]}, which is outside the repository`);
    let rest = line;
    if (path.endsWith(MARKDOWN)) {
      rest = line.replace(LINK, (link, target: string, offset: number) => {
        const file = target.split('#', 1)[0]!;
        if (file.endsWith(MARKDOWN) && !/^[a-z][a-z0-9+.-]*:/i.test(file)) {
          const after = line.slice(offset + link.length);
          citations.push({ at, cited: file, resolved: resolveLink(repo, path, file), rest: after });
        }
        return ' '.repeat(link.length);
      });
    }
    for (const match of rest.matchAll(PATH)) {
      const after = rest.slice(match.index + match[0].length);
      citations.push({ at, cited: match[1]!, resolved: resolvePath(repo, path, match[1]!), rest: after });
    }
  });
  return { citations, outside };
}

/** The section numbers a document's headings carry: `## 3. Status` → 3, `### 6.3 Split` → 6.3. */
function headingNumbers(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of text.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)) numbers.add(match[1]!);
  return numbers;
}

/** The text a quoted heading or phrase is looked for in: no emphasis, no code marks, single spaces, lower case. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Every problem with the citations in the scanned files, as `file:line: …`: a cited document that does not exist, a
 * cited section (`§N`) that has no heading numbered N in it, a quoted heading or phrase that it does not contain, and
 * any citation of the briefs outside the repository.
 */
function citationProblems(repo: Repository): { problems: string[]; files: number; citations: number } {
  const problems: string[] = [];
  const texts = new Map<string, string>();
  const textOf = (path: string) => texts.get(path) ?? texts.set(path, repo.read(path)).get(path)!;
  let files = 0;
  let count = 0;
  for (const path of repo.files) {
    if (!isScanned(path) || !repo.exists(path)) continue;
    files += 1;
    const { citations, outside } = citationsIn(repo, path, textOf(path));
    problems.push(...outside);
    for (const citation of citations) {
      count += 1;
      if (!citation.resolved) {
        problems.push(`${citation.at}: cites ${citation.cited}, which does not exist`);
        continue;
      }
      const sections = SECTIONS.exec(citation.rest)?.[1];
      if (sections) {
        const headings = headingNumbers(textOf(citation.resolved));
        for (const [number] of sections.matchAll(/\d+(?:\.\d+)*/g))
          if (!headings.has(number))
            problems.push(`${citation.at}: cites ${citation.cited} §${number}, which has no such section`);
      }
      const quoted = QUOTED.exec(citation.rest)?.[1];
      if (quoted && !plain(textOf(citation.resolved)).includes(plain(quoted)))
        problems.push(`${citation.at}: cites ${citation.cited} "${quoted}", which it does not contain`);
    }
  }
  return { problems, files, citations: count };
}

/** A made-up repository: file path → text. */
function fabricated(files: Record<string, string>): Repository {
  return {
    files: Object.keys(files),
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
  };
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The tracked (and new, not ignored) files of the working tree; without git, a walk that skips dot-folders. */
function repositoryFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return [...new Set(listed.split('\0').filter(Boolean))];
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(ROOT + dir, { withFileTypes: true }).flatMap((entry) => {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory())
          return entry.name.startsWith('.') || SKIPPED.test(`${path}/`) ? [] : walk(path);
        return [path];
      });
    return walk('');
  }
}

const repository: Repository = {
  files: repositoryFiles(),
  exists: (path) => existsSync(ROOT + path) && statSync(ROOT + path).isFile(),
  read: (path) => readFileSync(ROOT + path, 'utf8'),
};

// Names built in pieces, so that this file itself cites nothing that is missing.
const md = (name: string) => name + MARKDOWN;
const DOCS = {
  'docs/domain.md': '# Domain\n\n## 1. Who uses it\n\n## 3. Status\n\n### 3.2 Fulfilment status\n',
  'docs/api.md': '# API\n\n## Errors\n\nErrors carry `extensions.code`.\n\n**Bulk payloads** list results.\n',
};

describe('the citation scanner', () => {
  it('reports a cited document that does not exist, with file and line', () => {
    const gone = md('docs/no-such-page');
    const { problems } = citationProblems(
      fabricated({ ...DOCS, 'packages/server/src/x.ts': `const a = 1;\n// the rule (${gone} §2)\n` }),
    );
    expect(problems).toEqual([`packages/server/src/x.ts:2: cites ${gone}, which does not exist`]);
  });

  it('resolves a bare name against docs/, a relative link from the citing file, a path from the root', () => {
    const files = {
      ...DOCS,
      [md('docs/adr/0001-x')]: `See [the API](../${md('api')}#errors) and ${md('adr/0001-x')}.\n`,
      'e2e/pages/a.ts': `/** (${md('domain')} §3.2; ${md('docs/api')} "Bulk payloads") */\n`,
      'README.md': `[Domain](${md('docs/domain')}), [nothing](${md('domain')}).\n`,
    };
    expect(citationProblems(fabricated(files)).problems).toEqual([
      `README.md:1: cites ${md('domain')}, which does not exist`,
    ]);
  });

  it('reports a cited section without a heading of that number, and a quoted heading the document lacks', () => {
    const files = {
      ...DOCS,
      'packages/schema/src/y.ts': `// ${md('domain')} §3, §9 and ${md('domain')} section 1\n// ${md('api')} "Demo mode"\n`,
    };
    expect(citationProblems(fabricated(files)).problems).toEqual([
      `packages/schema/src/y.ts:1: cites ${md('domain')} §9, which has no such section`,
      `packages/schema/src/y.ts:2: cites ${md('api')} "Demo mode", which it does not contain`,
    ]);
  });

  it('reports any citation of the briefs outside the repository, even one that names no document', () => {
    const brief = `../${'shared'}/${'spec'}`;
    const files = {
      ...DOCS,
      'bench/run.mjs': `// goals: ${brief}/${md('performance')}\n// and ${'shared'}/${'spec'} too\n`,
    };
    const { problems } = citationProblems(fabricated(files));
    expect(problems).toHaveLength(3);
    expect(problems.filter((p) => p.endsWith('outside the repository'))).toHaveLength(2);
  });

  it('leaves URLs, globs and imports alone, and skips generated and installed code', () => {
    const files = {
      ...DOCS,
      'packages/admin-web/src/a.tsx': `import x from '../${'shared'}/Section';\n// https://example.com/${md('README')}\n`,
      'packages/schema/scripts/b.mjs': '// writes docs/generated/*' + MARKDOWN + '\n',
      'packages/admin-web/src/gql/graphql.ts': `// ${md('missing')}\n`,
      'node_modules/z/index.js': `// ${md('missing')}\n`,
    };
    expect(citationProblems(fabricated(files)).problems).toEqual([]);
    expect(isScanned('packages/server/dist/main.js')).toBe(false);
    expect(isScanned('docs/generated/roles' + MARKDOWN)).toBe(true);
  });
});

describe('the repository', () => {
  it('cites only documents it holds, with the sections and headings they have', () => {
    const started = Date.now();
    const { problems, files, citations } = citationProblems(repository);
    expect(problems).toEqual([]);
    // Not vacuous: the scan reached the code and found its citations.
    expect(files).toBeGreaterThan(300);
    expect(citations).toBeGreaterThan(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
