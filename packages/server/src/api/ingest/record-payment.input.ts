import type { PaymentMethod } from '@oms/schema';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateTime, SafeInt } from '../common/scalars.js';
import { PaymentMethodEnum } from '../enums.js';

export const ReportedPaymentStatusEnum = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
registerEnumType(ReportedPaymentStatusEnum, {
  name: 'ReportedPaymentStatus',
  description: 'What a payment channel reports.',
});

/** docs/api.md `RecordPaymentInput`. */
@InputType('RecordPaymentInput')
export class RecordPaymentInput {
  @Field(() => String) orderNumber: string;
  @Field(() => PaymentMethodEnum) method: PaymentMethod;
  @Field(() => SafeInt) amountFen: number;
  @Field(() => String, { description: "the channel's serial number (交易流水号); the idempotency key" })
  transactionNo: string;
  @Field(() => ReportedPaymentStatusEnum) status: keyof typeof ReportedPaymentStatusEnum;
  @Field(() => DateTime) occurredAt: Date;
}
