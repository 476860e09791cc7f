import type { PaymentMethod } from '@oms/schema';
import { Field, InputType, ObjectType } from 'type-graphql';
import type { OrderEntity } from '../../entities/index.js';
import type { PaymentChannelRequest, RefundRequest } from '../../services/refunds/refunds.service.js';
import { DateTime } from '../common/scalars.js';
import { PaymentMethodEnum } from '../enums.js';
import { PageInfo } from '../orders/order-connection.type.js';
import { RefundType } from '../orders/payment.type.js';
import { OrderObjectType } from '../orders/order.type.js';

@InputType('RetryRefundInput')
export class RetryRefundInput implements RefundRequest {
  @Field(() => String) refundId: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType('BulkRetryRefundsInput')
export class BulkRetryRefundsInput {
  @Field(() => [String]) refundIds: string[];
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType('SettleRefundOfflineInput')
export class SettleRefundOfflineInput implements RefundRequest {
  @Field(() => String) refundId: string;
  @Field(() => String, { description: "the bank transfer's reference" }) reference: string;
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@ObjectType('RefundPayload')
export class RefundPayload {
  @Field(() => RefundType) refund: RefundType;
  @Field(() => OrderObjectType) order: OrderEntity;
}

@ObjectType('RefundEdge')
export class RefundEdge {
  @Field(() => String) cursor: string;
  @Field(() => RefundType) node: RefundType;
}

@ObjectType('RefundConnection')
export class RefundConnection {
  @Field(() => [RefundEdge]) edges: RefundEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType('UpsertPaymentChannelInput')
export class UpsertPaymentChannelInput implements PaymentChannelRequest {
  @Field(() => PaymentMethodEnum) channel: PaymentMethod;
  @Field(() => String) endpointUrl: string;
  @Field(() => String, { nullable: true, description: 'kept as it is when left out' }) secret?: string | null;
}

/** Where one payment method's refunds go (its secret is never shown). */
@ObjectType('PaymentChannel')
export class PaymentChannelType {
  @Field(() => PaymentMethodEnum) channel: PaymentMethod;
  @Field(() => String, { nullable: true }) endpointUrl: string | null;
  @Field(() => Boolean) hasSecret: boolean;
  @Field(() => DateTime, { nullable: true }) updatedAt: Date | null;
  @Field(() => String, { nullable: true }) updatedBy: string | null;
}
