import type { InvoiceType, LineAttribute, OrderSource, OrderType } from '@oms/schema';
import { Field, InputType, Int } from 'type-graphql';
import { DateTime, SafeInt } from '../common/scalars.js';
import { InvoiceTypeEnum, LineAttributeEnum, OrderSourceEnum, OrderTypeEnum } from '../enums.js';
import type {
  CreateOrderRequest,
  CustomerRequest,
  GiftCardRequest,
  InvoiceRequest,
  OrderLineRequest,
  PointsRequest,
  PromotionRequest,
  ReceiverRequest,
} from '../../services/ingest/order-request.js';

@InputType('CustomerInput')
export class CustomerInput implements CustomerRequest {
  @Field(() => String) id: string;
  @Field(() => String, { nullable: true }) nickname?: string | null;
  @Field(() => DateTime, { nullable: true }) registeredAt?: Date | null;
}

@InputType('ReceiverInput')
export class ReceiverInput implements ReceiverRequest {
  @Field(() => String) name: string;
  @Field(() => String, { description: 'a mainland mobile number' }) phone: string;
  @Field(() => String) province: string;
  @Field(() => String) city: string;
  @Field(() => String) district: string;
  @Field(() => String) address: string;
  @Field(() => String, { nullable: true }) deliveryPreference?: string | null;
}

@InputType('OrderLineInput')
export class OrderLineInput implements OrderLineRequest {
  @Field(() => String) sku: string;
  @Field(() => String) title: string;
  @Field(() => Int) quantity: number;
  @Field(() => SafeInt, { nullable: true }) listPriceFen?: number | null;
  @Field(() => SafeInt) salePriceFen: number;
  @Field(() => String, { nullable: true }) merchantId?: string | null;
  @Field(() => [LineAttributeEnum], { nullable: true }) attributes?: LineAttribute[] | null;
  @Field(() => [String], { nullable: true }) promotionIds?: string[] | null;
  @Field(() => String, { nullable: true }) imageUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'unique in the order; default L1, L2, …' }) lineRef?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'lineRef of the main line: a gift is never split from it',
  })
  giftFor?: string | null;
  @Field(() => String, { nullable: true, description: 'lines of one group stay together' }) splitGroup?:
    string | null;
}

@InputType('PromotionInput')
export class PromotionInput implements PromotionRequest {
  @Field(() => String) id: string;
  @Field(() => SafeInt, { nullable: true }) thresholdFen?: number | null;
  @Field(() => SafeInt) discountFen: number;
}

@InputType('GiftCardInput')
export class GiftCardInput implements GiftCardRequest {
  @Field(() => String) cardNumber: string;
  @Field(() => SafeInt) amountFen: number;
  @Field(() => SafeInt) balanceAfterFen: number;
}

@InputType('PointsInput')
export class PointsInput implements PointsRequest {
  @Field(() => Int) points: number;
  @Field(() => SafeInt) valueFen: number;
  @Field(() => Int) balanceAfter: number;
}

@InputType('InvoiceInput')
export class InvoiceInput implements InvoiceRequest {
  @Field(() => InvoiceTypeEnum) type: InvoiceType;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) taxId?: string | null;
}

/** docs/api.md `CreateOrderInput`: the GraphQL shape of the intake service's CreateOrderRequest. */
@InputType('CreateOrderInput')
export class CreateOrderInput implements CreateOrderRequest {
  @Field(() => OrderSourceEnum) source: OrderSource;
  @Field(() => String) externalId: string;
  @Field(() => OrderTypeEnum, { nullable: true, defaultValue: 'NORMAL' }) type?: OrderType | null;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => CustomerInput) customer: CustomerInput;
  @Field(() => ReceiverInput) receiver: ReceiverInput;
  @Field(() => [OrderLineInput]) lines: OrderLineInput[];
  @Field(() => SafeInt) freightFen: number;
  @Field(() => SafeInt, { nullable: true, defaultValue: 0 }) couponDiscountFen?: number | null;
  @Field(() => SafeInt, { nullable: true, description: 'default 0, or the sum of promotions[].discountFen' })
  promotionDiscountFen?: number | null;
  @Field(() => [PromotionInput], { nullable: true }) promotions?: PromotionInput[] | null;
  @Field(() => SafeInt, { nullable: true, description: "when given, must equal the server's figure" })
  payableFen?: number | null;
  @Field(() => [GiftCardInput], { nullable: true }) giftCards?: GiftCardInput[] | null;
  @Field(() => PointsInput, { nullable: true }) points?: PointsInput | null;
  @Field(() => InvoiceInput, { nullable: true }) invoice?: InvoiceInput | null;
  @Field(() => String, { nullable: true }) remark?: string | null;
}
