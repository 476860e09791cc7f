import type { InvoiceType, LineAttribute, OrderSource, OrderType } from '@oms/schema';
import type { Receiver } from '../../entities/index.js';

/** The customer who placed an order. */
export interface CustomerRequest {
  readonly id: string;
  readonly nickname?: string | null;
  readonly registeredAt?: Date | null;
}

/** Where the goods go. */
export interface ReceiverRequest extends Receiver {
  readonly deliveryPreference?: string | null;
}

/** One line as the storefront sends it. */
export interface OrderLineRequest {
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly listPriceFen?: number | null;
  readonly salePriceFen: number;
  readonly merchantId?: string | null;
  readonly attributes?: readonly LineAttribute[] | null;
  readonly promotionIds?: readonly string[] | null;
  readonly imageUrl?: string | null;
  readonly lineRef?: string | null;
  readonly giftFor?: string | null;
  readonly splitGroup?: string | null;
}

/** A threshold promotion (满减) the order took part in. */
export interface PromotionRequest {
  readonly id: string;
  readonly thresholdFen?: number | null;
  readonly discountFen: number;
}

/** A gift card that paid part of the order. */
export interface GiftCardRequest {
  readonly cardNumber: string;
  readonly amountFen: number;
  readonly balanceAfterFen: number;
}

/** Points that paid part of the order. */
export interface PointsRequest {
  readonly points: number;
  readonly valueFen: number;
  readonly balanceAfter: number;
}

/** The invoice the customer asked for. */
export interface InvoiceRequest {
  readonly type: InvoiceType;
  readonly title: string;
  readonly taxId?: string | null;
}

/** A storefront's new order (docs/api.md `createOrder`), as the intake service takes it. */
export interface CreateOrderRequest {
  readonly source: OrderSource;
  readonly externalId: string;
  readonly type?: OrderType | null;
  readonly channel?: string | null;
  readonly customer: CustomerRequest;
  readonly receiver: ReceiverRequest;
  readonly lines: readonly OrderLineRequest[];
  readonly freightFen: number;
  readonly couponDiscountFen?: number | null;
  readonly promotionDiscountFen?: number | null;
  readonly promotions?: readonly PromotionRequest[] | null;
  readonly payableFen?: number | null;
  readonly giftCards?: readonly GiftCardRequest[] | null;
  readonly points?: PointsRequest | null;
  readonly invoice?: InvoiceRequest | null;
  readonly remark?: string | null;
}
