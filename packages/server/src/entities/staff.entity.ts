import type { ApiKeyScope, AuditAction, StaffRole } from '@oms/schema';
import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from './columns.js';

/** A staff account. */
@Entity('staff')
export class StaffEntity {
  @IdColumn() id: string;
  @Column({ type: 'text' }) username: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: StaffRole;
  @Column({ type: 'text' }) passwordHash: string;
  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) disabledAt: Date | null;
  @Column({ type: 'text', nullable: true }) disabledReason?: string | null;
  @TimeColumn({ nullable: true }) lastLoginAt?: Date | null;
}

/** An opaque server-side session; only the token's hash is stored. */
@Entity('sessions')
export class SessionEntity {
  @IdColumn() id: string;
  @Column({ type: 'text' }) tokenHash: string;
  @RefColumn() staffId: string;
  @TimeColumn() createdAt: Date;
  @TimeColumn() lastSeenAt: Date;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
}

/** An integration client's key; only its hash is stored. */
@Entity('api_keys')
export class ApiKeyEntity {
  @IdColumn() id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) keyHash: string;
  @Column({ type: 'text', array: true }) scopes: ApiKeyScope[];
  @TimeColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  /** The key's first characters, shown so people can tell keys apart (not enough to use one). */
  @Column({ type: 'text', nullable: true }) keyPrefix?: string | null;
  @RefColumn({ nullable: true }) createdBy?: string | null;
  @RefColumn({ nullable: true }) revokedBy?: string | null;
  @Column({ type: 'text', nullable: true }) revokedReason?: string | null;
  @TimeColumn({ nullable: true }) lastUsedAt?: Date | null;
}

/** A staff mutation or reveal, written in its transaction; never updated or deleted (database triggers). */
@Entity('audit_log')
export class AuditEntity {
  @IdColumn() id: string;
  @RefColumn() staffId: string;
  @Column({ type: 'text' }) role: StaffRole;
  @Column({ type: 'text' }) action: AuditAction;
  @Column({ type: 'text', nullable: true }) orderNumber: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'text' }) reason: string;
  @TimeColumn() at: Date;
  @Column({ type: 'text', nullable: true }) address: string | null;
}
