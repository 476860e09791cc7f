import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { pageSize, toConnection } from '../common/connections.js';
import type { RequestContext } from '../context.js';
import { AuditConnection, AuditFilterInput } from './audit-log.types.js';

/** The audit log, for managers and admins (docs/roles.md "Audit"). */
@Resolver()
export class AuditLogResolver {
  @Authorized('AUDIT_READ')
  @Query(() => AuditConnection, { description: 'audit rows newest first, filtered, keyset-paged' })
  async auditLog(
    @Ctx() { services }: RequestContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditConnection> {
    return toConnection(await services.auditLog.page(filter ?? {}, pageSize(first, 50), after ?? null));
  }
}
