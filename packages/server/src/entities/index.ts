import { OrderEntity } from './order.entity.js';
import { OrderLineEntity } from './order-line.entity.js';
import { SubOrderEntity, SubOrderWarehouseEntity } from './sub-order.entity.js';
import {
  GiftCardUsageEntity,
  PaymentChannelEntity,
  PaymentEntity,
  PaymentLogEntity,
  PointsUsageEntity,
  RefundEntity,
} from './payment.entity.js';
import { StockEntity, WarehouseEntity } from './warehouse.entity.js';
import { LogisticsEventEntity, ShipmentEntity } from './shipment.entity.js';
import { InterceptionEntity } from './interception.entity.js';
import { OrderEventEntity } from './order-event.entity.js';
import { ApiKeyEntity, AuditEntity, SessionEntity, StaffEntity } from './staff.entity.js';
import { InboundMessageEntity } from './inbound-message.entity.js';
import { OutboundMessageEntity } from './outbound-message.entity.js';
import { BlacklistEntity, RiskRuleEntity } from './risk-rule.entity.js';

export * from './order.entity.js';
export * from './order-line.entity.js';
export * from './sub-order.entity.js';
export * from './payment.entity.js';
export * from './warehouse.entity.js';
export * from './shipment.entity.js';
export * from './interception.entity.js';
export * from './order-event.entity.js';
export * from './staff.entity.js';
export * from './inbound-message.entity.js';
export * from './outbound-message.entity.js';
export * from './risk-rule.entity.js';

/** Every entity, for the data source. */
export const ENTITIES = [
  OrderEntity,
  OrderLineEntity,
  SubOrderEntity,
  SubOrderWarehouseEntity,
  PaymentEntity,
  PaymentLogEntity,
  GiftCardUsageEntity,
  PointsUsageEntity,
  RefundEntity,
  PaymentChannelEntity,
  WarehouseEntity,
  StockEntity,
  ShipmentEntity,
  LogisticsEventEntity,
  InterceptionEntity,
  OrderEventEntity,
  StaffEntity,
  SessionEntity,
  ApiKeyEntity,
  AuditEntity,
  InboundMessageEntity,
  OutboundMessageEntity,
  RiskRuleEntity,
  BlacklistEntity,
];
