import type { CarrierCode, LogisticsNode } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** One parcel of a sub-order (docs/domain.md §2). */
@Entity('shipments')
export class ShipmentEntity {
  @IdColumn() id: string;
  @RefColumn() subOrderId: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) carrierCode: CarrierCode;
  @Column({ type: 'text' }) trackingNumber: string;
  @Column({ type: 'text', nullable: true }) node: LogisticsNode | null;
  /** The last node on the normal path, for leaving EXCEPTION (docs/domain.md §7). */
  @Column({ type: 'text', nullable: true }) lastNormalNode: LogisticsNode | null;
  @TimeColumn() shippedAt: Date;
}

/** One carrier tracking entry, raw and normalised (docs/domain.md §7). */
@Entity('logistics_events')
export class LogisticsEventEntity {
  @IdColumn() id: string;
  /** Null while the waybill is not yet known from a SHIPPED report. */
  @RefColumn({ nullable: true }) shipmentId: string | null;
  @RefColumn({ nullable: true }) orderId: string | null;
  @Column({ type: 'smallint', nullable: true }) shard: number | null;
  @Column({ type: 'text' }) carrierCode: CarrierCode;
  @Column({ type: 'text' }) trackingNumber: string;
  @Column({ type: 'text', nullable: true }) rawState: string | null;
  /** The node this entry was stored with; only the newest entry of a push takes the push's state. */
  @Column({ type: 'text', nullable: true }) node: LogisticsNode | null;
  @Column({ type: 'text' }) context: string;
  @Column({ type: 'text', nullable: true }) areaName: string | null;
  @TimeColumn() occurredAt: Date;
  @Column({ type: 'boolean', default: true }) customerVisible: boolean;
  @TimeColumn() receivedAt: Date;
}
