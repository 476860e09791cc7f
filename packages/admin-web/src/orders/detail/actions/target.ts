import { useApolloClient } from '@apollo/client/react';
import type { InterceptionRule, StaffAction } from '@/gql/schema';
import { OrderDetailPageDocument } from '@/gql/graphql';
import type { OfferedAction } from '@/shared/ActionBar';
import type { MoneyLike } from '@/shared/money';
import type { MovingLine } from '@/warehouses/reroute/stockCheck';

/** The server's amounts of what a cancel refunds, per instrument. */
export interface RefundableAmounts {
  readonly payable: MoneyLike;
  readonly giftCard: MoneyLike;
  readonly points: MoneyLike;
}

/** A sub-order a cancel concerns (or the unsplit order, `number` null), and whether the server allows it. */
export interface CancelTarget {
  readonly number: string | null;
  readonly amounts: RefundableAmounts;
  readonly cancel: OfferedAction | null;
}

/** An active hold the release dialog offers to lift. */
export interface ActiveInterception {
  readonly id: string;
  readonly rule: InterceptionRule;
  readonly reason: string;
  readonly raisedAt: string;
  readonly subOrderNumber: string | null;
}

/**
 * What an action is done to, as the page shows it now: the order or one sub-order, with the version the change
 * must name (`expectedVersion`) and what each dialog shows before confirming.
 */
export interface ActionTarget {
  readonly kind: 'order' | 'subOrder';
  /** the number the mutation names: the order's or the sub-order's */
  readonly number: string;
  /** the parent order (notes live on it) */
  readonly orderNumber: string;
  readonly version: number;
  readonly activeInterceptions: readonly ActiveInterception[];
  readonly cancelTargets: readonly CancelTarget[];
  /** sub-orders only: where it is and its lines, for the warehouse picker */
  readonly move?: { readonly warehouseCode: string | null; readonly lines: readonly MovingLine[] };
  /** sub-orders only: the warehouse's last delivery error while the dispatch retries or is dead-lettered */
  readonly dispatchError?: string | null;
}

/**
 * The actions on an order or sub-order that open a dialog here (reveal lives with the receiver; a refund's own actions
 * open the refunds' dialogs).
 */
export type DialogAction = Exclude<StaffAction, 'REVEAL' | 'RETRY_REFUND' | 'SETTLE_REFUND_OFFLINE'>;

/** Loads the order page again (after a change, or when someone else changed the order first). */
export function useRefetchOrderPage(): () => Promise<unknown> {
  const client = useApolloClient();
  return () => client.refetchQueries({ include: [OrderDetailPageDocument] });
}
