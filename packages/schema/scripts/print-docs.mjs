// Writes docs/generated/*.md from the built schema package, so the printed rules never drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { GENERATED_DOCS } from '../dist/index.js';

const target = new URL('../../../docs/generated/', import.meta.url);
mkdirSync(target, { recursive: true });
for (const [name, render] of Object.entries(GENERATED_DOCS)) {
  writeFileSync(new URL(name, target), render());
  console.log(`docs/generated/${name}`);
}
