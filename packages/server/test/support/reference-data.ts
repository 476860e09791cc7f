import {
  API_KEY_SCOPES,
  parseLocalTime,
  type Region,
  type StaffRole,
  type WarehouseCapability,
} from '@oms/schema';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/passwords.js';
import { hashSecret } from '../../src/auth/tokens.js';
import {
  ApiKeyEntity,
  PaymentChannelEntity,
  StaffEntity,
  StockEntity,
  WarehouseEntity,
} from '../../src/entities/index.js';
import { REFUND_CHANNELS } from '../../src/services/refunds/refunds.service.js';

/** The integration key the tests' storefront sends (every scope). */
export const TEST_API_KEY = 'test-storefront-key';
/** The webhook secret of every test warehouse and merchant. */
export const TEST_WMS_SECRET = 'test-wms-secret';
/** The secret of every test payment channel (no endpoint until a test gives one). */
export const TEST_PAYMENT_SECRET = 'test-payment-channel-secret';

/** One account per role; each password is the username followed by 123. */
const STAFF: readonly (readonly [username: string, role: StaffRole])[] = [
  ['agent', 'AGENT'],
  ['ops', 'OPS'],
  ['manager', 'MANAGER'],
  ['admin', 'ADMIN'],
];

type Location = readonly [
  code: string,
  region: Region,
  capabilities: readonly WarehouseCapability[],
  slaAcceptMinutes: number,
  cutoffLocalTime: string,
];

/** Third-party merchants that ship their own goods: no stock, never a routing target. */
const MERCHANTS: readonly Location[] = [
  ['M-YUNCHA', 'SOUTHWEST', [], 120, '16:00'],
  ['M-JDZ', 'EAST', [], 120, '16:00'],
];

/** Warehouses in five regions, the tests' split and reassignment cases depend on their regions and handling. */
const WAREHOUSES: readonly Location[] = [
  ['BJ01', 'NORTH', ['COLD_CHAIN', 'OVERSIZE'], 30, '11:00'],
  ['SH01', 'EAST', ['COLD_CHAIN'], 30, '11:00'],
  ['GZ01', 'SOUTH', ['OVERSIZE'], 45, '12:00'],
  ['WH01', 'CENTRAL', ['OVERSIZE'], 45, '11:00'],
  ['CD01', 'SOUTHWEST', ['COLD_CHAIN'], 60, '10:00'],
];

/** The skus the tests order, stocked at every warehouse: 20,000 units, the scarce ones 3. */
const SKUS = [
  ...['100003', '100005', '100006', '100007', '100008', '100009', '100010', '100011', '100012', '100013'],
  ...['200001', '200002', '200003', '300002', '400001', '600001', '600002', '900001'],
].map((n) => `SKU-${n}`);
const SCARCE_SKUS = ['SKU-500001', 'SKU-500002'];

/** The reference data of the server's tests: staff, an integration key, warehouses, merchants and stock. */
export async function seedReferenceData(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    for (const [username, role] of STAFF) {
      await manager.getRepository(StaffEntity).insert({
        username,
        displayName: `${role} ${username}`,
        role,
        passwordHash: await hashPassword(`${username}123`),
        createdAt: new Date(),
        disabledAt: null,
      });
    }
    await manager.getRepository(PaymentChannelEntity).insert(
      REFUND_CHANNELS.map((method) => ({
        method,
        endpointUrl: null,
        secret: TEST_PAYMENT_SECRET,
        updatedAt: new Date(),
        updatedBy: null,
      })),
    );
    await manager.getRepository(ApiKeyEntity).insert({
      name: 'test storefront',
      keyHash: hashSecret(TEST_API_KEY),
      scopes: [...API_KEY_SCOPES],
      createdAt: new Date(),
      revokedAt: null,
    });
    const locations = [
      ...MERCHANTS.map((location) => ({ location, kind: 'MERCHANT' as const })),
      ...WAREHOUSES.map((location) => ({ location, kind: 'WAREHOUSE' as const })),
    ];
    for (const { location, kind } of locations) {
      const [code, region, capabilities, slaAcceptMinutes, cutoffLocalTime] = location;
      const { identifiers } = await manager.getRepository(WarehouseEntity).insert({
        code,
        kind,
        name: `${code} test location`,
        region,
        province: region,
        city: region,
        address: code,
        branch: region,
        active: true,
        capabilities: [...capabilities],
        slaAcceptMinutes,
        cutoffMinute: parseLocalTime(cutoffLocalTime)!,
        endpointUrl: null,
        secret: TEST_WMS_SECRET,
      });
      if (kind === 'MERCHANT') continue;
      const warehouseId = String(identifiers[0]!.id);
      await manager
        .getRepository(StockEntity)
        .insert([
          ...SKUS.map((sku) => ({ warehouseId, sku, onHand: 20_000, reserved: 0 })),
          ...SCARCE_SKUS.map((sku) => ({ warehouseId, sku, onHand: 3, reserved: 0 })),
        ]);
    }
  });
}
