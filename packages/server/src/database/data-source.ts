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
    extra: { max: options.poolSize ?? 10, application_name: 'oms' },
  });
}
