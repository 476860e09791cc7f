import type { RefetchQueriesInclude } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import type { PaymentMethod, RefundDeliveryState, RefundStatus, StaffAction } from '@/gql/schema';
import { enumLabel } from '@/shared/enumLabel';
import { formatMoney, type MoneyLike } from '@/shared/money';

/** A refund as its action dialogs show it: where it belongs, what it is, where it stands and why. */
export interface RefundTarget {
  readonly id: string;
  readonly orderNumber: string;
  readonly subOrderNumber: string | null;
  readonly method: PaymentMethod;
  readonly amount: MoneyLike;
  readonly status: RefundStatus;
  readonly attempt: number;
  readonly deliveryState: RefundDeliveryState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
}

/** The actions a refund offers (its `allowedActions`), each with its own dialog. */
export type RefundAction = Extract<StaffAction, 'RETRY_REFUND' | 'SETTLE_REFUND_OFFLINE'>;

/** True for the actions of a refund (the bar of a refund lists only these). */
export function isRefundAction(action: StaffAction): action is RefundAction {
  return action === 'RETRY_REFUND' || action === 'SETTLE_REFUND_OFFLINE';
}

/**
 * Why the refund needs a person, in the channel's or the delivery's own words: the channel's refusal, or, when the
 * refund never reached its channel (dead-lettered), why the last delivery got no answer.
 */
export function channelReason(refund: Pick<RefundTarget, 'deliveryState' | 'failureReason' | 'lastError'>) {
  return refund.deliveryState === 'DEAD_LETTER'
    ? (refund.lastError ?? refund.failureReason)
    : (refund.failureReason ?? refund.lastError);
}

/** The refund named for people: its instrument and amount, e.g. "支付宝 ¥69.90". */
export function refundName(t: TFunction, refund: Pick<RefundTarget, 'method' | 'amount'>) {
  return { method: enumLabel(t, 'paymentMethod', refund.method), amount: formatMoney(refund.amount) };
}

/** Where a refund's dialogs send the page after a change (the list or the order it was opened from). */
export interface RefundDialogProps {
  readonly refund: RefundTarget;
  readonly onClose: () => void;
  /** the page's queries, asked again once the change is made (or someone else changed the refund first) */
  readonly refetchQueries: RefetchQueriesInclude;
}

/** Asks the page's queries again. */
export function useRefetch(include: RefetchQueriesInclude): () => Promise<unknown> {
  const client = useApolloClient();
  return () => client.refetchQueries({ include });
}
