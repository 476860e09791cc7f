import type { FragmentType, TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Kind } from 'graphql';

/** The component's own fragment of a generated document: the first definition (the ones it spreads follow). */
function ownFragmentName(document: TypedDocumentNode<unknown>): string | undefined {
  const first = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return first?.kind === Kind.FRAGMENT_DEFINITION ? first.name.value : undefined;
}

/**
 * A component's own fragment data, read from the cache (data masking: the page query only hands down a
 * reference). Null until the fragment is complete, which happens only if the page query did not spread it.
 */
export function useFragmentData<TData>(
  fragment: TypedDocumentNode<TData>,
  from: FragmentType<NoInfer<TData>>,
): TData | null {
  const fragmentName = ownFragmentName(fragment as TypedDocumentNode<unknown>);
  const result = useFragment({ fragment, from, ...(fragmentName ? { fragmentName } : {}) });
  return result.complete ? (result.data as TData) : null;
}

/**
 * The same for a list a component reads as a whole (a table's rows, for selecting them all): one subscription for
 * every reference, null until all of them are complete.
 */
export function useFragmentList<TData>(
  fragment: TypedDocumentNode<TData>,
  from: readonly FragmentType<NoInfer<TData>>[],
): readonly TData[] | null {
  const fragmentName = ownFragmentName(fragment as TypedDocumentNode<unknown>);
  const result = useFragment({ fragment, from: [...from], ...(fragmentName ? { fragmentName } : {}) });
  return result.complete ? (result.data as TData[]) : null;
}
