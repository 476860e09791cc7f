import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { runBulk } from './bulk.js';
import { loadOrder, withoutKey } from './actions.resolver.js';
import { withIdempotency } from '../../services/helpers/idempotency.js';
import { staffOf, type RequestContext } from '../context.js';
import { domainError } from '../../errors/domain-error.js';
import { toInterception } from '../orders/mappers.js';
import {
  AddOrderNoteInput,
  AddOrderNotePayload,
  BulkDecideInterceptionsInput,
  BulkPayload,
  InterceptOrderInput,
  InterceptOrderPayload,
  InterceptionConnection,
  InterceptionFilterInput,
  ReleaseInterceptionInput,
  ReleaseInterceptionPayload,
} from './intercept.types.js';
import { pageSize, toConnection } from '../common/connections.js';

const MAX_BULK = 10_000;

/** Holds, the managers' queue and notes (docs/api.md "Mutations (staff)", `interceptions`). */
@Resolver()
export class HoldsResolver {
  @Authorized('ORDER_INTERCEPT')
  @Mutation(() => InterceptOrderPayload, {
    description: 'holds what is not shipped yet; asks warehouses and carriers for the rest',
  })
  async interceptOrder(
    @Arg('input', () => InterceptOrderInput) input: InterceptOrderInput,
    @Ctx() context: RequestContext,
  ): Promise<InterceptOrderPayload> {
    const staff = staffOf(context);
    const receipt = await withIdempotency(
      context.db,
      staff,
      'interceptOrder',
      input.idempotencyKey,
      withoutKey(input),
      async () => {
        const { order, results } = await context.services.intercepts.intercept(staff, input, context.address);
        return { orderId: order.id, results };
      },
    );
    return { order: await loadOrder(context, receipt.orderId), results: receipt.results };
  }

  @Authorized('INTERCEPTION_DECIDE')
  @Mutation(() => ReleaseInterceptionPayload)
  async releaseInterception(
    @Arg('input', () => ReleaseInterceptionInput) input: ReleaseInterceptionInput,
    @Ctx() context: RequestContext,
  ): Promise<ReleaseInterceptionPayload> {
    const staff = staffOf(context);
    const receipt = await withIdempotency(
      context.db,
      staff,
      'releaseInterception',
      input.idempotencyKey,
      withoutKey(input),
      async () => {
        const { order, interception } = await context.services.intercepts.decide(
          staff,
          input.interceptionId,
          'RELEASE',
          input.reason,
          context.address,
        );
        return { orderId: order.id, interceptionId: interception.id };
      },
    );
    const order = await loadOrder(context, receipt.orderId);
    const numbers = new Map(
      (await context.loaders.subOrdersByOrder.load(order.id)).map((s) => [s.id, s.number]),
    );
    const interception = (await context.loaders.interceptionsByOrder.load(order.id)).find(
      (i) => i.id === receipt.interceptionId,
    )!;
    return { order, interception: toInterception(interception, order.number, numbers) };
  }

  @Authorized('INTERCEPTION_DECIDE')
  @Mutation(() => BulkPayload, {
    description: 'each item on its own, in a fixed lock order; results in input order',
  })
  async bulkDecideInterceptions(
    @Arg('input', () => BulkDecideInterceptionsInput) input: BulkDecideInterceptionsInput,
    @Ctx() context: RequestContext,
  ): Promise<BulkPayload> {
    if (input.interceptionIds.length > MAX_BULK)
      throw domainError('BAD_USER_INPUT', `interceptionIds: at most ${MAX_BULK}`, {
        field: 'interceptionIds',
      });
    const staff = staffOf(context);
    // Interception ids are numbers: ascending by value is ascending by (length, text).
    const results = await withIdempotency(
      context.db,
      staff,
      'bulkDecideInterceptions',
      input.idempotencyKey,
      withoutKey(input),
      () =>
        runBulk(
          input.interceptionIds,
          (id) => id,
          (id) =>
            context.services.intercepts.decide(staff, id, input.decision, input.reason, context.address),
        ),
    );
    return { results };
  }

  @Authorized('INTERCEPTION_QUEUE_READ')
  @Query(() => InterceptionConnection, { description: 'the interception queue, oldest first' })
  async interceptions(
    @Ctx() { services }: RequestContext,
    @Arg('filter', () => InterceptionFilterInput, { nullable: true }) filter?: InterceptionFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<InterceptionConnection> {
    const page = await services.interceptionQueue.page(filter ?? {}, pageSize(first, 50), after ?? null);
    return toConnection(page, (row) =>
      toInterception(row, page.orderNumbers.get(row.orderId) ?? '', page.subOrderNumbers),
    );
  }

  @Authorized('ORDER_NOTE')
  @Mutation(() => AddOrderNotePayload, { description: 'a note on the timeline; the text is its reason' })
  async addOrderNote(
    @Arg('input', () => AddOrderNoteInput) input: AddOrderNoteInput,
    @Ctx() context: RequestContext,
  ): Promise<AddOrderNotePayload> {
    const order = await context.services.notes.add(
      staffOf(context),
      input.orderNumber,
      input.text,
      input.customerVisible ?? false,
      context.address,
    );
    return { order };
  }
}
