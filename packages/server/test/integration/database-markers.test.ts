import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEEDED, hasMarker, setMarker } from '../../src/database/markers.js';
import { APP_ROLE } from '../../src/database/migrations/1764800000000-app-role.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// The demo package marks a database it seeds (DEMO_SEEDED); the product reads the mark without knowing the demo.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('database markers', () => {
  it('are absent from a database nobody marked', async () => {
    expect(await hasMarker(db.dataSource, DEMO_SEEDED)).toBe(false);
  });

  it('hold exactly when the transaction that set them committed', async () => {
    await db.dataSource
      .transaction(async (manager) => {
        await setMarker(manager, DEMO_SEEDED, { by: 'a seed that failed' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await hasMarker(db.dataSource, DEMO_SEEDED)).toBe(false);

    await db.dataSource.transaction((manager) => setMarker(manager, DEMO_SEEDED, { by: 'the seed' }));
    await db.dataSource.transaction((manager) => setMarker(manager, DEMO_SEEDED, { by: 'a second seed' }));
    expect(await hasMarker(db.dataSource, DEMO_SEEDED)).toBe(true);
    expect(await db.dataSource.query('SELECT name, details FROM database_markers')).toEqual([
      { name: DEMO_SEEDED, details: { by: 'the seed' } },
    ]);
  });

  it(`may be set and read by ${APP_ROLE}, never changed or removed`, async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SET ROLE ${APP_ROLE}`);
      await client.query("INSERT INTO database_markers (name) VALUES ('app-role-test')");
      expect((await client.query('SELECT name FROM database_markers ORDER BY name')).rows).toEqual([
        { name: 'app-role-test' },
        { name: DEMO_SEEDED },
      ]);
      for (const statement of [
        'UPDATE database_markers SET details = NULL',
        'DELETE FROM database_markers',
        'TRUNCATE database_markers',
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
      }
    } finally {
      await client.end();
    }
  });
});
