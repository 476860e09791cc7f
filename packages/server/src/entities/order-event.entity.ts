import type { ActorType } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** One entry of an order's history (docs/domain.md §2): written by one writer, in the transaction of the change. */
@Entity('order_events')
export class OrderEventEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  @RefColumn({ nullable: true }) subOrderId: string | null;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) type: string;
  @TimeColumn() at: Date;
  @Column({ type: 'text' }) actorType: ActorType;
  @Column({ type: 'text' }) actorId: string;
  @Column({ type: 'text', nullable: true }) actorName: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'boolean', default: false }) customerVisible: boolean;
}
