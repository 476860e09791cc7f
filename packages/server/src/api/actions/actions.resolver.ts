import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { staffOf, type RequestContext } from '../context.js';
import { toRefund } from '../orders/mappers.js';
import { CancelOrderInput, CancelOrderPayload } from './cancel-order.types.js';
import { BulkPayload } from './intercept.types.js';
import {
  BulkReassignWarehouseInput,
  ReassignWarehouseInput,
  ReassignWarehousePayload,
} from './reassign.types.js';
import { apiError } from '../errors.js';
import { runBulk } from './bulk.js';

/** What staff do to orders (api.md "Mutations (staff)"). */
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
    const { order, results, refunds } = await context.services.cancels.cancel(
      staffOf(context),
      input,
      context.address,
    );
    const numbers = new Map(
      (await context.loaders.subOrdersByOrder.load(order.id)).map((s) => [s.id, s.number]),
    );
    return { order, results, refunds: refunds.map((r) => toRefund(r, numbers)) };
  }

  @Authorized('WAREHOUSE_REASSIGN')
  @Mutation(() => ReassignWarehousePayload, {
    description: 'only before PICKING; stock checked and moved atomically',
  })
  async reassignWarehouse(
    @Arg('input', () => ReassignWarehouseInput) input: ReassignWarehouseInput,
    @Ctx() context: RequestContext,
  ): Promise<ReassignWarehousePayload> {
    return { subOrder: await context.services.reassigns.reassign(staffOf(context), input, context.address) };
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
      throw apiError('BAD_USER_INPUT', 'subOrderNumbers: at most 10,000', { field: 'subOrderNumbers' });
    const staff = staffOf(context);
    const results = await runBulk(
      input.subOrderNumbers,
      (number) => number,
      (number) =>
        context.services.reassigns.reassign(
          staff,
          { subOrderNumber: number, warehouseCode: input.warehouseCode, reason: input.reason },
          context.address,
        ),
    );
    return { results };
  }
}
