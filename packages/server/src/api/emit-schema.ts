// Prints the API's SDL into packages/schema/schema.graphql, the committed contract (`pnpm --filter @oms/server emit-schema`).
import { fileURLToPath } from 'node:url';
import { buildApiSchema } from './schema.js';

const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
await buildApiSchema(target);
console.log(`wrote ${target}`);
