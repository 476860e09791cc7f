import { assertTransition, type StrandEvents, type TransitionFacts } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import {
  GiftCardUsageEntity,
  PointsUsageEntity,
  type OrderEntity,
  type RefundEntity,
} from '../../entities/index.js';
import { domainError } from '../../errors/domain-error.js';
import { countTransition } from '../../metrics/domain-counters.js';
import { recordOrderEvent, type Actor } from '../helpers/history.js';
import { refreshPaymentStatuses } from '../helpers/refunds.js';

/** A change of a refund's status by the REFUND strand, and the columns that change with it. */
export interface RefundChange {
  readonly order: Pick<OrderEntity, 'id' | 'shard'>;
  readonly refund: RefundEntity;
  readonly event: StrandEvents['REFUND'];
  readonly facts?: TransitionFacts;
  readonly actor: Actor;
  readonly reason?: string | null;
  /** The timeline entry this change writes, with its details. */
  readonly entry: {
    readonly type: string;
    readonly after?: Record<string, unknown>;
    readonly visible?: boolean;
  };
  readonly set?: Partial<
    Pick<
      RefundEntity,
      | 'attempt'
      | 'eventId'
      | 'deliveryState'
      | 'deliveryAttempts'
      | 'lastError'
      | 'channelRefundNo'
      | 'failureReason'
      | 'settledOffline'
      | 'settledAt'
    >
  >;
  /** The channel's reference, for the payment's log. */
  readonly reference?: string | null;
  readonly at: Date;
}

const COLUMNS: Readonly<Record<keyof NonNullable<RefundChange['set']>, string>> = {
  attempt: 'attempt',
  eventId: 'event_id',
  deliveryState: 'delivery_state',
  deliveryAttempts: 'delivery_attempts',
  lastError: 'last_error',
  channelRefundNo: 'channel_refund_no',
  failureReason: 'failure_reason',
  settledOffline: 'settled_offline',
  settledAt: 'settled_at',
};

/**
 * Applies an event of the REFUND strand to a refund the caller locked (after its order): the table check, a guarded
 * UPDATE that only matches while the refund is still in the state and attempt read, the payment's status brought in
 * line (REFUNDING / REFUNDED / PARTIALLY_REFUNDED, or back to what it was), a card's or points account's reversal
 * once the money is back, and the timeline entry — all in the caller's transaction. Updates `refund` in place.
 */
export async function applyRefundEvent(manager: EntityManager, change: RefundChange): Promise<void> {
  const { refund, order, at } = change;
  const row = assertTransition('REFUND', refund.status, change.event, change.facts ?? {});
  const set = Object.entries(change.set ?? {}) as [keyof typeof COLUMNS, unknown][];
  const [, affected] = (await manager.query(
    `UPDATE refunds SET status = $4${set.map(([key], i) => `, ${COLUMNS[key]} = $${i + 5}`).join('')}
     WHERE id = $1 AND status = $2 AND attempt = $3`,
    [refund.id, row.from, refund.attempt, row.to, ...set.map(([, value]) => value)],
  )) as [unknown, number];
  if (affected !== 1)
    throw domainError('VERSION_CONFLICT', `Refund ${refund.id} was changed by someone else; reload it.`);
  countTransition('REFUND', row.from, row.to);
  Object.assign(refund, { status: row.to, ...change.set });
  if (row.to === 'SUCCEEDED') await recordReversal(manager, order, refund, at);
  if (refund.paymentId)
    await refreshPaymentStatuses(manager, [refund.paymentId], at, change.reference ?? null);
  await recordOrderEvent(manager, {
    order,
    subOrderId: refund.subOrderId,
    type: change.entry.type,
    actor: change.actor,
    reason: change.reason ?? null,
    after: { refundId: refund.id, method: refund.method, amountFen: refund.amountFen, ...change.entry.after },
    customerVisible: change.entry.visible ?? false,
    at,
  });
}

/**
 * The money is back on the card or the points account: the reversing usage row, pointing at the deduction it
 * reverses, with the balance after it (the card's or account's latest recorded balance plus what came back).
 */
async function recordReversal(
  manager: EntityManager,
  order: Pick<OrderEntity, 'id' | 'shard'>,
  refund: RefundEntity,
  at: Date,
): Promise<void> {
  if (refund.method === 'GIFT_CARD' && refund.cardNumber) {
    const usages = await manager
      .getRepository(GiftCardUsageEntity)
      .find({ where: { orderId: order.id, cardNumber: refund.cardNumber }, order: { id: 'ASC' } });
    const first = usages.find((u) => u.reversalOfId === null);
    if (!first) return;
    await manager.getRepository(GiftCardUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      cardNumber: refund.cardNumber,
      amountFen: -refund.amountFen,
      balanceAfterFen: usages.at(-1)!.balanceAfterFen + refund.amountFen,
      at,
      reversalOfId: first.id,
    });
  }
  if (refund.method === 'POINTS' && refund.points) {
    const usages = await manager
      .getRepository(PointsUsageEntity)
      .find({ where: { orderId: order.id }, order: { id: 'ASC' } });
    const first = usages.find((u) => u.reversalOfId === null);
    if (!first) return;
    await manager.getRepository(PointsUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      points: -refund.points,
      valueFen: -refund.amountFen,
      balanceAfter: usages.at(-1)!.balanceAfter + refund.points,
      at,
      reversalOfId: first.id,
    });
  }
}
