import { hasPermission, STAFF_ROLES, type Permission, type StaffRole } from '@oms/schema';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { seedReferenceData } from '../support/reference-data.js';
import { API_KEY, createOrder, orderInput } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { OPERATION_MATRIX } from './authorization-matrix.js';

let server: TestServer;
let schema: GraphQLSchema;
const headers: Partial<Record<StaffRole | 'API_KEY' | 'ANONYMOUS', Record<string, string>>> = {};

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  schema = await buildApiSchema();
  for (const role of STAFF_ROLES)
    headers[role] = await loginAs(server, role.toLowerCase(), `${role.toLowerCase()}123`);
  headers.API_KEY = API_KEY;
  headers.ANONYMOUS = {};
});
afterAll(() => server?.close());

/** A value of the right type for a required argument: the request must pass validation to reach the auth check. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, dummy(f.type)]),
    );
  }
  if (isScalarType(named)) {
    // IDs name no row: an allowed administrative call (disableStaff, revokeApiKey…) then ends NOT_FOUND instead of
    // disabling this test's own accounts or revoking its key midway through the matrix.
    return (
      {
        Int: 1,
        Float: 1,
        Boolean: false,
        SafeInt: 1,
        DateTime: '2026-01-01T00:00:00Z',
        JSON: {},
        ID: '999999999',
        ApiKeyScope: 'orders:create',
      }[named.name] ?? '1234567890123456'
    );
  }
  return null;
}

function operationsOf(root: GraphQLObjectType | null | undefined, kind: 'query' | 'mutation') {
  return Object.values(root?.getFields() ?? {}).map((field) => ({
    kind,
    name: field.name,
    args: field.args,
  }));
}

function request(kind: 'query' | 'mutation', name: string, args: readonly GraphQLArgument[]) {
  const required = args.filter((a) => isNonNullType(a.type));
  const signature = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = (() => {
    const field = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name]!;
    const named = getNamedType(field.type);
    return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  })();
  return {
    query: `${kind}${signature ? `(${signature})` : ''} { ${name}${call ? `(${call})` : ''} ${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, dummy(a.type)])),
  };
}

describe('authorization: every role × every operation, from one matrix', () => {
  it('has a decision for every operation of the schema, and none for operations that do not exist', () => {
    const names = [
      ...operationsOf(schema.getQueryType(), 'query'),
      ...operationsOf(schema.getMutationType(), 'mutation'),
    ].map((o) => o.name);
    expect(names.filter((n) => !(n in OPERATION_MATRIX))).toEqual([]);
    expect(Object.keys(OPERATION_MATRIX).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('allows exactly what the matrix says, refusing the rest with FORBIDDEN or UNAUTHENTICATED', async () => {
    const mismatches: string[] = [];
    for (const operation of [
      ...operationsOf(schema.getQueryType(), 'query'),
      ...operationsOf(schema.getMutationType(), 'mutation'),
    ]) {
      if (operation.name === 'logout' || operation.name === 'login') continue;
      const rule = OPERATION_MATRIX[operation.name]!;
      const { query, variables } = request(operation.kind, operation.name, operation.args);
      for (const caller of [...STAFF_ROLES, 'API_KEY', 'ANONYMOUS'] as const) {
        // An API key calls only the mutations of its scopes, and no query at all (docs/api.md "What an API key reads").
        const allowed =
          caller === 'API_KEY'
            ? operation.kind === 'mutation' && rule.startsWith('scope:')
            : rule === 'public' ||
              (!rule.startsWith('scope:') &&
                caller !== 'ANONYMOUS' &&
                hasPermission(caller, rule as Permission));
        const { body } = await server.graphql(query, variables, headers[caller]);
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        const refused = codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED');
        if (codes.includes('GRAPHQL_VALIDATION_FAILED'))
          mismatches.push(`${operation.name}: the test request is invalid: ${JSON.stringify(body.errors)}`);
        else if (allowed === refused)
          mismatches.push(
            `${operation.name} as ${caller}: expected ${allowed ? 'allowed' : 'refused'}, got ${codes.join(',') || 'data'}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('what an API key reads, field by field (docs/api.md "What an API key reads")', () => {
  /** Where each payload type sits under the key's two mutations: the selection around one of its fields. */
  const PATHS: Record<string, { mutation: 'create' | 'pay'; wrap: (inner: string) => string }> = {
    CreateOrderPayload: { mutation: 'create', wrap: (inner) => inner },
    Order: { mutation: 'create', wrap: (inner) => `order { ${inner} }` },
    SubOrder: { mutation: 'create', wrap: (inner) => `order { subOrders { ${inner} } }` },
    Amounts: { mutation: 'create', wrap: (inner) => `order { amounts { ${inner} } }` },
    Money: { mutation: 'create', wrap: (inner) => `order { amounts { payable { ${inner} } } }` },
    RecordPaymentPayload: { mutation: 'pay', wrap: (inner) => inner },
    Payment: { mutation: 'pay', wrap: (inner) => `payment { ${inner} }` },
  };
  const READABLE: Record<string, readonly string[] | '*'> = {
    CreateOrderPayload: ['order', 'created'],
    Order: ['number', 'status', 'version', 'amounts', 'subOrders'],
    SubOrder: ['number', 'status'],
    Amounts: '*',
    Money: '*',
    RecordPaymentPayload: ['order', 'payment'],
    Payment: ['id', 'method', 'amount', 'status', 'transactionNo', 'paidAt'],
  };

  const count = async (sql: string, value: string) =>
    ((await server.db.dataSource.query(sql, [value])) as { n: number }[])[0]!.n;

  it('answers the listed fields and refuses every other one with FORBIDDEN before anything is stored', async () => {
    const unpaid = (await createOrder(server)).number;
    const mismatches: string[] = [];
    let serial = 0;
    for (const [typeName, path] of Object.entries(PATHS)) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const leaf = isScalarType(named) || isEnumType(named);
        const inner = `${field.name}${leaf ? '' : ' { __typename }'}`;
        const readable = READABLE[typeName] === '*' || READABLE[typeName]!.includes(field.name);
        const key = `key-reads-${Date.now()}-${(serial += 1)}`;
        const { body } =
          path.mutation === 'create'
            ? await server.graphql(
                `mutation($i: CreateOrderInput!) { createOrder(input: $i) { ${path.wrap(inner)} } }`,
                { i: orderInput({ externalId: key }) },
                API_KEY,
              )
            : await server.graphql(
                `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${path.wrap(inner)} } }`,
                {
                  i: {
                    orderNumber: unpaid,
                    method: 'ALIPAY',
                    amountFen: 1,
                    transactionNo: key,
                    status: 'FAILED',
                    occurredAt: new Date().toISOString(),
                  },
                },
                API_KEY,
              );
        const stored =
          path.mutation === 'create'
            ? await count('SELECT count(*)::int AS n FROM orders WHERE external_id = $1', key)
            : await count('SELECT count(*)::int AS n FROM payments WHERE transaction_no = $1', key);
        const error = body.errors?.[0];
        if (readable && (error || stored !== 1))
          mismatches.push(
            `${typeName}.${field.name}: expected an answer, got ${JSON.stringify(body.errors)}`,
          );
        if (!readable && (error?.extensions?.code !== 'FORBIDDEN' || stored !== 0))
          mismatches.push(
            `${typeName}.${field.name}: expected FORBIDDEN with nothing stored, got ${error?.extensions?.code ?? 'data'} and ${stored} stored`,
          );
        if (!readable && error?.extensions?.field !== `${typeName}.${field.name}`)
          mismatches.push(`${typeName}.${field.name}: the refusal names ${String(error?.extensions?.field)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every query to a key, and a fragment cannot smuggle a field past the check', async () => {
    const { number } = await createOrder(server);
    const query = await server.graphql(
      'query($n: String!) { order(number: $n) { number } }',
      { n: number },
      API_KEY,
    );
    expect(query.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const smuggled = await server.graphql(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { ...O } } }
       fragment O on Order { number timeline { type reason } }`,
      {
        i: {
          orderNumber: number,
          method: 'ALIPAY',
          amountFen: 1,
          transactionNo: `smuggle-${number}`,
          status: 'FAILED',
          occurredAt: new Date().toISOString(),
        },
      },
      API_KEY,
    );
    expect(smuggled.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'Order.timeline',
    });
    expect(smuggled.response.status).toBe(403);
    expect(
      await count('SELECT count(*)::int AS n FROM payments WHERE transaction_no = $1', `smuggle-${number}`),
    ).toBe(0);
  });
});
