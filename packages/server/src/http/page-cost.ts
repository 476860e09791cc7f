import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The most an operation may cost (docs/reliability.md "GraphQL limits"): what it can make the server read, counted in
 * fields × the items they repeat for. Sized from the console's own operations at their largest pages — the dearest,
 * the order list at `first: 100`, costs ~1,700 (the server's test computes every console document and keeps each
 * under half of this) — so it refuses `orders(first: 100) { edges { node { timeline { type } } } }` aliased fifteen
 * times (~13,500), which graphql-armor's cost, blind to `first`, let through.
 */
export const MAX_PAGE_COST = 10_000;

/**
 * How many items a plain list (an order's lines, its sub-orders, its timeline) is taken to hold: a guess, as it has
 * no `first`; an order has a few of each, and the guess compounds through nested lists.
 */
export const PLAIN_LIST_ITEMS = 3;

/** A connection's page size when `first` is absent: the most any list gives. */
const DEFAULT_FIRST = 100;

/**
 * The cost of `operation`: each field costs 1 plus its selection's cost, times how many items it repeats for — its
 * `first` (a connection), PLAIN_LIST_ITEMS (a plain list) or 1. Fragments count where they are spread.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const costOf = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    seen: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (type) cost += costOf(fragment.selectionSet, type, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        if (type) cost += costOf(selection.selectionSet, type, seen);
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue; // __typename and the like cost nothing
      let items = 1;
      if (field.args.some((arg) => arg.name === 'first')) {
        let first: unknown;
        try {
          first = getArgumentValues(field, selection, variables).first;
        } catch {
          first = undefined;
        }
        items = typeof first === 'number' && first > 0 ? first : DEFAULT_FIRST;
      } else if (isListType(getNullableType(field.type)) && !parent.name.endsWith('Connection')) {
        // A connection's edges are the page its `first` already counted.
        items = PLAIN_LIST_ITEMS;
      }
      const named = getNamedType(field.type);
      const inner =
        selection.selectionSet && (isObjectType(named) || isInterfaceType(named))
          ? costOf(selection.selectionSet, named, seen)
          : 0;
      cost += items * (1 + inner);
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? costOf(operation.selectionSet, root, new Set()) : 0;
}
