import type { FulfilmentStatus } from '@oms/schema';
import type { DispatchState } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { FenColumn, IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** The unit of fulfilment after the split (docs/domain.md §2). */
@Entity('sub_orders')
export class SubOrderEntity {
  @IdColumn() id: string;
  @Column({ type: 'char', length: 16 }) number: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) status: FulfilmentStatus;
  @Column({ type: 'integer', default: 1 }) version: number;
  @RefColumn({ nullable: true }) warehouseId: string | null;
  @Column({ type: 'text', nullable: true }) merchantId: string | null;
  @Column({ type: 'text', default: 'NONE' }) dispatchState: DispatchState;
  @Column({ type: 'boolean', default: false }) held: boolean;
  @Column({ type: 'boolean', default: false }) outOfStock: boolean;
  @TimeColumn({ nullable: true }) cancelRequestedAt: Date | null;
  /** Minutes past the warehouse SLA, set by the SLA job; null when on time. */
  @Column({ type: 'integer', nullable: true }) lateMinutes: number | null;

  @FenColumn() goodsFen: number;
  @FenColumn() freightFen: number;
  @FenColumn() couponDiscountFen: number;
  @FenColumn() promotionDiscountFen: number;
  @FenColumn() giftCardFen: number;
  @FenColumn() pointsFen: number;
  @FenColumn() payableFen: number;

  @TimeColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
  @TimeColumn({ nullable: true }) dispatchedAt: Date | null;
  @TimeColumn({ nullable: true }) shippedAt: Date | null;
  @TimeColumn({ nullable: true }) finishedAt: Date | null;
}

/** One stay of a sub-order at a warehouse; the open one (no `releasedAt`) is current. */
@Entity('sub_order_warehouses')
export class SubOrderWarehouseEntity {
  @IdColumn() id: string;
  @RefColumn() subOrderId: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @RefColumn() warehouseId: string;
  @TimeColumn() assignedAt: Date;
  @TimeColumn({ nullable: true }) releasedAt: Date | null;
  @Column({ type: 'text' }) reason: string;
}
