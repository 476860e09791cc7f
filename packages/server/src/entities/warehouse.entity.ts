import type { Region, WarehouseCapability } from '@oms/schema';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn } from './columns.js';

/** A warehouse and its SLA (docs/domain.md §2, §8). */
@Entity('warehouses')
export class WarehouseEntity {
  @IdColumn() id: string;
  @Column({ type: 'text' }) code: string;
  /** A warehouse of ours, or a third-party merchant that ships its own goods (no stock here, never a routing target). */
  @Column({ type: 'text', default: 'WAREHOUSE' }) kind: 'WAREHOUSE' | 'MERCHANT';
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) region: Region;
  @Column({ type: 'text' }) province: string;
  @Column({ type: 'text' }) city: string;
  @Column({ type: 'text' }) address: string;
  /** The company branch it belongs to, for cost accounting. */
  @Column({ type: 'text' }) branch: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) capabilities: WarehouseCapability[];
  @Column({ type: 'integer' }) slaAcceptMinutes: number;
  /**
   * The daily cut-off, in minutes after midnight Asia/Shanghai (`cutoffLocalTime` `HH:mm` in the API): a sub-order paid
   * before it ships by the end of that day, one paid later by the end of the next (docs/domain.md §8).
   */
  @Column({ type: 'integer' }) cutoffMinute: number;
  @Column({ type: 'text', nullable: true }) endpointUrl: string | null;
  @Column({ type: 'text', nullable: true }) secret: string | null;
}

/** Stock of one sku at one warehouse. */
@Entity('stock')
export class StockEntity {
  @PrimaryColumn({ type: 'bigint' }) warehouseId: string;
  @PrimaryColumn({ type: 'text' }) sku: string;
  @Column({ type: 'integer' }) onHand: number;
  @Column({ type: 'integer', default: 0 }) reserved: number;
}
