import type { InterceptionStatus } from '@oms/schema';
import type { InterceptionRule } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { FenColumn, IdColumn, RefColumn, ShardColumn, TimeColumn } from './columns.js';

/** A hold on an order or on one sub-order (docs/domain.md §2, §9). */
@Entity('interceptions')
export class InterceptionEntity {
  @IdColumn() id: string;
  @RefColumn() orderId: string;
  /** Null when the hold covers the whole order. */
  @RefColumn({ nullable: true }) subOrderId: string | null;
  @ShardColumn() shard: number;
  @Column({ type: 'text' }) rule: InterceptionRule;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) evidence: Record<string, unknown>;
  @Column({ type: 'text' }) status: InterceptionStatus;
  @Column({ type: 'text' }) raisedBy: string;
  @TimeColumn() raisedAt: Date;
  /** When the rollback period ends and the default action runs. */
  @TimeColumn() expiresAt: Date;
  @Column({ type: 'text', nullable: true }) decidedBy: string | null;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** The held order's payable amount, copied for the queue's amount filter. */
  @FenColumn() amountFen: number;
}
