import { allowedActionsForRefund } from '@oms/schema';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PaymentChannelEntity, RefundEntity } from '../../entities/index.js';
import { badInput } from '../../errors/domain-error.js';
import { withIdempotency } from '../../services/helpers/idempotency.js';
import { loadOrder, withoutKey } from '../actions/actions.resolver.js';
import { runBulk } from '../actions/bulk.js';
import { BulkPayload } from '../actions/intercept.types.js';
import { pageSize, toConnection } from '../common/connections.js';
import { staffOf, type RequestContext } from '../context.js';
import { toRefund } from '../orders/mappers.js';
import { AllowedActionType } from '../orders/order.type.js';
import { RefundType } from '../orders/payment.type.js';
import {
  BulkRetryRefundsInput,
  PaymentChannelType,
  RefundConnection,
  RefundPayload,
  RetryRefundInput,
  SettleRefundOfflineInput,
  UpsertPaymentChannelInput,
} from './refund.types.js';

const MAX_BULK = 1_000;

/** A refund as the API shows it, with its order's and sub-order's numbers and the payment it draws on. */
async function shown(context: RequestContext, refund: RefundEntity): Promise<RefundType> {
  const [order, subOrders, payments] = await Promise.all([
    loadOrder(context, refund.orderId),
    context.loaders.subOrdersByOrder.load(refund.orderId),
    context.loaders.paymentsByOrder.load(refund.orderId),
  ]);
  return toRefund(refund, order.number, new Map(subOrders.map((s) => [s.id, s.number])), payments);
}

function shownChannel(channel: PaymentChannelEntity): PaymentChannelType {
  return {
    channel: channel.method,
    endpointUrl: channel.endpointUrl,
    hasSecret: !!channel.secret,
    updatedAt: channel.updatedBy ? channel.updatedAt : null,
    updatedBy: channel.updatedBy,
  };
}

/** Refunds that need a person, and what ops and managers do about them (docs/api.md Contract details "Refunds"). */
@Resolver(() => RefundType)
export class RefundsResolver {
  @FieldResolver(() => [AllowedActionType], {
    description: "what the caller's role may do with the refund now, from the REFUND strand of the table",
  })
  allowedActions(@Root() refund: RefundType, @Ctx() context: RequestContext): AllowedActionType[] {
    return allowedActionsForRefund(staffOf(context).role, {
      status: refund.status,
      deliveryDeadLettered: refund.deliveryState === 'DEAD_LETTER',
    });
  }

  @Authorized('DELIVERY_RETRY')
  @Query(() => RefundConnection, {
    description: 'failed refunds and refunds whose delivery was dead-lettered, newest first',
  })
  async failedRefunds(
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<RefundConnection> {
    const page = await context.services.refunds.needingAttention(pageSize(first, 50), after ?? null);
    const nodes = await Promise.all(page.nodes.map((refund) => shown(context, refund)));
    return toConnection({ ...page, nodes });
  }

  @Authorized('DELIVERY_RETRY')
  @Mutation(() => RefundPayload, {
    description: 'sends a failed refund again as its next attempt (or a dead-lettered one afresh); audited',
  })
  async retryRefund(
    @Arg('input', () => RetryRefundInput) input: RetryRefundInput,
    @Ctx() context: RequestContext,
  ): Promise<RefundPayload> {
    return this.onOneRefund(context, 'retryRefund', input, (staff) =>
      context.services.refunds.retry(staff, input, context.address),
    );
  }

  @Authorized('DELIVERY_RETRY')
  @Mutation(() => BulkPayload, { description: 'each refund on its own, in id order; results in input order' })
  async bulkRetryRefunds(
    @Arg('input', () => BulkRetryRefundsInput) input: BulkRetryRefundsInput,
    @Ctx() context: RequestContext,
  ): Promise<BulkPayload> {
    if (input.refundIds.length > MAX_BULK) throw badInput('refundIds', `at most ${MAX_BULK}`);
    const staff = staffOf(context);
    const results = await withIdempotency(
      context.db,
      staff,
      'bulkRetryRefunds',
      input.idempotencyKey,
      withoutKey(input),
      () =>
        runBulk(
          input.refundIds,
          (id) => id,
          (id) =>
            context.services.refunds.retry(staff, { refundId: id, reason: input.reason }, context.address),
        ),
    );
    return { results };
  }

  @Authorized('REFUND_SETTLE_OFFLINE')
  @Mutation(() => RefundPayload, {
    description:
      "settles a refund paid back outside its channel, with the bank transfer's reference; audited",
  })
  async settleRefundOffline(
    @Arg('input', () => SettleRefundOfflineInput) input: SettleRefundOfflineInput,
    @Ctx() context: RequestContext,
  ): Promise<RefundPayload> {
    return this.onOneRefund(context, 'settleRefundOffline', input, (staff) =>
      context.services.refunds.settleOffline(staff, input, context.address),
    );
  }

  @Authorized('ADMINISTER')
  @Query(() => [PaymentChannelType], { description: 'where each payment method’s refunds go' })
  async paymentChannels(@Ctx() { services }: RequestContext): Promise<PaymentChannelType[]> {
    return (await services.refunds.channels()).map(shownChannel);
  }

  @Authorized('ADMINISTER')
  @Mutation(() => PaymentChannelType, { description: 'sets a refund channel’s endpoint and secret; audited' })
  async upsertPaymentChannel(
    @Arg('input', () => UpsertPaymentChannelInput) input: UpsertPaymentChannelInput,
    @Ctx() context: RequestContext,
  ): Promise<PaymentChannelType> {
    return shownChannel(
      await context.services.refunds.upsertChannel(staffOf(context), input, context.address),
    );
  }

  /** A staff change of one refund, idempotent by key; answered with the refund and its order as they are now. */
  private async onOneRefund(
    context: RequestContext,
    operation: string,
    input: { readonly idempotencyKey?: string | null },
    change: (staff: ReturnType<typeof staffOf>) => Promise<{ id: string }>,
  ): Promise<RefundPayload> {
    const staff = staffOf(context);
    const receipt = await withIdempotency(
      context.db,
      staff,
      operation,
      input.idempotencyKey,
      withoutKey(input),
      async () => ({ refundId: (await change(staff)).id }),
    );
    const refund = await context.services.refunds.byId(receipt.refundId);
    return { refund: await shown(context, refund), order: await loadOrder(context, refund.orderId) };
  }
}
