import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** What an outbound message asks of a warehouse (docs/api.md "Outbound messages"). */
export type OutboundType = 'DISPATCH' | 'CANCEL' | 'INTERCEPT';
/** Where its delivery stands. */
export type OutboundStatus = 'PENDING' | 'SENT' | 'DEAD_LETTER' | 'DROPPED';

/** One message of the outbox, in order per sub-order. */
@Entity('outbound_messages')
export class OutboundMessageEntity {
  @IdColumn() id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @RefColumn() subOrderId: string;
  @RefColumn() orderId: string;
  @ShardColumn() shard: number;
  @RefColumn() warehouseId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) type: OutboundType;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text' }) status: OutboundStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) sentAt: Date | null;
}
