import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';

/** Generates `count` demo orders covering every status of every strand. */
export async function seedDemoOrders(_db: DataSource, _config: Config, _count: number): Promise<void> {
  // Filled in by the order factories.
}
