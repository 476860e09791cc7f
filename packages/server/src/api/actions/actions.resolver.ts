import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { SubOrderEntity, type OrderEntity } from '../../entities/index.js';
import { withIdempotency } from '../../services/helpers/idempotency.js';
import { staffOf, type RequestContext } from '../context.js';
import { domainError } from '../../errors/domain-error.js';
import { toRefund } from '../orders/mappers.js';
import { bulkResults } from './bulk-results.js';
import { CancelOrderInput, CancelOrderPayload } from './cancel-order.types.js';
import { BulkPayload } from './intercept.types.js';
import {
  BulkReassignWarehouseInput,
  ReassignWarehouseInput,
  ReassignWarehousePayload,
} from './reassign.types.js';

/** The order a receipt names, fresh. */
export async function loadOrder(context: RequestContext, orderId: string): Promise<OrderEntity> {
  const order = await context.loaders.order.load(orderId);
  if (!order) throw new Error(`order ${orderId} vanished`);
  return order;
}

/** The input without its idempotency key: what a retry must repeat exactly. */
export function withoutKey<T extends { idempotencyKey?: string | null }>(
  input: T,
): Omit<T, 'idempotencyKey'> {
  const { idempotencyKey: _key, ...rest } = input;
  return rest;
}

/**
 * Cancels and reassignments (docs/api.md "Mutations (staff)"). Each runs at most once per idempotency key: the service's
 * answer is kept as a small receipt (ids and per-item results), and the payload is built from it, fresh, every time.
 */
@Resolver()
export class ActionsResolver {
  @Authorized('ORDER_CANCEL')
  @Mutation(() => CancelOrderPayload, {
    description: 'cancels what can still be cancelled and says why for the rest',
  })
  async cancelOrder(
    @Arg('input', () => CancelOrderInput) input: CancelOrderInput,
    @Ctx() context: RequestContext,
  ): Promise<CancelOrderPayload> {
    const staff = staffOf(context);
    const receipt = await withIdempotency(
      context.db,
      staff,
      'cancelOrder',
      input.idempotencyKey,
      withoutKey(input),
      async () => {
        const { order, results, refunds } = await context.services.cancels.cancel(
          staff,
          input,
          context.address,
        );
        return { orderId: order.id, results, refundIds: refunds.map((r) => r.id) };
      },
    );
    const order = await loadOrder(context, receipt.orderId);
    const numbers = new Map(
      (await context.loaders.subOrdersByOrder.load(order.id)).map((s) => [s.id, s.number]),
    );
    const [refunds, payments] = await Promise.all([
      context.loaders.refundsByOrder.load(order.id),
      context.loaders.paymentsByOrder.load(order.id),
    ]);
    return {
      order,
      results: receipt.results,
      refunds: refunds
        .filter((r) => receipt.refundIds.includes(r.id))
        .map((r) => toRefund(r, order.number, numbers, payments)),
    };
  }

  @Authorized('WAREHOUSE_REASSIGN')
  @Mutation(() => ReassignWarehousePayload, {
    description: 'only before PICKING; stock checked and moved atomically',
  })
  async reassignWarehouse(
    @Arg('input', () => ReassignWarehouseInput) input: ReassignWarehouseInput,
    @Ctx() context: RequestContext,
  ): Promise<ReassignWarehousePayload> {
    const staff = staffOf(context);
    const receipt = await withIdempotency(
      context.db,
      staff,
      'reassignWarehouse',
      input.idempotencyKey,
      withoutKey(input),
      async () => ({
        subOrderId: (await context.services.reassigns.reassign(staff, input, context.address)).id,
      }),
    );
    return {
      subOrder: await context.db.getRepository(SubOrderEntity).findOneByOrFail({ id: receipt.subOrderId }),
    };
  }

  @Authorized('WAREHOUSE_REASSIGN')
  @Mutation(() => BulkPayload, {
    description: 'each sub-order on its own, in a fixed lock order; results in input order',
  })
  async bulkReassignWarehouse(
    @Arg('input', () => BulkReassignWarehouseInput) input: BulkReassignWarehouseInput,
    @Ctx() context: RequestContext,
  ): Promise<BulkPayload> {
    if (input.subOrderNumbers.length > 10_000)
      throw domainError('BAD_USER_INPUT', 'subOrderNumbers: at most 10,000', { field: 'subOrderNumbers' });
    const staff = staffOf(context);
    const results = await withIdempotency(
      context.db,
      staff,
      'bulkReassignWarehouse',
      input.idempotencyKey,
      withoutKey(input),
      async () =>
        bulkResults(
          input.subOrderNumbers,
          await context.services.reassigns.reassignMany(staff, input, context.address),
        ),
    );
    return { results };
  }
}
