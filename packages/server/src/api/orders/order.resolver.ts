import {
  allowedActionsForOrder,
  customerStatusOfOrder,
  customerStatusOfSplitOrder,
  maskCustomerId,
  maskName,
  maskPhone,
  MASK,
} from '@oms/schema';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { OrderEntity, SubOrderEntity } from '../../entities/index.js';
import { amountsOf, AmountsType } from '../common/money.type.js';
import { staffOf, type RequestContext } from '../context.js';
import { InterceptionType } from './interception.type.js';
import {
  toGiftCardUsage,
  toInterception,
  toLine,
  toOrderEvent,
  toPayment,
  toPointsUsage,
  toRefund,
} from './mappers.js';
import { OrderConnection, OrderFilterInput } from './order-connection.type.js';
import { OrderEventType } from './order-event.type.js';
import { OrderLineType } from './order-line.type.js';
import {
  AllowedActionType,
  CustomerType,
  InvoiceObjectType,
  OrderObjectType,
  ReceiverType,
} from './order.type.js';
import { GiftCardUsageType, PaymentType, PointsUsageType, RefundType } from './payment.type.js';
import { SearchResultType } from './search.type.js';
import { SubOrderObjectType } from './sub-order.type.js';
import { pageSize, toConnection } from '../common/connections.js';

const DAY_MS = 86_400_000;

async function subOrderNumbers(
  order: OrderEntity,
  { loaders }: RequestContext,
): Promise<Map<string, string>> {
  const subOrders = await loaders.subOrdersByOrder.load(order.id);
  return new Map(subOrders.map((s) => [s.id, s.number]));
}

/** Orders: look-up by any key, the list, the search box, and every field of the order page. */
@Resolver(() => OrderObjectType)
export class OrderResolver {
  @Authorized('ORDER_READ')
  @Query(() => OrderObjectType, {
    nullable: true,
    description: 'a parent or sub-order number → the parent order; INVALID_ORDER_NUMBER for a typo',
  })
  async order(
    @Arg('number', () => String) number: string,
    @Ctx() { services, loaders }: RequestContext,
  ): Promise<OrderEntity | null> {
    const order = await services.lookup.findByNumber(number);
    // Sub-order fields reach their parent through the loader: hand it the row already read.
    if (order) loaders.order.prime(order.id, order);
    return order;
  }

  @Authorized('ORDER_READ')
  @Query(() => OrderConnection, { description: 'newest first, keyset-paged' })
  async orders(
    @Ctx() context: RequestContext,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter?: OrderFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<OrderConnection> {
    const { services, loaders } = context;
    const size = pageSize(first, 20);
    if (filter?.receiverPhone)
      await services.lookup.admitPhoneSearch(
        staffOf(context),
        filter.receiverPhone,
        'order list filter',
        context.address,
      );
    const page = await services.lookup.list(filter ?? {}, size, after ?? null);
    for (const node of page.nodes) loaders.order.prime(node.id, node);
    return toConnection(page, (node) => node as OrderObjectType);
  }

  @Authorized('ORDER_READ')
  @Query(() => SearchResultType, {
    description: 'the one search box: order or sub-order number, tracking number, phone',
  })
  search(
    @Arg('query', () => String) query: string,
    @Ctx() context: RequestContext,
  ): Promise<SearchResultType> {
    return context.services.lookup.search(
      query,
      staffOf(context),
      context.address,
    ) as Promise<SearchResultType>;
  }

  @FieldResolver(() => CustomerType)
  customer(@Root() order: OrderEntity): CustomerType {
    const registered = order.customerRegisteredAt;
    return {
      id: maskCustomerId(order.customerId),
      nickname: order.customerNickname,
      registeredAt: registered,
      accountAgeDays: registered
        ? Math.floor((order.createdAt.getTime() - registered.getTime()) / DAY_MS)
        : null,
    };
  }

  @FieldResolver(() => ReceiverType, { description: 'masked for every role' })
  receiver(@Root() order: OrderEntity): ReceiverType {
    return {
      name: maskName(order.receiverName),
      phone: maskPhone(order.receiverPhone),
      province: order.receiverProvince,
      city: order.receiverCity,
      district: order.receiverDistrict,
      address: MASK,
      deliveryPreference: order.deliveryPreference,
    };
  }

  @FieldResolver(() => InvoiceObjectType, { nullable: true })
  invoice(@Root() order: OrderEntity): InvoiceObjectType | null {
    return order.invoice;
  }

  @FieldResolver(() => AmountsType)
  amounts(@Root() order: OrderEntity): AmountsType {
    return amountsOf(order);
  }

  @FieldResolver(() => String, {
    description:
      'what the customer sees (待付款, 待发货, 待收货, 已完成, 已取消, 已拒收); after the split, from the sub-orders',
  })
  async customerStatus(@Root() order: OrderEntity, @Ctx() { loaders }: RequestContext): Promise<string> {
    if (order.status !== 'SPLIT') return customerStatusOfOrder(order.status);
    return customerStatusOfSplitOrder((await loaders.subOrdersByOrder.load(order.id)).map((s) => s.status));
  }

  @FieldResolver(() => [OrderLineType])
  async lines(@Root() order: OrderEntity, @Ctx() context: RequestContext): Promise<OrderLineType[]> {
    const [lines, numbers] = await Promise.all([
      context.loaders.linesByOrder.load(order.id),
      subOrderNumbers(order, context),
    ]);
    return lines.map((line) => toLine(line, numbers));
  }

  @FieldResolver(() => [SubOrderObjectType])
  subOrders(@Root() order: OrderEntity, @Ctx() { loaders }: RequestContext): Promise<SubOrderEntity[]> {
    return loaders.subOrdersByOrder.load(order.id);
  }

  @FieldResolver(() => [PaymentType])
  async payments(@Root() order: OrderEntity, @Ctx() { loaders }: RequestContext): Promise<PaymentType[]> {
    const [payments, logs] = await Promise.all([
      loaders.paymentsByOrder.load(order.id),
      loaders.paymentLogsByOrder.load(order.id),
    ]);
    return payments.map((payment) => toPayment(payment, logs));
  }

  @FieldResolver(() => [GiftCardUsageType])
  async giftCardUsages(
    @Root() order: OrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<GiftCardUsageType[]> {
    return (await loaders.giftCardUsagesByOrder.load(order.id)).map(toGiftCardUsage);
  }

  @FieldResolver(() => [PointsUsageType])
  async pointsUsages(
    @Root() order: OrderEntity,
    @Ctx() { loaders }: RequestContext,
  ): Promise<PointsUsageType[]> {
    return (await loaders.pointsUsagesByOrder.load(order.id)).map(toPointsUsage);
  }

  @FieldResolver(() => [RefundType])
  async refunds(@Root() order: OrderEntity, @Ctx() context: RequestContext): Promise<RefundType[]> {
    const [refunds, numbers, payments] = await Promise.all([
      context.loaders.refundsByOrder.load(order.id),
      subOrderNumbers(order, context),
      context.loaders.paymentsByOrder.load(order.id),
    ]);
    return refunds.map((refund) => toRefund(refund, order.number, numbers, payments));
  }

  @FieldResolver(() => [InterceptionType], {
    description: 'every hold, active or settled, on the order or its sub-orders',
  })
  async interceptions(
    @Root() order: OrderEntity,
    @Ctx() context: RequestContext,
  ): Promise<InterceptionType[]> {
    const [rows, numbers] = await Promise.all([
      context.loaders.interceptionsByOrder.load(order.id),
      subOrderNumbers(order, context),
    ]);
    return rows.map((row) => toInterception(row, order.number, numbers));
  }

  @FieldResolver(() => [OrderEventType], {
    description: 'every change to the order and everything under it, oldest first',
  })
  async timeline(@Root() order: OrderEntity, @Ctx() context: RequestContext): Promise<OrderEventType[]> {
    const [events, numbers] = await Promise.all([
      context.loaders.eventsByOrder.load(order.id),
      subOrderNumbers(order, context),
    ]);
    return events.map((event) => toOrderEvent(event, numbers));
  }

  @FieldResolver(() => [AllowedActionType], {
    description: "what the caller's role may do now, from the transition table",
  })
  async allowedActions(
    @Root() order: OrderEntity,
    @Ctx() context: RequestContext,
  ): Promise<AllowedActionType[]> {
    const staff = staffOf(context);
    const [subOrders, interceptions] = await Promise.all([
      context.loaders.subOrdersByOrder.load(order.id),
      context.loaders.interceptionsByOrder.load(order.id),
    ]);
    const heldItself = interceptions.some((i) => i.status === 'ACTIVE' && i.subOrderId === null);
    return allowedActionsForOrder(staff.role, {
      status: order.status,
      held: heldItself,
      subOrders: subOrders.map((s) => ({
        status: s.status,
        held: s.held,
        cancelRequested: s.cancelRequestedAt !== null,
        dispatchState: s.dispatchState,
      })),
    });
  }
}
