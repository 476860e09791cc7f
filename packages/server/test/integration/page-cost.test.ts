import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { MAX_PAGE_COST, operationCost } from '../../src/http/page-cost.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  schema = await buildApiSchema();
});
afterAll(() => server?.close());

const consoleDir = fileURLToPath(new URL('../../../admin-web/src/', import.meta.url));

/** Every operation the console sends, with its fragments (each .graphql file with all fragments of the console). */
function consoleOperations(): { name: string; cost: number }[] {
  const files = readdirSync(consoleDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.graphql'));
  const documents = files.map((file) => parse(readFileSync(`${consoleDir}${file}`, 'utf8')));
  const fragments = documents.flatMap((d) =>
    d.definitions.filter((x) => x.kind === Kind.FRAGMENT_DEFINITION),
  );
  return documents.flatMap((document) =>
    document.definitions
      .filter((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => {
        // Every variable named like a page size at its largest; the others absent.
        const variables = Object.fromEntries(
          (operation.variableDefinitions ?? [])
            .filter((v) => /first|size|limit/i.test(v.variable.name.value))
            .map((v) => [v.variable.name.value, 100]),
        );
        const whole = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
        return {
          name: operation.name?.value ?? '?',
          cost: operationCost(schema, whole, operation, variables),
        };
      }),
  );
}

describe('the page-aware cost limit (docs/reliability.md "GraphQL limits")', () => {
  it('lets every console operation through at its largest pages, with room to spare', () => {
    const operations = consoleOperations();
    expect(operations.length).toBeGreaterThan(20);
    const over = operations.filter((o) => o.cost > MAX_PAGE_COST / 2);
    expect(over).toEqual([]);
  });

  it('refuses fifteen aliased orders(first: 100) { timeline } before any resolver runs, and takes one', async () => {
    const agent = await loginAs(server, 'agent', 'agent123');
    const page = 'orders(first: 100) { edges { node { timeline { type } } } }';
    const one = await server.graphql(`{ ${page} }`, {}, agent);
    expect(one.body.errors).toBeUndefined();
    const aliased = Array.from({ length: 15 }, (_, i) => `a${i}: ${page}`).join(' ');
    server.db.counter.reset();
    const many = await server.graphql(`{ ${aliased} }`, {}, agent);
    expect(many.response.status).toBe(400);
    expect(many.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(many.body.errors?.[0]?.message).toMatch(/cost \d+, at most 10000/);
    // Refused before execution: no order was read (only the session look-up ran).
    expect(server.db.counter.statements.filter((s) => /\borders\b/.test(s.query))).toEqual([]);
    // The same through a variable page size.
    const byVariable = await server.graphql(
      `query($n: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: orders(first: $n) { edges { node { timeline { type } } } }`).join(' ')} }`,
      { n: 100 },
      agent,
    );
    expect(byVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
