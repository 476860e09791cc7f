import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { staffOf, type RequestContext } from '../context.js';
import { toRefund } from '../orders/mappers.js';
import { CancelOrderInput, CancelOrderPayload } from './cancel-order.types.js';

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
}
