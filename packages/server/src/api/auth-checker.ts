import { hasPermission, isStaffRole, PERMISSIONS, type ApiKeyScope, type Permission } from '@oms/schema';
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { domainError } from '../errors/domain-error.js';
import type { RequestContext } from './context.js';

/** `@Authorized(...)` takes permissions (staff) or `scope:<scope>` (integration keys); any one suffices. */
export type Requirement = Permission | `scope:${ApiKeyScope}`;

const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);

/** The one auth checker (docs/conventions.md): no principal → UNAUTHENTICATED; the wrong one → FORBIDDEN. */
export class AuthChecker implements AuthCheckerInterface<RequestContext, Requirement> {
  check({ context }: ResolverData<RequestContext>, requirements: Requirement[]): boolean {
    const principal = context.principal;
    if (!principal)
      throw domainError(
        'UNAUTHENTICATED',
        'Sign in first: send the session cookie, a Bearer token or an API key.',
      );
    const allowed = requirements.some((requirement) => {
      if (principal.kind === 'staff') {
        return (
          isPermission(requirement) &&
          isStaffRole(principal.role) &&
          hasPermission(principal.role, requirement)
        );
      }
      return (
        requirement.startsWith('scope:') && principal.scopes.includes(requirement.slice(6) as ApiKeyScope)
      );
    });
    if (!allowed) throw domainError('FORBIDDEN', 'Your role or key does not allow this operation.');
    return true;
  }
}
