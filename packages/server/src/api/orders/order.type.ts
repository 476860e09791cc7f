import type { InvoiceType, OrderSource, OrderStatus, OrderType as OrderKind } from '@oms/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../common/scalars.js';
import {
  InvoiceTypeEnum,
  OrderSourceEnum,
  OrderStatusEnum,
  OrderTypeEnum,
  StaffActionEnum,
} from '../enums.js';
import type { StaffAction } from '@oms/schema';

/** The customer, with the id masked (docs/domain.md §10). */
@ObjectType('Customer')
export class CustomerType {
  @Field(() => String, { description: 'masked' }) id: string;
  @Field(() => String, { nullable: true }) nickname: string | null;
  @Field(() => DateTime, { nullable: true }) registeredAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'account age in days when the order was placed' })
  accountAgeDays: number | null;
}

/** The receiver, masked for every role (docs/roles.md); `revealPersonalData` gives the full data. */
@ObjectType('Receiver')
export class ReceiverType {
  @Field(() => String, { description: 'masked: 张**' }) name: string;
  @Field(() => String, { description: 'masked: 138****5678' }) phone: string;
  @Field(() => String) province: string;
  @Field(() => String) city: string;
  @Field(() => String) district: string;
  @Field(() => String, { description: 'masked below the district' }) address: string;
  @Field(() => String, { nullable: true }) deliveryPreference: string | null;
}

/** The invoice requested. */
@ObjectType('Invoice')
export class InvoiceObjectType {
  @Field(() => InvoiceTypeEnum) type: InvoiceType;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) taxId: string | null;
}

/** One action the caller may take, enabled now or not and why (docs/api.md `allowedActions`). */
@ObjectType('AllowedAction')
export class AllowedActionType {
  @Field(() => StaffActionEnum) action: StaffAction;
  @Field(() => Boolean) enabled: boolean;
  @Field(() => String, { nullable: true, description: 'why it is disabled, in English' }) reason:
    string | null;
  @Field(() => String, { nullable: true, description: 'why it is disabled, as a code the console words' })
  reasonCode: string | null;
}

/** The parent order (docs/api.md `Order`); relations are resolved in OrderResolver. */
@ObjectType('Order')
export class OrderObjectType {
  @Field(() => ID) id: string;
  @Field(() => String) number: string;
  @Field(() => OrderStatusEnum) status: OrderStatus;
  @Field(() => OrderSourceEnum) source: OrderSource;
  @Field(() => OrderTypeEnum) type: OrderKind;
  @Field(() => String, { nullable: true }) channel: string | null;
  @Field(() => String) externalId: string;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) paidAt: Date | null;
  @Field(() => Int) version: number;
  @Field(() => Boolean, { description: 'an active interception holds the order or one of its sub-orders' })
  held: boolean;
  @Field(() => String, { nullable: true }) remark: string | null;
}
