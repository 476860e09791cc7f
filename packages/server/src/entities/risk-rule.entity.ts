import type { BlacklistKind, HoldDefaultAction, InterceptionRule } from '@oms/schema';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from './columns.js';

/** One screening rule, switched on or off, with its thresholds (docs/domain.md §9). */
@Entity('risk_rules')
export class RiskRuleEntity {
  @PrimaryColumn({ type: 'text' }) code: Exclude<InterceptionRule, 'MANUAL'>;
  @Column({ type: 'boolean' }) enabled: boolean;
  @Column({ type: 'jsonb' }) params: Record<string, number>;
  /** What a hold of this rule nobody decided within the rollback period becomes (docs/domain.md §9). */
  @Column({ type: 'text', default: 'RELEASE' }) defaultAction: HoldDefaultAction;
  @TimeColumn() updatedAt: Date;
  @Column({ type: 'text', nullable: true }) updatedBy: string | null;
}

export type { BlacklistKind };

/** A phone, normalised address or customer account that is always held. */
@Entity('blacklist')
export class BlacklistEntity {
  @IdColumn() id: string;
  @Column({ type: 'text' }) kind: BlacklistKind;
  /** What screening compares: the account id, or the blind index of the phone or address (personal-data-columns.ts). */
  @Column({ type: 'text' }) value: string;
  /** What the managers' screen shows: the account id, or the phone or address masked. */
  @Column({ type: 'text' }) display: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @TimeColumn() createdAt: Date;
  @Column({ type: 'text', nullable: true }) createdBy: string | null;
}
