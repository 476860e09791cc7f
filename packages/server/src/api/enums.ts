import {
  ACTOR_TYPES,
  AUDIT_ACTIONS,
  CARRIER_CODES,
  DISPATCH_STATES,
  FULFILMENT_STATUSES,
  HOLD_DEFAULT_ACTIONS,
  INTERCEPTION_RULES,
  INTERCEPTION_STATUSES,
  INVOICE_TYPES,
  LINE_ATTRIBUTES,
  LOGISTICS_NODES,
  ORDER_SOURCES,
  ORDER_STATUSES,
  ORDER_TYPES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  REFUND_DELIVERY_STATES,
  REFUND_STATUSES,
  REGIONS,
  STAFF_ACTIONS,
  STAFF_ROLES,
  STRANDS,
  WAREHOUSE_CAPABILITIES,
} from '@oms/schema';
import { registerEnumType } from 'type-graphql';

/** A GraphQL enum object from one of packages/schema's value lists, so the API never restates a status. */
function enumOf<const T extends string>(
  values: readonly T[],
  name: string,
  description: string,
): { [K in T]: K } {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(object, { name, description });
  return object;
}

export const OrderStatusEnum = enumOf(ORDER_STATUSES, 'OrderStatus', "The parent order's status (订单状态).");
export const FulfilmentStatusEnum = enumOf(
  FULFILMENT_STATUSES,
  'FulfilmentStatus',
  "A sub-order's fulfilment status (履约状态).",
);
export const LogisticsNodeEnum = enumOf(
  LOGISTICS_NODES,
  'LogisticsNode',
  "A parcel's logistics node (物流节点).",
);
export const InterceptionStatusEnum = enumOf(
  INTERCEPTION_STATUSES,
  'InterceptionStatus',
  "An interception's status.",
);
export const OrderSourceEnum = enumOf(ORDER_SOURCES, 'OrderSource', 'Where an order comes from.');
export const OrderTypeEnum = enumOf(ORDER_TYPES, 'OrderType', 'What kind of order it is.');
export const LineAttributeEnum = enumOf(
  LINE_ATTRIBUTES,
  'LineAttribute',
  'Line attributes that drive splitting.',
);
export const PaymentMethodEnum = enumOf(PAYMENT_METHODS, 'PaymentMethod', 'A payment instrument.');
export const PaymentStatusEnum = enumOf(PAYMENT_STATUSES, 'PaymentStatus', "A payment's status.");
export const RefundStatusEnum = enumOf(REFUND_STATUSES, 'RefundStatus', "A refund's status.");
export const RefundDeliveryStateEnum = enumOf(
  REFUND_DELIVERY_STATES,
  'RefundDeliveryState',
  "Where a refund's delivery to its channel stands.",
);
export const InvoiceTypeEnum = enumOf(INVOICE_TYPES, 'InvoiceType', 'An invoice kind.');
export const DispatchStateEnum = enumOf(
  DISPATCH_STATES,
  'DispatchState',
  "Where a sub-order's dispatch stands.",
);
export const RegionEnum = enumOf(REGIONS, 'Region', 'A big region of China (大区).');
export const WarehouseCapabilityEnum = enumOf(
  WAREHOUSE_CAPABILITIES,
  'WarehouseCapability',
  'What a warehouse can handle.',
);
export const InterceptionRuleEnum = enumOf(
  INTERCEPTION_RULES,
  'InterceptionRule',
  'The rule that raised a hold.',
);
export const HoldDefaultActionEnum = enumOf(
  HOLD_DEFAULT_ACTIONS,
  'HoldDefaultAction',
  'What a hold nobody decided within the rollback period becomes: released, its order cancelled, or left for a person.',
);
export const ActorTypeEnum = enumOf(ACTOR_TYPES, 'ActorType', 'Who wrote a timeline entry.');
export const StaffRoleEnum = enumOf(STAFF_ROLES, 'StaffRole', "A staff member's role.");
export const StaffActionEnum = enumOf(
  STAFF_ACTIONS,
  'StaffAction',
  'What staff can do to an order, a sub-order or a refund.',
);
export const CarrierCodeEnum = enumOf(CARRIER_CODES, 'CarrierCode', 'A carrier.');
export const StrandEnum = enumOf(STRANDS, 'Strand', 'One state machine of the transition table.');
export const AuditActionEnum = enumOf(AUDIT_ACTIONS, 'AuditAction', 'What an audit row records.');
