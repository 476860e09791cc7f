import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';

const committed = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

describe('the committed SDL (packages/schema/schema.graphql)', () => {
  it('is what the server builds (run `pnpm --filter @oms/server emit-schema` after changing the API)', async () => {
    const fresh = join(tmpdir(), `oms-sdl-${process.pid}.graphql`);
    await buildApiSchema(fresh);
    try {
      expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(committed, 'utf8'));
    } finally {
      rmSync(fresh, { force: true });
    }
  });
});
