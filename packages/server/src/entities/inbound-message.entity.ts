import { Column, Entity } from 'typeorm';
import { IdColumn, TimeColumn } from './columns.js';

/** One webhook delivery as received (raw payload), keyed so a repeat is recognised. */
@Entity('inbound_messages')
export class InboundMessageEntity {
  @IdColumn() id: string;
  /** e.g. `WMS:SH01`, `KUAIDI100`. */
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'text' }) messageKey: string;
  @TimeColumn() receivedAt: Date;
  @Column({ type: 'jsonb' }) payload: object;
  /** What the OMS did with it: APPLY, REPEAT, STALE, IGNORED_OLD_WAREHOUSE, … */
  @Column({ type: 'text' }) outcome: string;
}
