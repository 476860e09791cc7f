import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import type { Outbox } from './outbox.js';

/** The settings use cases read, each where it is needed. */
export type ServiceConfig = Pick<
  Config,
  | 'orderNumberSecret'
  | 'rollbackMinutes'
  | 'paymentWindowMinutes'
  | 'revealDailyLimit'
  | 'phoneSearchHourlyLimit'
  | 'sessionIdleMinutes'
  | 'sessionAbsoluteHours'
>;

/** What every use case is built with: the database, the outbox port and the configuration. */
export interface ServiceDeps {
  readonly db: DataSource;
  readonly outbox: Outbox;
  readonly config: ServiceConfig;
}

/** One transaction of a use case: its entity manager, and the outbox that writes in it. */
export interface Tx {
  readonly manager: EntityManager;
  readonly outbox: Outbox;
}

/** Runs `work` in one transaction (one public call of a use case = one transaction). */
export function inTransaction<T>(deps: ServiceDeps, work: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.db.transaction((manager) => work({ manager, outbox: deps.outbox }));
}
