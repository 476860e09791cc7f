import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Principal, StaffPrincipal } from '../auth/principal.js';
import type { Services } from '../services/index.js';
import type { Loaders } from './loaders.js';
import { domainError } from '../errors/domain-error.js';

/** What every resolver receives. */
export interface RequestContext {
  readonly db: DataSource;
  readonly config: Config;
  readonly services: Services;
  readonly loaders: Loaders;
  readonly principal: Principal;
  readonly requestId: string;
  readonly address: string | null;
  /** Sets or clears the console's session cookie on the response. */
  readonly setSessionCookie: (token: string | null, expiresAt?: Date) => void;
}

/** The signed-in staff member; the auth checker has already refused anyone else where this is called. */
export function staffOf(context: RequestContext): StaffPrincipal {
  if (context.principal?.kind !== 'staff') throw domainError('UNAUTHENTICATED', 'Sign in as staff first.');
  return context.principal;
}
