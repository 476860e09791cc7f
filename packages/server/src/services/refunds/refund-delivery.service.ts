import { countDeadLetter } from '../../metrics/domain-counters.js';
import {
  OrderEntity,
  PaymentChannelEntity,
  PaymentEntity,
  RefundEntity,
  SubOrderEntity,
} from '../../entities/index.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordOrderEvent, type Actor } from '../helpers/history.js';

const REFUNDER: Actor = { type: 'SYSTEM', id: 'refund-gateway' };

/** The message a channel receives for one attempt of a refund (docs/api.md "Refunds, outbound"). */
export interface RefundMessage {
  readonly type: 'REFUND';
  readonly eventId: string;
  readonly refundId: string;
  readonly attempt: number;
  readonly orderNumber: string;
  readonly subOrderNumber?: string;
  readonly method: RefundEntity['method'];
  readonly amountFen: number;
  readonly transactionNo: string | null;
  readonly cardNumber?: string;
  readonly customerId?: string;
  readonly points?: number;
  readonly reason: string;
  readonly occurredAt: string;
}

/** A refund attempt ready to go: the message and where to send it (null endpoint: nowhere yet). */
export interface RefundDelivery {
  readonly refund: RefundEntity;
  readonly message: RefundMessage;
  readonly channel: Pick<PaymentChannelEntity, 'endpointUrl' | 'secret'> | null;
}

/**
 * What becomes of a refund's attempt once the worker has tried to hand it to its channel (jobs/deliver-refund.ts does
 * the HTTP): taken (a 2xx, which only means received: the answer settles it), or not (retried with back-off, the
 * last try dead-lettered, visibly, for ops to send again or settle offline).
 */
export class RefundDeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The attempt to deliver, or null when there is nothing to send any more (answered, retried since, given up). */
  async prepare(refundId: string, attempt: number): Promise<RefundDelivery | null> {
    const { db } = this.deps;
    const refund = await db.getRepository(RefundEntity).findOneBy({ id: refundId });
    if (
      !refund ||
      refund.status !== 'PENDING' ||
      refund.attempt !== attempt ||
      refund.deliveryState === 'DEAD_LETTER'
    )
      return null;
    const order = await db.getRepository(OrderEntity).findOneByOrFail({ id: refund.orderId });
    const payment = refund.paymentId
      ? await db.getRepository(PaymentEntity).findOneBy({ id: refund.paymentId })
      : null;
    const subOrder = refund.subOrderId
      ? await db
          .getRepository(SubOrderEntity)
          .findOne({ where: { id: refund.subOrderId }, select: { number: true } })
      : null;
    const channel = await db.getRepository(PaymentChannelEntity).findOneBy({ method: refund.method });
    return {
      refund,
      channel,
      message: {
        type: 'REFUND',
        eventId: refund.eventId,
        refundId: refund.id,
        attempt: refund.attempt,
        orderNumber: order.number,
        ...(subOrder ? { subOrderNumber: subOrder.number } : {}),
        method: refund.method,
        amountFen: refund.amountFen,
        transactionNo: payment?.transactionNo ?? null,
        ...(refund.cardNumber ? { cardNumber: refund.cardNumber } : {}),
        ...(refund.method === 'POINTS' ? { customerId: order.customerId, points: refund.points ?? 0 } : {}),
        reason: refund.reason,
        occurredAt: refund.createdAt.toISOString(),
      },
    };
  }

  /** The channel took the attempt (2xx); its answer comes by webhook. */
  async sent(refund: RefundEntity): Promise<void> {
    await this.deps.db.query(
      `UPDATE refunds SET delivery_state = 'SENT', last_error = NULL
       WHERE id = $1 AND attempt = $2 AND delivery_state = 'PENDING'`,
      [refund.id, refund.attempt],
    );
  }

  /** A try got no 2xx; `last` gives up on this attempt (dead letter, on the order's timeline, in ops' list). */
  async failed(refund: RefundEntity, reason: string, last: boolean): Promise<void> {
    await inTransaction(this.deps, async ({ manager }) => {
      const [, affected] = (await manager.query(
        `UPDATE refunds SET delivery_attempts = delivery_attempts + 1, last_error = $3,
           delivery_state = CASE WHEN $4 THEN 'DEAD_LETTER' ELSE delivery_state END
         WHERE id = $1 AND attempt = $2 AND status = 'PENDING' AND delivery_state = 'PENDING'`,
        [refund.id, refund.attempt, reason.slice(0, 500), last],
      )) as [unknown, number];
      if (!last || affected !== 1) return;
      countDeadLetter();
      const order = await manager.getRepository(OrderEntity).findOneByOrFail({ id: refund.orderId });
      await recordOrderEvent(manager, {
        order,
        subOrderId: refund.subOrderId,
        type: 'REFUND_DEAD_LETTERED',
        actor: REFUNDER,
        reason,
        after: {
          refundId: refund.id,
          method: refund.method,
          amountFen: refund.amountFen,
          attempt: refund.attempt,
        },
      });
    });
  }
}
