import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { RequestContext } from '../api/context.js';

/**
 * What an integration key may read (docs/api.md "What an API key reads"): in the payloads of its own mutations, an
 * order's number, status, version and amounts and its sub-orders' number and status, and the payment a
 * `recordPayment` call recorded (the echo of its own input; never the payment's logs). `'*'`: every field of the type.
 * Anything else — the timeline, the receiver, warehouses, stock, any query — is refused before the mutation runs.
 */
export const API_KEY_READABLE: Readonly<Record<string, '*' | readonly string[]>> = {
  Mutation: ['createOrder', 'recordPayment'],
  CreateOrderPayload: ['order', 'created'],
  RecordPaymentPayload: ['order', 'payment'],
  Order: ['number', 'status', 'version', 'amounts', 'subOrders'],
  SubOrder: ['number', 'status'],
  Amounts: '*',
  Money: '*',
  Payment: ['id', 'method', 'amount', 'status', 'transactionNo', 'paidAt'],
};

/** The first field of `document` (its operations and fragments) an API key may not read, as `Type.field`; or null. */
export function fieldForbiddenToApiKeys(schema: GraphQLSchema, document: DocumentNode): string | null {
  let forbidden: string | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        if (node.operation !== 'mutation' && forbidden === null) forbidden = `${node.operation} operations`;
      },
      Field(node) {
        if (forbidden !== null || node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const type = parent ? getNamedType(parent).name : '?';
        const readable = API_KEY_READABLE[type];
        if (readable !== '*' && !readable?.includes(node.name.value))
          forbidden = `${type}.${node.name.value}`;
      },
    }),
  );
  return forbidden;
}

const verdicts = new WeakMap<DocumentNode, string | null>();

/**
 * Refuses, with FORBIDDEN (HTTP 403) and before any resolver runs, a request made with an API key that selects
 * anything API_KEY_READABLE does not list: nothing is stored, whatever order it names. Judged once per parsed
 * document (Apollo reuses them).
 */
export function apiKeyReadGuard(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          if (contextValue.principal?.kind !== 'apiKey') return;
          let verdict = verdicts.get(document);
          if (verdict === undefined) {
            verdict = fieldForbiddenToApiKeys(schema, document);
            verdicts.set(document, verdict);
          }
          if (verdict === null) return;
          throw new GraphQLError(
            `An API key reads only an order's number, status, version, amounts and its sub-orders' number and status; ${verdict} is not among them.`,
            { extensions: { code: 'FORBIDDEN', field: verdict, http: { status: 403 } } },
          );
        },
      };
    },
  };
}
