/** Where an order comes from (docs/domain.md §2). */
export const ORDER_SOURCES = ['SELF_OPERATED', 'THIRD_PARTY', 'OFFLINE_STORE'] as const;
/** An order's source. */
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** Line attributes that drive splitting, and gifts (docs/api.md `LineAttribute`). */
export const LINE_ATTRIBUTES = ['COLD_CHAIN', 'OVERSIZE', 'PRESALE', 'GIFT'] as const;
/** One line attribute. */
export type LineAttribute = (typeof LINE_ATTRIBUTES)[number];

/** Payment instruments (docs/api.md `PaymentMethod`). */
export const PAYMENT_METHODS = [
  'WECHAT_PAY',
  'ALIPAY',
  'UNIONPAY',
  'BANK_CARD',
  'GIFT_CARD',
  'POINTS',
  'COD',
] as const;
/** One payment method. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Instruments paid in cash through a payment channel (everything but gift cards and points). */
export const CASH_METHODS: readonly PaymentMethod[] = [
  'WECHAT_PAY',
  'ALIPAY',
  'UNIONPAY',
  'BANK_CARD',
  'COD',
];

/** A payment's status (docs/domain.md §2). */
export const PAYMENT_STATUSES = [
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'REFUNDING',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
/** One payment status. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A refund's status: created pending, settled by its channel's answer. */
export const REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
/** One refund status. */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Where a refund's delivery to its channel stands: waiting to be taken, taken (a 2xx), or given up on. */
export const REFUND_DELIVERY_STATES = ['PENDING', 'SENT', 'DEAD_LETTER'] as const;
/** One delivery state of a refund. */
export type RefundDeliveryState = (typeof REFUND_DELIVERY_STATES)[number];

/** Invoice kinds (docs/api.md `InvoiceInput.type`). */
export const INVOICE_TYPES = ['ELECTRONIC', 'VAT_SPECIAL'] as const;
/** One invoice kind. */
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/**
 * Where a sub-order's dispatch stands while it is `CREATED` (docs/domain.md §3.2): not sent yet, queued, failing and
 * retried, given up (ops re-drive it), or acknowledged by the warehouse.
 */
export const DISPATCH_STATES = ['NONE', 'PENDING', 'RETRYING', 'DEAD_LETTER', 'ACKNOWLEDGED'] as const;
/** One dispatch state. */
export type DispatchState = (typeof DISPATCH_STATES)[number];

/** What a warehouse can handle besides ordinary goods. */
export const WAREHOUSE_CAPABILITIES = ['COLD_CHAIN', 'OVERSIZE'] as const;
/** One capability. */
export type WarehouseCapability = (typeof WAREHOUSE_CAPABILITIES)[number];

/** Interception rules (docs/domain.md §9). */
export const INTERCEPTION_RULES = [
  'HIGH_VALUE_NEW_ACCOUNT',
  'ADDRESS_VELOCITY',
  'BLACKLIST',
  'QUANTITY_LIMIT',
  'MANUAL',
] as const;
/** One interception rule. */
export type InterceptionRule = (typeof INTERCEPTION_RULES)[number];

/** Who wrote a timeline entry. */
export const ACTOR_TYPES = ['STAFF', 'INTEGRATION', 'WAREHOUSE', 'CARRIER', 'PAYMENT', 'SYSTEM'] as const;
/** One actor type. */
export type ActorType = (typeof ACTOR_TYPES)[number];
