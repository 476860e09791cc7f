import type { EntityManager } from 'typeorm';
import type { ApiKeyPrincipal } from '../../auth/principal.js';
import { domainError } from '../../errors/domain-error.js';
import type { CreateOrderRequest } from './order-request.js';
import {
  GiftCardUsageEntity,
  OrderEntity,
  OrderLineEntity,
  PaymentEntity,
  PaymentLogEntity,
  PointsUsageEntity,
} from '../../entities/index.js';
import { receiverIndexes } from '../../privacy/personal-data-columns.js';
import { insertRow } from '../../database/insert-row.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { integrationActor, recordOrderEvent, type Actor } from '../helpers/history.js';
import type { OrderNumbers } from '../numbers/order-numbers.js';
import { draftOrder, type OrderDraft } from './order-draft.js';
import { requestHash } from './request-hash.js';
import type { PaymentService } from './payment.service.js';

/** Orders arriving from storefronts (docs/api.md createOrder): validated, idempotent by source + externalId. */
export class OrderIntakeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly numbers: OrderNumbers,
    private readonly payments: PaymentService,
  ) {}

  /** Creates the order, or returns the one an identical earlier call created; IDEMPOTENCY_KEY_REUSED otherwise. */
  async create(
    client: ApiKeyPrincipal,
    input: CreateOrderRequest,
  ): Promise<{ order: OrderEntity; created: boolean }> {
    const draft = draftOrder(input);
    const hash = requestHash(input);
    const earlier = await this.findEarlier(this.deps.db.manager, input, hash);
    if (earlier) return { order: earlier, created: false };
    const number = await this.numbers.order(draft.type, draft.shard);
    return inTransaction(this.deps, async (tx) => {
      const { manager } = tx;
      // Two identical calls at once: the loser of the unique (source, external_id) insert waits here and
      // then finds the winner's order.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `intake:${input.source}:${input.externalId}`,
      ]);
      const raced = await this.findEarlier(manager, input, hash);
      if (raced) return { order: raced, created: false };
      const created = await this.insert(manager, draft, number, hash, integrationActor(client));
      await this.payments.settleIfCovered(tx, created, integrationActor(client));
      return { order: created, created: true };
    });
  }

  private async findEarlier(
    manager: EntityManager,
    input: CreateOrderRequest,
    hash: string,
  ): Promise<OrderEntity | null> {
    const earlier = await manager
      .getRepository(OrderEntity)
      .findOne({ where: { source: input.source, externalId: input.externalId.trim() } });
    if (earlier && earlier.requestHash !== hash) {
      throw domainError(
        'IDEMPOTENCY_KEY_REUSED',
        // Not naming the order: a key that did not create it must not learn its number (docs/api.md "What a key reads").
        `source ${input.source} + externalId ${input.externalId} was used before with other input`,
      );
    }
    return earlier;
  }

  private async insert(
    manager: EntityManager,
    draft: OrderDraft,
    number: string,
    hash: string,
    actor: Actor,
  ): Promise<OrderEntity> {
    const { input, amounts } = draft;
    const now = new Date();
    const order = await insertRow(manager, OrderEntity, {
      number,
      shard: draft.shard,
      source: input.source,
      externalId: input.externalId.trim(),
      requestHash: hash,
      type: draft.type,
      channel: input.channel ?? null,
      status: 'PENDING_PAYMENT',
      ownerId:
        input.source === 'THIRD_PARTY'
          ? (draft.lines.find((l) => l.merchantId)?.merchantId ?? 'RETAILER')
          : 'RETAILER',
      customerId: input.customer.id.trim(),
      customerNickname: input.customer.nickname ?? null,
      customerRegisteredAt: input.customer.registeredAt ?? null,
      receiverName: input.receiver.name.trim(),
      receiverPhone: draft.phone,
      receiverProvince: input.receiver.province.trim(),
      receiverCity: input.receiver.city.trim(),
      receiverDistrict: input.receiver.district.trim(),
      receiverAddress: input.receiver.address.trim(),
      ...receiverIndexes({ ...input.receiver, phone: draft.phone }),
      deliveryPreference: input.receiver.deliveryPreference ?? null,
      invoice: input.invoice
        ? { type: input.invoice.type, title: input.invoice.title, taxId: input.invoice.taxId ?? null }
        : null,
      remark: input.remark ?? null,
      promotions: (input.promotions ?? []).map((p) => ({
        id: p.id,
        thresholdFen: p.thresholdFen ?? null,
        discountFen: p.discountFen,
      })),
      goodsFen: amounts.goods,
      freightFen: amounts.freight,
      couponDiscountFen: amounts.couponDiscount,
      promotionDiscountFen: amounts.promotionDiscount,
      giftCardFen: amounts.giftCard,
      pointsFen: amounts.points,
      payableFen: amounts.payable,
      held: false,
      createdAt: now,
      updatedAt: now,
    });
    await manager.getRepository(OrderLineEntity).insert(
      draft.lines.map((line, i) => {
        const allocation = draft.allocations[i]!;
        return {
          orderId: order.id,
          subOrderId: null,
          shard: order.shard,
          lineNo: i + 1,
          lineRef: line.lineRef,
          sku: line.sku.trim(),
          title: line.title.trim(),
          imageUrl: line.imageUrl ?? null,
          quantity: line.quantity,
          listPriceFen: line.listPriceFen ?? line.salePriceFen,
          salePriceFen: line.salePriceFen,
          lineAmountFen: allocation.lineAmount,
          attributes: [...(line.attributes ?? [])],
          merchantId: line.merchantId ?? null,
          promotionIds: [...(line.promotionIds ?? [])],
          giftFor: line.giftFor ?? null,
          splitGroup: line.splitGroup ?? null,
          allocFreightFen: allocation.freight,
          allocCouponFen: allocation.couponDiscount,
          allocPromotionFen: allocation.promotionDiscount,
          allocGiftCardFen: allocation.giftCard,
          allocGiftCards: [...allocation.giftCards],
          allocPointsFen: allocation.points,
          allocCashFen: allocation.cash,
        };
      }),
    );
    await this.recordStoredValue(manager, order, draft, now);
    await recordOrderEvent(manager, {
      order,
      type: 'ORDER_CREATED',
      actor,
      after: { status: 'PENDING_PAYMENT' },
      customerVisible: true,
      at: now,
    });
    return order;
  }

  /** Gift cards and points are payments that succeed at once (docs/api.md), with their usage rows. */
  private async recordStoredValue(
    manager: EntityManager,
    order: OrderEntity,
    draft: OrderDraft,
    at: Date,
  ): Promise<void> {
    const payments = manager.getRepository(PaymentEntity);
    const record = async (method: 'GIFT_CARD' | 'POINTS', amountFen: number, reference: string) => {
      const { identifiers } = await payments.insert({
        orderId: order.id,
        shard: order.shard,
        method,
        amountFen,
        status: 'SUCCEEDED',
        transactionNo: null,
        paidAt: at,
        createdAt: at,
      });
      await manager.getRepository(PaymentLogEntity).insert({
        paymentId: String(identifiers[0]!.id),
        orderId: order.id,
        shard: order.shard,
        status: 'SUCCEEDED',
        at,
        reference,
      });
    };
    for (const card of draft.input.giftCards ?? []) {
      if (card.amountFen === 0) continue;
      await manager.getRepository(GiftCardUsageEntity).insert({
        orderId: order.id,
        shard: order.shard,
        cardNumber: card.cardNumber.trim(),
        amountFen: card.amountFen,
        balanceAfterFen: card.balanceAfterFen,
        at,
        reversalOfId: null,
      });
      await record('GIFT_CARD', card.amountFen, `gift card ${card.cardNumber.slice(-4)}`);
    }
    const points = draft.input.points;
    if (points && points.valueFen > 0) {
      await manager.getRepository(PointsUsageEntity).insert({
        orderId: order.id,
        shard: order.shard,
        points: points.points,
        valueFen: points.valueFen,
        balanceAfter: points.balanceAfter,
        at,
        reversalOfId: null,
      });
      await record('POINTS', points.valueFen, `${points.points} points`);
    }
  }
}
