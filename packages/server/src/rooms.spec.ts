import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rooms of docs/architecture.md are ESLint rules (eslint.config.mjs, ROOMS); this proves they bite, and that
// the doors they leave open stay open.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function refusals(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}packages/server/src/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (specifier: string) => `import { x } from '${specifier}';\nx();\n`;

describe('rooms inside the server', () => {
  it('keep services from importing upward: api/, http/, jobs/', async () => {
    expect(await refusals('services/cancel/x.ts', use('../../api/context.js'))).toHaveLength(1);
    expect(await refusals('services/cancel/x.ts', use('../../http/app.js'))).toHaveLength(1);
    expect(await refusals('services/helpers/x.ts', use('../../jobs/outbox.js'))).toHaveLength(1);
    expect(await refusals('services/x.ts', use('../jobs/worker.js'))).toHaveLength(1);
  });

  it('keep jobs off the edges, the edges off each other, and the inner rooms off everything above them', async () => {
    expect(await refusals('jobs/x.ts', use('../api/schema.js'))).toHaveLength(1);
    expect(await refusals('api/orders/x.ts', use('../../http/limits.js'))).toHaveLength(1);
    expect(await refusals('http/x.ts', use('../jobs/worker.js'))).toHaveLength(1);
    expect(await refusals('database/x.ts', use('../services/index.js'))).toHaveLength(1);
    expect(await refusals('entities/x.ts', use('../services/helpers/history.js'))).toHaveLength(1);
    expect(await refusals('privacy/x.ts', use('../database/data-source.js'))).toHaveLength(1);
    expect(await refusals('errors/x.ts', use('../logging/logger.js'))).toHaveLength(1);
  });

  it("keep the package rules in every room: never the demo, never another package's src/", async () => {
    expect(await refusals('services/cancel/x.ts', use('@oms/demo'))).toHaveLength(1);
    expect(await refusals('api/x.ts', use('../../../schema/src/index.js'))).toHaveLength(1);
  });

  it('leave the one-way doors open', async () => {
    for (const [path, specifier] of [
      ['api/orders/x.ts', '../../services/index.js'],
      ['http/x.ts', '../api/schema.js'],
      ['http/webhooks/x.ts', '../../services/webhooks/wms-callback.service.js'],
      ['jobs/x.ts', '../services/index.js'],
      ['services/cancel/x.ts', '../helpers/locks.js'],
      ['services/cancel/x.ts', '../../database/select-entities.js'],
      ['services/cancel/x.ts', '../../errors/domain-error.js'],
      ['services/cancel/x.ts', '@oms/schema'],
      ['main.ts', './jobs/worker.js'],
      ['errors/x.ts', './domain-error.js'],
    ] as const)
      expect(await refusals(path, use(specifier)), `${path} → ${specifier}`).toEqual([]);
  });
});
