import { parseLocalTime } from '@oms/schema';
import type { DataSource } from 'typeorm';
import {
  ApiKeyEntity,
  DEMO_SEEDED,
  hashPassword,
  hashSecret,
  OrderEntity,
  setMarker,
  StaffEntity,
  StockEntity,
  WarehouseEntity,
  type Config,
} from '@oms/server';
import { DEMO_API_KEY, DEMO_LOGINS, DEMO_WMS_SECRET } from './demo-accounts.js';
import { DEMO_MERCHANTS, DEMO_WAREHOUSES } from './demo-warehouses.js';
import { DEMO_SKUS } from './catalog.js';
import { seedDemoOrders } from './orders/seed-orders.js';

/**
 * Staff accounts, the integration key, warehouses with stock of every demo sku, and the database's DEMO_SEEDED marker
 * (the product can tell a demo database by it), in one transaction.
 */
export async function seedReferenceData(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    await setMarker(manager, DEMO_SEEDED, {
      logins: DEMO_LOGINS.map((login) => login.username),
      apiKey: DEMO_API_KEY.name,
    });
    for (const login of DEMO_LOGINS) {
      await manager.getRepository(StaffEntity).insert({
        username: login.username,
        displayName: login.displayName,
        role: login.role,
        passwordHash: await hashPassword(login.password),
        createdAt: new Date(),
        disabledAt: null,
      });
    }
    await manager.getRepository(ApiKeyEntity).insert({
      name: DEMO_API_KEY.name,
      keyHash: hashSecret(DEMO_API_KEY.key),
      scopes: DEMO_API_KEY.scopes,
      createdAt: new Date(),
      revokedAt: null,
    });
    for (const { cutoffLocalTime, ...merchant } of DEMO_MERCHANTS) {
      await manager.getRepository(WarehouseEntity).insert({
        ...merchant,
        cutoffMinute: parseLocalTime(cutoffLocalTime)!,
        kind: 'MERCHANT',
        active: true,
        endpointUrl: null,
        secret: DEMO_WMS_SECRET,
      });
    }
    for (const { cutoffLocalTime, ...warehouse } of DEMO_WAREHOUSES) {
      const { identifiers } = await manager.getRepository(WarehouseEntity).insert({
        ...warehouse,
        cutoffMinute: parseLocalTime(cutoffLocalTime)!,
        active: true,
        endpointUrl: null,
        secret: DEMO_WMS_SECRET,
      });
      const warehouseId = String(identifiers[0]!.id);
      await manager.getRepository(StockEntity).insert(
        DEMO_SKUS.map((sku) => ({
          warehouseId,
          sku: sku.sku,
          onHand: sku.scarce ? 3 : 20_000,
          reserved: 0,
        })),
      );
    }
  });
}

/** Demo mode (the start command): seeds everything when the database is empty, else leaves it as it is. */
export async function seedDemoIfEmpty(
  db: DataSource,
  config: Config,
  orderCount: number,
  log: (line: string) => void,
): Promise<void> {
  if (await db.getRepository(StaffEntity).exists()) return;
  const started = Date.now();
  log('demo: seeding staff, keys, warehouses and stock…');
  await seedReferenceData(db);
  if (!(await db.getRepository(OrderEntity).exists())) {
    log(`demo: generating ${orderCount} orders…`);
    await seedDemoOrders(db, config, orderCount);
  }
  log(`demo: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
