import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from './index.js';

const docsDir = fileURLToPath(new URL('../../../../docs/generated/', import.meta.url));

describe('docs/generated', () => {
  it.each(Object.keys(GENERATED_DOCS).map((name) => [name]))(
    '%s is current (run `pnpm run docs`)',
    (name) => {
      const committed = readFileSync(docsDir + name, 'utf8');
      expect(committed).toBe(GENERATED_DOCS[name]!());
    },
  );
});
