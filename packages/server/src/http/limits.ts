import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  coerceInputValue,
  getArgumentValues,
  GraphQLError,
  isInputType,
  isNonNullType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type GraphQLField,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { MAX_PAGE_COST, operationCost } from './page-cost.js';

/** The most items one page of any connection gives (docs/api.md: `first` capped at 100). */
export const MAX_PAGE_SIZE = 100;

/** The most lexical tokens one document may have (docs/reliability.md: sized from the console's largest operation). */
export const MAX_TOKENS = 3_000;

/**
 * GraphQL limits (docs/reliability.md): graphql-armor's defaults refuse the console's own order page (fragment spreads and
 * Relay edges add depth), so the limits are set from the console's largest operation plus a margin; batched bodies
 * are refused and no stack traces leave the server. The 512 KiB body limit is Express's (http/app.ts). The input
 * guard below refuses bad variables, oversized pages and operations whose cost counted with their page sizes is too
 * high (page-cost.ts; graphql-armor's cost ignores `first`) before any resolver runs.
 */
export function graphqlLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: 12, flattenFragments: true },
    // The console's order list (50 orders with their sub-orders) costs about 15,000: twice that is the margin.
    costLimit: { maxCost: 50_000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    // Counted by the parser instead (parseOptions below): graphql-armor's token check throws from a hook that Apollo
    // answers with a bare 500, where the parser's refusal is a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), inputGuard()],
  };
}

/** BAD_USER_INPUT naming the field, answered with HTTP 400 like any request refused before execution. */
function refused(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });
}

/** `lines[0].quantity` from ['lines', 0, 'quantity']. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');
}

/**
 * The field a variable's path names, as resolvers name it (docs/api.md: `extensions.field` is the input path, e.g.
 * `lines[0].quantity`): inside an input object, the path within it; a scalar variable, the argument it fills.
 */
function fieldOf(argument: string, path: readonly (string | number)[]): string {
  return path.length ? pathText(path) : argument;
}

/** Strings PostgreSQL cannot store (a NUL byte) anywhere in a variable: the path to the first one. */
function nulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const variableArguments = new WeakMap<OperationDefinitionNode, Map<string, string>>();

/**
 * Which argument each variable fills directly (`orders(first: $f)` → f ↦ first); remembered per parsed operation
 * (Apollo reuses the parsed document of a query it has seen).
 */
function argumentsOfVariables(
  operation: OperationDefinitionNode,
  document: DocumentNode,
): Map<string, string> {
  const known = variableArguments.get(operation);
  if (known) return known;
  const names = new Map<string, string>();
  variableArguments.set(operation, names);
  const record = (node: ArgumentNode) => {
    if (node.value.kind === Kind.VARIABLE && !names.has(node.value.name.value))
      names.set(node.value.name.value, node.name.value);
  };
  visit(operation, { Argument: record });
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, { Argument: record });
  return names;
}

const pagedFields = new WeakMap<
  DocumentNode,
  { definition: GraphQLField<unknown, unknown>; node: FieldNode }[]
>();

/**
 * The fields of a document that take `first`, with their definitions: a walk of the whole document with type
 * information, remembered per parsed document (Apollo reuses them), so a request only reads its own values.
 */
function pagedFieldsOf(schema: GraphQLSchema, document: DocumentNode) {
  let found = pagedFields.get(document);
  if (!found) {
    const list: { definition: GraphQLField<unknown, unknown>; node: FieldNode }[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const definition = typeInfo.getFieldDef();
          if (definition?.args.some((arg) => arg.name === 'first')) list.push({ definition, node });
        },
      }),
    );
    pagedFields.set(document, list);
    found = list;
  }
  return found;
}

const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();

/**
 * The operation's page-aware cost, remembered per parsed operation and page sizes: only the variables that fill a
 * `first` change it (a variable used otherwise is left out, so its `first` counts as the largest page), so the order
 * page, whose one variable is a number, walks its document once, not on every request.
 */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coerced: Record<string, unknown>,
  argumentOf: Map<string, string>,
): number {
  const pageSizes = Object.fromEntries(
    Object.entries(coerced).filter(([name]) => argumentOf.get(name) === 'first'),
  );
  const key = JSON.stringify(pageSizes);
  let known = costs.get(operation);
  if (!known) costs.set(operation, (known = new Map()));
  let cost = known.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, pageSizes);
    if (known.size < 100) known.set(key, cost);
  }
  return cost;
}

/**
 * Checks one operation's input before execution: every variable against its declared type (so a fractional amount
 * or a missing field is BAD_USER_INPUT naming the field, not a bare coercion message), no NUL byte in any string,
 * and every `first` between 1 and MAX_PAGE_SIZE, whether written inline or passed as a variable.
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const argumentOf = argumentsOfVariables(operation, document);
  const coerced: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const argument = argumentOf.get(name) ?? name;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // validation has already refused an unknown type
    const raw = variables?.[name];
    if (raw === undefined) {
      if (isNonNullType(type) && !definition.defaultValue) throw refused(argument, 'is required');
      continue;
    }
    const nul = nulPath(raw);
    if (nul) throw refused(fieldOf(argument, nul), 'must not contain a NUL character');
    let failure: GraphQLError | undefined;
    coerced[name] = coerceInputValue(raw, type, (path, _value, error) => {
      if (failure) return;
      const missing = /^Field "(\w+)" of required type/.exec(error.message)?.[1];
      const field = fieldOf(argument, missing ? [...path, missing] : path);
      failure = refused(field, error.message);
    });
    if (failure) throw failure;
  }

  const pageSizes = pagedFieldsOf(schema, document).map(({ definition, node }) => {
    try {
      return getArgumentValues(definition, node, coerced).first;
    } catch {
      return undefined; // an argument of the wrong type: execution reports it
    }
  });
  for (const value of pageSizes) {
    if (typeof value === 'number' && (value < 1 || value > MAX_PAGE_SIZE))
      throw refused('first', `between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  const cost = costOf(schema, document, operation, coerced, argumentOf);
  if (cost > MAX_PAGE_COST)
    throw refused(
      'first',
      `this operation could read too much (cost ${cost}, at most ${MAX_PAGE_COST}: each field times the items it repeats for); ask for smaller pages, fewer lists or fewer aliases`,
    );
}

/** The Apollo plugin that runs checkOperationInput once the operation is known, before any resolver. */
export function inputGuard(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperationInput(schema, document, operation, request.variables);
        },
      };
    },
  };
}
