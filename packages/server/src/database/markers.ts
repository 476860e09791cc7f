import type { DataSource, EntityManager } from 'typeorm';

/** Set by the demo package when it seeds a database: demo accounts with public passwords live in it. */
export const DEMO_SEEDED = 'demo-seeded';

/**
 * Records a fact about this database (table `database_markers`), inside the caller's transaction so that it holds
 * exactly when the work it describes was committed. A marker is set once: setting it again keeps the first.
 */
export async function setMarker(
  manager: EntityManager,
  name: string,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  await manager.query(
    'INSERT INTO database_markers (name, details) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, details === null ? null : JSON.stringify(details)],
  );
}

/** Whether the marker `name` was ever set on this database. */
export async function hasMarker(db: DataSource | EntityManager, name: string): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM database_markers WHERE name = $1', [name]);
  return rows.length > 0;
}
