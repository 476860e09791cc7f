import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One read of the environment found in source: a variable by name, or by an expression (`dynamic`). */
export interface EnvRead {
  readonly file: string;
  readonly line: number;
  readonly name?: string;
  readonly dynamic?: string;
}

const BY_NAME = [
  // process.env.NAME, env.NAME, env?.NAME, import.meta.env.NAME
  /\benv\??\.([A-Z_][A-Z0-9_]*)\b/g,
  // env['NAME'], process.env["NAME"], env?.['NAME']
  /\benv\??\.?\[\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]\s*\]/g,
];
// env[expression]: a read the scan cannot name.
const DYNAMIC = /\benv\??\.?\[\s*([^'"`\s\]][^\]]*)\]/g;
// const { A, B: b } = process.env
const DESTRUCTURED = /\{([^}]*)\}\s*=\s*(?:process\.)?env\b/g;
// const e = process.env (then e.NAME would escape the patterns above)
const ALIASED =
  /\b(?:const|let|var)\s+(?!env\b)([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*process\.env(?![\w$.?[])/g;

/** Every read of the environment in `source`, by line. */
export function envReadsIn(source: string, file = '<source>'): EnvRead[] {
  const reads: EnvRead[] = [];
  source.split('\n').forEach((text, index) => {
    const line = index + 1;
    for (const pattern of BY_NAME)
      for (const match of text.matchAll(pattern)) reads.push({ file, line, name: match[1]! });
    for (const match of text.matchAll(DYNAMIC)) reads.push({ file, line, dynamic: match[1]!.trim() });
    for (const match of text.matchAll(DESTRUCTURED))
      for (const part of match[1]!.split(',')) {
        const name = part.split(':')[0]!.trim();
        if (name) reads.push({ file, line, name });
      }
    for (const match of text.matchAll(ALIASED))
      reads.push({ file, line, dynamic: `${match[1]} = process.env` });
  });
  return reads;
}

/** The source files of every package (`packages/<name>/src`), tests (`*.spec.*`, `*.test.*`) left out. */
export function packageSources(repository: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !/\.(spec|test)\.[a-z]+$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  const packages = join(repository, 'packages');
  for (const entry of readdirSync(packages, { withFileTypes: true }))
    if (entry.isDirectory() && existsSync(join(packages, entry.name, 'src')))
      walk(join(packages, entry.name, 'src'));
  return files;
}

/** Every read of the environment in the packages' sources, with paths relative to the repository. */
export function envReadsInPackages(repository: string): EnvRead[] {
  return packageSources(repository).flatMap((file) =>
    envReadsIn(readFileSync(file, 'utf8'), relative(repository, file)),
  );
}
