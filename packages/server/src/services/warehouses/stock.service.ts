import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput } from '../../errors/domain-error.js';
import { WarehouseEntity } from '../../entities/index.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit } from '../helpers/history.js';
import { lockStock } from '../helpers/locks.js';

/** A stock level as an admin sets it (docs/api.md `setStock`). */
export interface SetStockRequest {
  readonly warehouseCode: string;
  readonly sku: string;
  readonly onHand: number;
}

/**
 * Stock levels of warehouses, set by admins (an offline warehouse's too, to restock it before it is back); never below
 * what is reserved, never at a merchant's location (it holds no stock of ours). Audited with the level before.
 */
export class StockService {
  constructor(private readonly deps: ServiceDeps) {}

  async set(
    staff: StaffPrincipal,
    request: SetStockRequest,
    address: string | null,
  ): Promise<WarehouseEntity> {
    if (!Number.isSafeInteger(request.onHand) || request.onHand < 0)
      throw badInput('onHand', 'must be a whole number ≥ 0');
    const sku = request.sku.trim();
    if (!sku || sku.length > 64) throw badInput('sku', '1–64 characters');
    return inTransaction(this.deps, async ({ manager }) => {
      const warehouse = await manager
        .getRepository(WarehouseEntity)
        .findOne({ where: { code: request.warehouseCode.trim() } });
      if (!warehouse) throw badInput('warehouseCode', `no warehouse ${request.warehouseCode}`);
      if (warehouse.kind !== 'WAREHOUSE')
        throw badInput('warehouseCode', `${warehouse.code} is a merchant's location: it holds no stock here`);
      const [row] = await lockStock(manager, [warehouse.id], [sku]);
      if (row && request.onHand < row.reserved)
        throw badInput('onHand', `${row.reserved} units are reserved; on hand cannot go below that`);
      await manager.query(
        `INSERT INTO stock (warehouse_id, sku, on_hand, reserved) VALUES ($1, $2, $3, 0)
         ON CONFLICT (warehouse_id, sku) DO UPDATE SET on_hand = EXCLUDED.on_hand`,
        [warehouse.id, sku, request.onHand],
      );
      await recordAudit(manager, {
        staff,
        action: 'SET_STOCK',
        before: row ? { onHand: row.onHand, reserved: row.reserved } : null,
        after: { warehouse: warehouse.code, sku, onHand: request.onHand },
        reason: `stock of ${sku} at ${warehouse.code}`,
        address,
      });
      return warehouse;
    });
  }
}
