import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities of `entity` from a statement that returns each as `to_jsonb(t) AS row`: the same hydration as the loaders,
 * without a query builder (on the hot paths, building a TypeORM query costs more than running it). Runs on the pool
 * (a DataSource) or in a transaction (its EntityManager).
 */
export async function selectEntities<E extends ObjectLiteral>(
  source: DataSource | EntityManager,
  entity: EntityTarget<E>,
  sql: string,
  parameters: unknown[],
): Promise<E[]> {
  const metadata = ('connection' in source ? source.connection : source).getMetadata(entity);
  const rows: { row: Record<string, unknown> }[] = await source.query(sql, parameters);
  return rows.map(({ row }) => hydrate(metadata, row) as E);
}

/**
 * An entity from its row as `to_jsonb` spells it: JSON gives bigint as a number and timestamps as text, so each
 * column is brought back to what the `pg` driver would have given (bigint as text, timestamps as Date) before the
 * column's own transformer runs, exactly as a `find()` would.
 */
export function hydrate(metadata: EntityMetadata, row: Record<string, unknown>): ObjectLiteral {
  const entity = metadata.create() as ObjectLiteral;
  for (const column of metadata.columns) {
    let value = row[column.databaseName] ?? null;
    if (value !== null) {
      if (column.type === 'bigint') value = String(value);
      else if (column.type === 'timestamptz') value = new Date(value as string);
    }
    const transformer = column.transformer;
    if (transformer && !Array.isArray(transformer)) value = transformer.from(value);
    column.setEntityValue(entity, value);
  }
  return entity;
}
