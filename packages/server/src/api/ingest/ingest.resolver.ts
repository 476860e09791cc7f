import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { OrderEntity, PaymentEntity } from '../../entities/index.js';
import { domainError } from '../../errors/domain-error.js';
import type { RequestContext } from '../context.js';
import { OrderObjectType } from '../orders/order.type.js';
import { PaymentType } from '../orders/payment.type.js';
import { toPayment } from '../orders/mappers.js';
import { CreateOrderInput } from './create-order.input.js';
import { RecordPaymentInput } from './record-payment.input.js';

@ObjectType('CreateOrderPayload')
export class CreateOrderPayload {
  @Field(() => OrderObjectType) order: OrderEntity;
  @Field(() => Boolean, { description: 'false when an identical earlier call already created it' })
  created: boolean;
}

@ObjectType('RecordPaymentPayload')
export class RecordPaymentPayload {
  @Field(() => OrderObjectType) order: OrderEntity;
  @Field(() => PaymentType) payment: PaymentType;
}

function integrationClient({ principal }: RequestContext) {
  if (principal?.kind !== 'apiKey') throw domainError('FORBIDDEN', 'Integration operations take an API key.');
  return principal;
}

/** Storefronts and payment channels (API keys with scopes, docs/api.md "Integration clients"). */
@Resolver()
export class IngestResolver {
  @Authorized('scope:orders:create')
  @Mutation(() => CreateOrderPayload, { description: 'idempotent by source + externalId' })
  createOrder(
    @Arg('input', () => CreateOrderInput) input: CreateOrderInput,
    @Ctx() context: RequestContext,
  ): Promise<CreateOrderPayload> {
    return context.services.intake.create(integrationClient(context), input);
  }

  @Authorized('scope:payments:record')
  @Mutation(() => RecordPaymentPayload, {
    description: 'idempotent by transactionNo; a later status is a payment-log entry',
  })
  async recordPayment(
    @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput,
    @Ctx() context: RequestContext,
  ): Promise<RecordPaymentPayload> {
    const { order, payment } = await context.services.payments.record(integrationClient(context), input);
    const logs = await context.loaders.paymentLogsByOrder.load(order.id);
    return { order, payment: toPayment(payment as PaymentEntity, logs) };
  }
}
