import type { PaymentMethod, PaymentStatus, RefundStatus } from '@oms/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyType } from '../common/money.type.js';
import { DateTime } from '../common/scalars.js';
import { PaymentMethodEnum, PaymentStatusEnum, RefundStatusEnum } from '../enums.js';

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

/** Money going back to one instrument (docs/api.md). */
@ObjectType('Refund')
export class RefundType {
  @Field(() => ID) id: string;
  @Field(() => PaymentMethodEnum) method: PaymentMethod;
  @Field(() => MoneyType) amount: MoneyType;
  @Field(() => RefundStatusEnum) status: RefundStatus;
  @Field(() => String) reason: string;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => String, { nullable: true }) subOrderNumber: string | null;
}
