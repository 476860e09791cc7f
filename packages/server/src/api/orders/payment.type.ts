import type { PaymentMethod, PaymentStatus, RefundDeliveryState, RefundStatus } from '@oms/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyType } from '../common/money.type.js';
import { DateTime } from '../common/scalars.js';
import { PaymentMethodEnum, PaymentStatusEnum, RefundDeliveryStateEnum, RefundStatusEnum } from '../enums.js';

/** One status change of a payment. */
@ObjectType('PaymentLog')
export class PaymentLogType {
  @Field(() => PaymentStatusEnum) status: PaymentStatus;
  @Field(() => DateTime) at: Date;
  @Field(() => String, { nullable: true, description: "the channel's raw reference" }) reference:
    string | null;
}

/** One payment instrument of an order (docs/api.md). */
@ObjectType('Payment')
export class PaymentType {
  @Field(() => ID) id: string;
  @Field(() => PaymentMethodEnum) method: PaymentMethod;
  @Field(() => MoneyType) amount: MoneyType;
  @Field(() => PaymentStatusEnum) status: PaymentStatus;
  @Field(() => String, { nullable: true, description: '交易流水号' }) transactionNo: string | null;
  @Field(() => DateTime, { nullable: true }) paidAt: Date | null;
  @Field(() => [PaymentLogType]) logs: PaymentLogType[];
}

/** A gift-card deduction or its reversal; the card number is masked. */
@ObjectType('GiftCardUsage')
export class GiftCardUsageType {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'masked: **** 1234' }) cardNumber: string;
  @Field(() => MoneyType, { description: 'negative on a reversal' }) amount: MoneyType;
  @Field(() => MoneyType) balanceAfter: MoneyType;
  @Field(() => DateTime) at: Date;
  @Field(() => Boolean) reversal: boolean;
}

/** Points spent on an order, or their reversal. */
@ObjectType('PointsUsage')
export class PointsUsageType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'negative on a reversal' }) points: number;
  @Field(() => MoneyType) value: MoneyType;
  @Field(() => Int) balanceAfter: number;
  @Field(() => DateTime) at: Date;
  @Field(() => Boolean) reversal: boolean;
}

/** The payment a refund draws on. */
@ObjectType('RefundPayment')
export class RefundPaymentType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: '交易流水号' }) transactionNo: string | null;
}

/** Money going back to one instrument, settled by its channel's answer (docs/api.md Contract details "Refunds"). */
@ObjectType('Refund')
export class RefundType {
  @Field(() => ID) id: string;
  @Field(() => PaymentMethodEnum) method: PaymentMethod;
  @Field(() => MoneyType) amount: MoneyType;
  @Field(() => RefundStatusEnum) status: RefundStatus;
  @Field(() => String, { description: "why it was made (a cancel's reason, or OVERPAID)" }) reason: string;
  @Field(() => Int, { description: '1 for the first send; each retry after a failure is the next' })
  attempt: number;
  @Field(() => String, {
    nullable: true,
    description: "the channel's refund number (or the bank transfer's reference when settled offline)",
  })
  channelRefundNo: string | null;
  @Field(() => String, { nullable: true, description: 'why the channel refused the last attempt' })
  failureReason: string | null;
  @Field(() => RefundDeliveryStateEnum) deliveryState: RefundDeliveryState;
  @Field(() => String, { nullable: true, description: 'why the last delivery got no 2xx' }) lastError:
    string | null;
  @Field(() => Boolean) settledOffline: boolean;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) settledAt: Date | null;
  @Field(() => RefundPaymentType, { nullable: true }) payment: RefundPaymentType | null;
  @Field(() => String, { nullable: true }) subOrderNumber: string | null;
  @Field(() => String, { description: 'the parent order' }) orderNumber: string;
}
