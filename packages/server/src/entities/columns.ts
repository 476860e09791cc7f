import { Column, PrimaryGeneratedColumn, type ColumnOptions } from 'typeorm';
import { bigintNumber } from '../database/transformers.js';

/** A bigint identity primary key, kept as a string (ids are opaque to the application). */
export function IdColumn(): PropertyDecorator {
  return PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' });
}

/** A reference to another row's bigint id. */
export function RefColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', ...options });
}

/** An amount in fen: bigint in the database, a safe-integer number in the application. */
export function FenColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintNumber, default: 0, ...options });
}

/** The shard (00–99) taken from the order number; every order-scoped row carries it (docs/domain.md §5). */
export function ShardColumn(): PropertyDecorator {
  return Column({ type: 'smallint' });
}

/** A point in time, with zone. */
export function TimeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'timestamptz', ...options });
}
