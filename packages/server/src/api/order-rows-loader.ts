import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate } from '../database/select-entities.js';

/** One kind of row that hangs under an order: its entity, the column it is grouped by, and its order. */
export interface RowKind<E extends ObjectLiteral> {
  readonly entity: EntityTarget<E>;
  /** The property the rows are grouped by (an order id, or a warehouse id for stock). */
  readonly groupBy: keyof E & string;
  /** Properties to sort by, ascending, within a group (then the primary key). */
  readonly sortBy: readonly (keyof E & string)[];
}

/** A loader of one kind's rows by group key, with DataLoader's `load` and `prime`. */
export interface GroupLoader<E> {
  load(key: string): Promise<E[]>;
  /** Hands the loader a group already read (a row found by another key), so it is not read again. */
  prime(key: string, rows: E[]): void;
}

interface Key {
  readonly kind: number;
  readonly group: string;
}

interface RawRow {
  kind: number;
  grp: string;
  pos: string;
  row: Record<string, unknown>;
}

/**
 * Every kind of row under an order (lines, sub-orders, payments, events, parcels …) from ONE statement per batch:
 * the kinds asked for in the same tick are fetched together as `UNION ALL` of `to_jsonb(row)`, each part carrying
 * its own sort position. An order page then costs one statement for the order's direct children and one for what
 * hangs under its sub-orders, however many kinds, lines or events there are (docs/performance.md "no N+1").
 */
export function createGroupLoaders<K extends Record<string, RowKind<ObjectLiteral>>>(
  db: DataSource,
  kinds: K,
): { [P in keyof K]: GroupLoader<K[P] extends RowKind<infer E> ? E : never> } {
  const list = Object.values(kinds).map((kind) => ({ kind, metadata: db.getMetadata(kind.entity) }));
  const loader = new DataLoader<Key, ObjectLiteral[], string>(
    async (keys) => {
      const wanted = new Map<number, Set<string>>();
      for (const key of keys) {
        if (!wanted.has(key.kind)) wanted.set(key.kind, new Set());
        wanted.get(key.kind)!.add(key.group);
      }
      const parameters: unknown[] = [];
      const parts = [...wanted].map(([index, groups]) => {
        parameters.push([...groups]);
        return selectOf(index, list[index]!.metadata, list[index]!.kind, parameters.length);
      });
      const raw: RawRow[] = await db.query(parts.join('\nUNION ALL\n'), parameters);
      raw.sort((a, b) => Number(a.pos) - Number(b.pos));
      const groups = new Map<string, ObjectLiteral[]>(keys.map((key) => [cacheKey(key), []]));
      for (const { kind, grp, row } of raw) {
        groups.get(`${kind}:${grp}`)?.push(hydrate(list[kind]!.metadata, row));
      }
      return keys.map((key) => groups.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
  const facades = Object.keys(kinds).map((name, index) => [
    name,
    {
      load: (group: string) => loader.load({ kind: index, group: String(group) }),
      prime: (group: string, rows: ObjectLiteral[]) => {
        loader.prime({ kind: index, group: String(group) }, rows);
      },
    },
  ]);
  return Object.fromEntries(facades) as never;
}

function cacheKey(key: Key): string {
  return `${key.kind}:${key.group}`;
}

function selectOf(
  index: number,
  metadata: EntityMetadata,
  kind: RowKind<ObjectLiteral>,
  param: number,
): string {
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return `t."${found.databaseName}"`;
  };
  // The primary key breaks ties, so the order within a group is total.
  const primary = metadata.primaryColumns.map((c) => c.propertyName);
  const sort = [...kind.sortBy, ...primary.filter((p) => !kind.sortBy.includes(p))].map(column).join(', ');
  const group = column(kind.groupBy);
  return `SELECT ${index} AS kind, ${group}::text AS grp, row_number() OVER (ORDER BY ${sort}) AS pos, to_jsonb(t) AS row
  FROM ${metadata.tablePath} t WHERE ${group} = ANY($${param}::bigint[])`;
}
