import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts rows in one statement and returns them as the entities a `find` would give, without reading them back: the
 * values written, plus what the database filled in (identity, defaults — TypeORM's INSERT … RETURNING gives those, as
 * the driver gives them, so each column's transformer runs here), plus null for every nullable column left out.
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  rows: readonly DeepPartial<E>[],
): Promise<E[]> {
  if (!rows.length) return [];
  const repository = manager.getRepository(target);
  // Plain copies go to TypeORM, which writes RETURNING's raw values into whatever it is given.
  const { generatedMaps } = await repository.insert(rows.map((row) => ({ ...row })) as never);
  return rows.map((values, i) => {
    const entity = repository.create(values);
    const generated = generatedMaps[i] ?? {};
    for (const column of repository.metadata.columns) {
      const returned: unknown = column.getEntityValue(generated);
      if (returned !== undefined) {
        const transformer = column.transformer;
        column.setEntityValue(
          entity,
          transformer && !Array.isArray(transformer) ? transformer.from(returned) : returned,
        );
      } else if (column.getEntityValue(entity) === undefined && column.isNullable) {
        column.setEntityValue(entity, null);
      }
    }
    return entity;
  });
}

/** insertRows for one row: one statement where insert-then-select took two, on the hottest write paths. */
export async function insertRow<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  values: DeepPartial<E>,
): Promise<E> {
  const [entity] = await insertRows(manager, target, [values]);
  return entity!;
}
