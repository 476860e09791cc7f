import type { DataSource } from 'typeorm';
import { StartRefused } from '../config.js';
import { DEMO_SEEDED } from '../database/markers.js';

/**
 * Outside demo mode the product refuses a database demo mode seeded (ADR 0013): its staff accounts, integration key
 * and warehouse and payment-channel secrets are the demo's public ones, and its orders are made up. The mark cannot be
 * removed by the product's own role (database/markers.ts), so neither can this refusal be talked round.
 * `where` says which database it is, for the message.
 */
export async function refuseDemoDatabase(db: DataSource, where: string): Promise<void> {
  const [marker]: { set_at: Date }[] = await db.query('SELECT set_at FROM database_markers WHERE name = $1', [
    DEMO_SEEDED,
  ]);
  if (!marker) return;
  throw new StartRefused(
    `The database (${where}) was seeded in demo mode on ${marker.set_at.toISOString().slice(0, 10)}: its staff ` +
      "accounts, integration key and warehouse and payment-channel secrets are the demo's public ones, and its " +
      'orders are made up, so outside demo mode the product does not run on it.\n' +
      'For production, give the product a database of its own: an empty one at DATABASE_URL, or another ' +
      'OMS_DATA_DIR. To go on with the demo: pnpm start (OMS_DEMO=on).',
  );
}
