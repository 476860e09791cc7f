import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { RequestContext } from '../api/context.js';

const askedForSchema = new WeakMap<DocumentNode, boolean>();

/** Whether the document reads `__schema` or `__type`; remembered per parsed document (Apollo reuses them). */
function asksForSchema(document: DocumentNode): boolean {
  let found = askedForSchema.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') found = true;
      },
    });
    askedForSchema.set(document, found);
  }
  return found;
}

/** docs/api.md: introspection is answered in development and to signed-in ADMIN sessions, refused to everyone else. */
export function introspectionGuard(production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!production || !asksForSchema(document)) return;
          const principal = contextValue.principal;
          if (principal?.kind === 'staff' && principal.role === 'ADMIN') return;
          throw new GraphQLError('Introspection is answered to signed-in admins only.', {
            // A refusal, not a server fault: 403 (Apollo answers 500 for an error thrown here otherwise).
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}
