import type { ApiKeyScope, StaffRole } from '@oms/schema';

/** A signed-in staff member, as the request knows them. */
export interface StaffPrincipal {
  readonly kind: 'staff';
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly sessionId: string;
}

/** An integration client authenticated by API key. */
export interface ApiKeyPrincipal {
  readonly kind: 'apiKey';
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}

/** Whoever made the request, if anyone. */
export type Principal = StaffPrincipal | ApiKeyPrincipal | null;
