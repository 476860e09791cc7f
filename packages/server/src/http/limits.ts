import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * GraphQL limits (reliability.md): graphql-armor's defaults refuse the console's own order page (fragment spreads and
 * Relay edges add depth), so the limits are set from the console's largest operation plus a margin; batched bodies
 * are refused and no stack traces leave the server. The 512 KiB body limit is Express's (http/app.ts).
 */
export function graphqlLimits() {
  return new ApolloArmor({
    maxDepth: { n: 12, flattenFragments: true },
    // The console's order list (50 orders with their sub-orders) costs about 15,000: twice that is the margin.
    costLimit: { maxCost: 50_000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    maxTokens: { n: 3_000 },
  }).protect();
}
