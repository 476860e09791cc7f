import type { ApolloServerPlugin } from '@apollo/server';
import { CONSOLE_OPERATIONS } from '@oms/schema';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { currentScope } from '../logging/request-scope.js';
import { graphqlErrorCode } from '../api/format-error.js';
import { CONFLICT_CODES, type Metrics } from './metrics.js';

const REVEAL_FIELD = 'revealPersonalData';

/** The response key of a top-level `revealPersonalData` in a mutation (its alias, if any), else null. */
function revealKeyOf(operation: OperationDefinitionNode | undefined): string | null {
  if (operation?.operation !== 'mutation') return null;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === REVEAL_FIELD)
      return selection.alias?.value ?? REVEAL_FIELD;
  }
  return null;
}

const CONSOLE = new Set<string>(CONSOLE_OPERATIONS);

/**
 * The metric label of a request (docs/api.md "Operations"): the console's own operation names as given; any other
 * request by its type and first root field (`mutation login`), which the schema bounds once the document is valid;
 * `other` when there is neither (a document that did not parse or validate, a name the console does not send with no
 * valid operation). A client cannot add series by naming its requests.
 */
function operationLabel(
  name: string | null | undefined,
  operation: OperationDefinitionNode | undefined,
): string {
  if (name && CONSOLE.has(name)) return name;
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? `${operation!.operation} ${first.name.value}` : 'other';
}

/**
 * Per GraphQL operation: its name on the request's log line, its latency, its error codes (conflicts apart) and, for
 * a reveal of personal data, the outcome. Reads the parsed document, never the variables.
 */
export function observeOperations<C extends object>(metrics: Metrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ operationName, operation }) {
          const scope = currentScope();
          if (scope) scope.operation = operationLabel(operationName, operation);
        },
        async didEncounterErrors({ errors, operationName, operation: document }) {
          const operation = operationLabel(operationName, document);
          for (const error of errors) {
            const code = graphqlErrorCode(error);
            metrics.graphqlErrors.inc({ operation, code });
            if (CONFLICT_CODES.has(code)) metrics.conflicts.inc({ operation, code });
          }
        },
        async willSendResponse({ operationName, operation, response, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.requestSeconds.observe({ operation: operationLabel(operationName, operation) }, seconds);
          const revealKey = revealKeyOf(operation);
          if (revealKey && response.body.kind === 'single') {
            const revealed = response.body.singleResult.data?.[revealKey];
            const refusal = errors?.find((e) => e.path?.[0] === revealKey) ?? errors?.[0];
            metrics.reveals.inc({
              outcome: revealed ? 'REVEALED' : refusal ? graphqlErrorCode(refusal) : 'NONE',
            });
          }
        },
      };
    },
  };
}
