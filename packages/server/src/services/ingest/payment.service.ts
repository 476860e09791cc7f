import { CASH_METHODS, type PaymentMethod, type PaymentStatus } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import type { ApiKeyPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { type OrderEntity, PaymentEntity, PaymentLogEntity } from '../../entities/index.js';
import { insertRow } from '../../database/insert-row.js';
import { inTransaction, type ServiceDeps, type Tx } from '../helpers/deps.js';
import { dispatchReady } from '../helpers/dispatch.js';
import { integrationActor, recordOrderEvent, type Actor } from '../helpers/history.js';
import { lockOrderByNumber } from '../helpers/locks.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';
import { refundOverpayment } from '../helpers/refunds.js';
import { applyOrderEvent } from '../helpers/transitions.js';
import type { ScreeningService } from '../holds/screening.service.js';
import type { SplitService } from '../split/split.service.js';

/** docs/api.md `RecordPaymentInput`. */
export interface RecordPayment {
  orderNumber: string;
  method: PaymentMethod;
  amountFen: number;
  transactionNo: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  occurredAt: Date;
}

/** Cash counts when it succeeded; cash on delivery covers the order while pending (docs/domain.md §3 COD). */
function covers(payment: PaymentEntity): boolean {
  return (
    CASH_METHODS.includes(payment.method) &&
    (payment.status === 'SUCCEEDED' || (payment.method === 'COD' && payment.status === 'PENDING'))
  );
}

/** Payments from the channels (docs/api.md recordPayment): idempotent by transaction number, logged, and settling. */
export class PaymentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly splitter: SplitService,
    private readonly screening: ScreeningService,
  ) {}

  /** Records a payment or a later status of it; when payments cover the order it is paid and split at once. */
  async record(
    client: ApiKeyPrincipal,
    input: RecordPayment,
  ): Promise<{ order: OrderEntity; payment: PaymentEntity }> {
    const number = checkOrderNumber(input.orderNumber, 'ORDER');
    if (!CASH_METHODS.includes(input.method))
      throw badInput('method', 'gift cards and points are recorded by createOrder');
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
      throw badInput('amountFen', 'must be a positive whole number of fen');
    const transactionNo = input.transactionNo.trim();
    if (!transactionNo || transactionNo.length > 64)
      throw badInput('transactionNo', 'must be 1–64 characters');
    const actor = integrationActor(client);
    return inTransaction(this.deps, async (tx) => {
      const { manager } = tx;
      const order = await lockOrderByNumber(manager, number);
      const existing = await manager.getRepository(PaymentEntity).findOne({ where: { transactionNo } });
      const wasSucceeded = existing?.status === 'SUCCEEDED';
      const payment = existing
        ? await this.update(manager, order, existing, input, actor)
        : await this.insert(manager, order, { ...input, transactionNo }, actor);
      await this.settleIfCovered(tx, order, actor);
      // Money the customer paid is recorded, never refused; what the order does not owe goes back (docs/domain.md §11).
      if (payment.status === 'SUCCEEDED' && !wasSucceeded)
        await refundOverpayment(tx, order, payment.id, actor);
      return { order, payment };
    });
  }

  /** When the order waits for payment and its payments now cover it: PAID, then split (in this transaction). */
  async settleIfCovered(tx: Tx, order: OrderEntity, actor: Actor): Promise<void> {
    if (order.status !== 'PENDING_PAYMENT') return;
    const payments = await tx.manager.getRepository(PaymentEntity).find({ where: { orderId: order.id } });
    const cash = payments.filter(covers).reduce((sum, p) => sum + p.amountFen, 0);
    if (cash < order.payableFen) return;
    await applyOrderEvent(tx, { order, event: 'PAY', facts: { paymentsCoverPayable: true }, actor });
    const subOrders = await this.splitter.split(tx, order, actor);
    // Screening runs once, after the split and before anything leaves (docs/domain.md §6.3).
    if (await this.screening.screen(tx, order)) return;
    await dispatchReady(tx, subOrders);
  }

  private async insert(
    manager: EntityManager,
    order: OrderEntity,
    input: RecordPayment,
    actor: Actor,
  ): Promise<PaymentEntity> {
    const paidAt = input.status === 'SUCCEEDED' ? input.occurredAt : null;
    const payment = await insertRow(manager, PaymentEntity, {
      orderId: order.id,
      shard: order.shard,
      method: input.method,
      amountFen: input.amountFen,
      status: input.status,
      transactionNo: input.transactionNo,
      paidAt,
      createdAt: new Date(),
    });
    await this.log(manager, order, payment, input.status, input.occurredAt, input.transactionNo);
    await recordOrderEvent(manager, {
      order,
      type: `PAYMENT_${input.status}`,
      actor,
      after: { method: input.method, amountFen: input.amountFen, transactionNo: input.transactionNo },
      at: input.occurredAt,
    });
    return payment;
  }

  /** A known transaction: the same status is a harmless repeat; PENDING may become SUCCEEDED or FAILED. */
  private async update(
    manager: EntityManager,
    order: OrderEntity,
    payment: PaymentEntity,
    input: RecordPayment,
    actor: Actor,
  ): Promise<PaymentEntity> {
    if (
      payment.orderId !== order.id ||
      payment.method !== input.method ||
      payment.amountFen !== input.amountFen
    ) {
      throw domainError(
        'IDEMPOTENCY_KEY_REUSED',
        `transactionNo ${payment.transactionNo} was recorded with another order, method or amount`,
      );
    }
    if (payment.status === input.status) return payment;
    if (payment.status !== 'PENDING') {
      throw badInput('status', `payment ${payment.transactionNo} is already ${payment.status}`);
    }
    const next: PaymentStatus = input.status;
    await manager
      .getRepository(PaymentEntity)
      .update(payment.id, { status: next, paidAt: next === 'SUCCEEDED' ? input.occurredAt : null });
    Object.assign(payment, { status: next, paidAt: next === 'SUCCEEDED' ? input.occurredAt : null });
    await this.log(manager, order, payment, next, input.occurredAt, payment.transactionNo);
    await recordOrderEvent(manager, {
      order,
      type: `PAYMENT_${next}`,
      actor,
      after: { method: payment.method, amountFen: payment.amountFen, transactionNo: payment.transactionNo },
      at: input.occurredAt,
    });
    return payment;
  }

  private async log(
    manager: EntityManager,
    order: OrderEntity,
    payment: PaymentEntity,
    status: PaymentStatus,
    at: Date,
    reference: string | null,
  ): Promise<void> {
    await manager
      .getRepository(PaymentLogEntity)
      .insert({ paymentId: payment.id, orderId: order.id, shard: order.shard, status, at, reference });
  }
}
