import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubOrderEntity } from '../../entities/index.js';
import { staffOf, type RequestContext } from '../context.js';
import { SubOrderObjectType } from '../orders/sub-order.type.js';

/** Re-driving dead-lettered dispatches (docs/reliability.md fault rows): ops and up, like failed refunds. */
@Resolver()
export class RedriveResolver {
  @Authorized('DELIVERY_RETRY')
  @Mutation(() => SubOrderObjectType, {
    description:
      "re-queues the sub-order's dead-lettered warehouse messages in seq order, with a fresh attempt budget; audited",
  })
  redriveDispatch(
    @Arg('subOrderNumber', () => String) subOrderNumber: string,
    @Ctx() context: RequestContext,
  ): Promise<SubOrderEntity> {
    return context.services.redrives.redrive(staffOf(context), subOrderNumber, context.address);
  }
}
