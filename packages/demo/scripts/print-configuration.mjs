// Writes README.md's configuration table from the declarations (src/configuration-table.ts), formatted as
// `prettier --check` expects, so the table never drifts from what the loaders read.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { withConfigurationTable } from '../dist/configuration-table.js';

const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));
const options = { ...(await prettier.resolveConfig(readme)), filepath: readme };
writeFileSync(readme, await prettier.format(withConfigurationTable(readFileSync(readme, 'utf8')), options));
console.log('README.md (configuration table)');
