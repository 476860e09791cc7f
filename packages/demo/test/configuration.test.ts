import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRODUCT_VARIABLES } from '@oms/server';
import { describe, expect, it } from 'vitest';
import {
  allVariables,
  configurationRows,
  CONFIGURATION_HEADER,
  readmeTableRows,
  withConfigurationTable,
} from '../src/configuration-table.js';
import { DEMO_MODE_VARIABLES, loadDemoConfig } from '../src/demo-config.js';
import { envReadsIn, envReadsInPackages } from './support/env-reads.js';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(`${REPOSITORY}README.md`, 'utf8');

/**
 * Reads of the environment that are not the product's configuration, each where it is and why. Anything else a
 * package's source reads must be declared.
 */
const NOT_CONFIGURATION: readonly { file: string; name?: string; dynamic?: string; why: string }[] = [
  {
    file: 'packages/schema/src/money/test-orders.ts',
    name: 'CI',
    why: 'a property-test helper runs more cases in CI; not the product',
  },
  {
    file: 'packages/server/src/config.ts',
    dynamic: 'declared.name',
    why: 'the loader reading each declared variable',
  },
];

describe("README.md's configuration table", () => {
  it('is the declarations, row for row (run `pnpm run docs` after changing one)', () => {
    expect(readmeTableRows(README)).toEqual([[...CONFIGURATION_HEADER], ...configurationRows()]);
  });

  it('would fail on a stale row: a changed default shows', () => {
    const stale = README.replace('| `4000`', '| `4001`');
    expect(stale).not.toBe(README);
    expect(readmeTableRows(stale)).not.toEqual(readmeTableRows(README));
    expect(readmeTableRows(withConfigurationTable(stale))).toEqual(readmeTableRows(README));
  });

  it("lists the product's variables and demo mode's, each once, with what each table column needs", () => {
    const names = allVariables().map((declared) => declared.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'OMS_ADMIN_PASSWORD',
        'OMS_ORDER_NUMBER_SECRET',
        'OMS_KUAIDI100_SALT',
        'OMS_ROLLBACK_MINUTES',
        'OMS_PAYMENT_WINDOW_MINUTES',
        'OMS_REVEAL_DAILY_LIMIT',
        'OMS_METRICS_TOKEN',
        'OMS_PERSONAL_DATA_KEY',
        'OMS_SIMULATORS',
        'OMS_DEMO_WMS_URL',
        'OMS_DEMO_PAYMENT_URL',
        'OMS_DEMO_ORDERS',
        'OMS_SIMULATOR_SPEED',
        'LOG_LEVEL',
        'OMS_LOG_LEVEL',
        'PORT',
        'DATABASE_URL',
        'NODE_ENV',
      ]),
    );
    for (const declared of allVariables()) {
      expect(declared.meaning, declared.name).not.toBe('');
      expect(declared.default, declared.name).not.toBe('');
    }
  });
});

describe('reads of the environment', () => {
  const declared = new Set(allVariables().map((v) => v.name));
  const excused = (read: { file: string; name?: string; dynamic?: string }) =>
    NOT_CONFIGURATION.some(
      (e) => e.file === read.file && (read.name ? e.name === read.name : e.dynamic === read.dynamic),
    );

  it('in packages/*/src name only declared variables', () => {
    const reads = envReadsInPackages(REPOSITORY);
    // The scan sees the reads it must: the loader's, the start command's default, the test kit's.
    expect(reads.map((r) => `${r.file} ${r.name ?? r.dynamic}`)).toEqual(
      expect.arrayContaining([
        'packages/server/src/config.ts declared.name',
        'packages/demo/src/start.ts OMS_DEMO',
        'packages/server/src/testing/test-postgres.ts DATABASE_URL',
      ]),
    );
    const undeclared = reads.filter((read) => !excused(read) && !(read.name && declared.has(read.name)));
    expect(undeclared.map((r) => `${r.file}:${r.line} ${r.name ?? `env[${r.dynamic}]`}`)).toEqual([]);
  });

  it('are found however they are written', () => {
    const source = [
      'const a = process.env.OMS_ONE;',
      "const b = env['OMS_TWO'] ?? env?.OMS_THREE;",
      'const { OMS_FOUR, OMS_FIVE: five } = process.env;',
      'const c = import.meta.env.OMS_SIX;',
      'const d = process.env[someName];',
      'const e = process.env;',
    ].join('\n');
    const reads = envReadsIn(source);
    expect(reads.flatMap((r) => r.name ?? []).sort()).toEqual([
      'OMS_FIVE',
      'OMS_FOUR',
      'OMS_ONE',
      'OMS_SIX',
      'OMS_THREE',
      'OMS_TWO',
    ]);
    expect(reads.filter((r) => r.dynamic).map((r) => r.dynamic)).toEqual(['someName', 'e = process.env']);
  });

  it("by demo mode's loader are its declarations, every one and nothing else", () => {
    const read = new Set<string>();
    loadDemoConfig(
      new Proxy({} as NodeJS.ProcessEnv, {
        get: (target, name) => {
          if (typeof name === 'string') read.add(name);
          return undefined;
        },
      }),
    );
    expect([...read].sort()).toEqual(DEMO_MODE_VARIABLES.map((v) => v.name).sort());
    expect(PRODUCT_VARIABLES.filter((v) => read.has(v.name))).toEqual([]);
  });
});
