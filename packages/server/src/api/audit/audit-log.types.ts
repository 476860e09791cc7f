import type { AuditAction, StaffRole } from '@oms/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { AuditFilter } from '../../services/audit/audit-log.service.js';
import { DateTime, JSON } from '../common/scalars.js';
import { AuditActionEnum, StaffRoleEnum } from '../enums.js';
import { PageInfo } from '../orders/order-connection.type.js';

/** One audit row (docs/roles.md "Audit"): who, in which role, did what, to which order, why, when and from where. */
@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => ID) id: string;
  @Field(() => String) staffId: string;
  @Field(() => String, { description: 'the username of whoever acted' }) username: string;
  @Field(() => String) displayName: string;
  @Field(() => StaffRoleEnum, { description: 'their role when they acted' }) role: StaffRole;
  @Field(() => AuditActionEnum) action: AuditAction;
  @Field(() => String, { nullable: true }) orderNumber: string | null;
  @Field(() => JSON, { nullable: true }) before: unknown;
  @Field(() => JSON, { nullable: true }) after: unknown;
  @Field(() => String) reason: string;
  @Field(() => DateTime) at: Date;
  @Field(() => String, { nullable: true, description: 'the client address' }) address: string | null;
}

@ObjectType('AuditEdge')
export class AuditEdge {
  @Field(() => String) cursor: string;
  @Field(() => AuditEntryType) node: AuditEntryType;
}

@ObjectType('AuditConnection')
export class AuditConnection {
  @Field(() => [AuditEdge]) edges: AuditEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

/** docs/api.md `auditLog(filter: { staffId, orderNumber, action, from, to })`: all optional, combined with AND. */
@InputType('AuditFilter')
export class AuditFilterInput implements AuditFilter {
  @Field(() => ID, { nullable: true, description: 'whoever acted' }) staffId?: string | null;
  @Field(() => String, { nullable: true, description: 'whoever acted, by username' }) username?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'an order number, or a sub-order number for its order',
  })
  orderNumber?: string | null;
  @Field(() => AuditActionEnum, { nullable: true }) action?: AuditAction | null;
  @Field(() => DateTime, { nullable: true, description: 'inclusive' }) from?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'exclusive' }) to?: Date | null;
}
