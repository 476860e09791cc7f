import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of docs/conventions.md are ESLint rules (eslint.config.mjs); this proves they bite.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restrictedImports(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep packages/schema free of I/O and of the other packages', async () => {
    expect(
      await restrictedImports(
        'packages/schema/src/x.ts',
        "import { readFileSync } from 'node:fs';\nreadFileSync('a');\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('packages/schema/src/x.ts', "import { x } from '@oms/server';\nx();\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'packages/schema/src/x.ts',
        "import { allocate } from './money/index.js';\nallocate(1, [1]);\n",
      ),
    ).toEqual([]);
  });

  it("keep everyone out of another package's src/, and the console away from the server", async () => {
    expect(
      await restrictedImports(
        'packages/server/src/x.ts',
        "import { x } from '../../schema/src/index.js';\nx();\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('packages/admin-web/src/x.ts', "import { x } from '@oms/server';\nx();\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'packages/server/src/x.ts',
        "import { allocate } from '@oms/schema';\nallocate(1, [1]);\n",
      ),
    ).toEqual([]);
  });

  it("keep the demo out of the server, its tests included, and the demo on the server's public entry", async () => {
    const demoRefused = async (path: string, source: string) =>
      (await restrictedImports(path, source)).filter((m) => m.includes('never imports the demo'));
    for (const path of ['packages/server/src/x.ts', 'packages/server/test/integration/x.test.ts']) {
      for (const from of [
        '@oms/demo',
        '@oms/demo/dist/index.js',
        '../../../demo/src/seed/demo.js',
        '../../demo/dist/start.js',
      ]) {
        expect(
          await demoRefused(path, `import { x } from '${from}';\nx();\n`),
          `${path} ← ${from}`,
        ).toHaveLength(1);
      }
    }
    expect(
      await restrictedImports(
        'packages/demo/src/x.ts',
        "import { x } from '@oms/server/src/config.js';\nx();\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'packages/server/src/x.ts',
        "import { x } from '@oms/demo/src/seed/demo.js';\nx();\n",
      ),
    ).toContain(
      "'@oms/demo/src/seed/demo.js' import is restricted from being used by a pattern. Import another package by its name and public entry, never its src/ internals.",
    );
    expect(
      await restrictedImports('packages/demo/src/x.ts', "import { x } from '@oms/server';\nx();\n"),
    ).toEqual([]);
  });
});
