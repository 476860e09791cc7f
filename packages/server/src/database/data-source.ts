import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

/** Counts the SQL statements a piece of work runs (the no-N+1 tests read it). */
export class StatementCounter implements Logger {
  count = 0;
  statements: { query: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.count++;
    this.statements.push({ query, parameters: parameters ?? [] });
  }
  reset(): void {
    this.count = 0;
    this.statements = [];
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * Bounds on every wait, so a database that is down or stuck gives errors, not hangs (docs/reliability.md "PostgreSQL
 * restarted under traffic"): a connection (or a free pool slot) within 10 s, a statement within 30 s on the server
 * and 35 s on the client (the client's bound also covers a server that stopped answering), no transaction left idle
 * for more than 30 s holding its locks, and TCP keep-alive to notice a peer that vanished.
 */
export const POOL_TIMEOUTS = {
  connectionTimeoutMillis: 10_000,
  statement_timeout: 30_000,
  query_timeout: 35_000,
  idle_in_transaction_session_timeout: 30_000,
  keepAlive: true,
} as const;

/** Options for the data source beyond its URL. */
export interface DataSourceOptions {
  readonly poolSize?: number;
  readonly counter?: StatementCounter;
}

/** A TypeORM data source over `url` with every entity and migration; migrations only, never `synchronize`. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: options.counter ? ['query'] : false,
    logger: options.counter,
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'oms',
      ...POOL_TIMEOUTS,
    },
  });
}
