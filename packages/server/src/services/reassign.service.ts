import { checkTransition, parseOrderNumber } from '@oms/schema';
import type { DataSource, EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal.js';
import { domainError, badInput } from '../errors/domain-error.js';
import {
  OrderLineEntity,
  SubOrderEntity,
  SubOrderWarehouseEntity,
  WarehouseEntity,
} from '../entities/index.js';
import { enqueueOutbound } from '../jobs/outbox.js';
import { recordAudit, recordOrderEvent, staffActor } from './history.js';
import { dispatchReady } from './holds/dispatch-ready.js';
import { lockSubOrder } from './locks.js';
import {
  reassignInBulk,
  reassignRecords,
  type BulkOutcomes,
  type BulkReassignRequest,
} from './reassign/bulk-reassign.js';
import { applySubOrderEvent } from './status-writes.js';

/** A reassignment request (api.md reassignWarehouse). */
export interface ReassignRequest {
  readonly subOrderNumber: string;
  readonly warehouseCode: string;
  readonly reason: string;
  readonly expectedVersion?: number | null;
}

/**
 * Moves a sub-order to another warehouse (domain.md §3 转仓): only before PICKING, only to an active warehouse
 * that can handle its goods and has stock for every line. Stock moves in the same transaction (reserved at the new
 * warehouse, released at the old); a dispatched sub-order is withdrawn from the old warehouse (CANCEL, reason
 * REASSIGN) and dispatched to the new one, unless held. The history keeps every warehouse it passed through.
 */
export class ReassignService {
  constructor(
    private readonly db: DataSource,
    private readonly dispatchMaxAttempts: number,
  ) {}

  async reassign(
    staff: StaffPrincipal,
    request: ReassignRequest,
    address: string | null,
  ): Promise<SubOrderEntity> {
    const reason = request.reason.trim();
    if (!reason) throw badInput('reason', 'say why the sub-order moves');
    const parsed = parseOrderNumber(request.subOrderNumber);
    if (!parsed.ok || parsed.kind !== 'SUB_ORDER')
      throw domainError('INVALID_ORDER_NUMBER', 'Not a valid sub-order number.', {
        reason: parsed.ok ? 'NOT_A_SUB_ORDER' : parsed.reason,
      });
    const target = await this.db
      .getRepository(WarehouseEntity)
      .findOne({ where: { code: request.warehouseCode.trim() } });
    if (!target || !target.active || target.kind !== 'WAREHOUSE') {
      throw badInput('warehouseCode', `no active warehouse ${request.warehouseCode}`);
    }
    const found = await this.db
      .getRepository(SubOrderEntity)
      .findOne({ where: { number: parsed.number, shard: parsed.shard }, select: { id: true } });
    if (!found) throw domainError('NOT_FOUND', `No sub-order ${request.subOrderNumber}.`);
    return this.db.transaction(async (manager) => {
      const { order, subOrder } = await lockSubOrder(manager, found.id);
      if (request.expectedVersion != null && subOrder.version !== request.expectedVersion) {
        throw domainError(
          'VERSION_CONFLICT',
          `${subOrder.number} is at version ${subOrder.version}, not ${request.expectedVersion}: someone changed it first.`,
        );
      }
      if (subOrder.warehouseId === target.id)
        throw badInput('warehouseCode', `${subOrder.number} is already at ${target.code}`);
      if (subOrder.merchantId) {
        throw badInput(
          'subOrderNumber',
          `${subOrder.number} is shipped by merchant ${subOrder.merchantId}, not by a warehouse of ours`,
        );
      }
      const lines = await manager.getRepository(OrderLineEntity).find({ where: { subOrderId: subOrder.id } });
      const missing = (['COLD_CHAIN', 'OVERSIZE'] as const).filter(
        (c) => lines.some((l) => l.attributes.includes(c)) && !target.capabilities.includes(c),
      );
      if (missing.length)
        throw badInput('warehouseCode', `${target.code} cannot handle ${missing.join(', ')} goods`);
      const hasStock = await this.lockAndCheckStock(manager, target.id, subOrder.warehouseId, lines);
      const facts = { targetHasStock: hasStock, cancelRequested: subOrder.cancelRequestedAt !== null };
      const check = checkTransition('FULFILMENT', subOrder.status, 'REASSIGN_WAREHOUSE', facts);
      if (!check.ok && check.reason === 'GUARD_FAILED' && check.guard === 'targetHasStock') {
        throw domainError(
          'INSUFFICIENT_STOCK',
          `${target.code} does not have stock for every line of ${subOrder.number}.`,
        );
      }
      const from = subOrder.warehouseId;
      const fromCode = from
        ? (await manager.getRepository(WarehouseEntity).findOneByOrFail({ id: from })).code
        : null;
      const row = await applySubOrderEvent(
        manager,
        order,
        subOrder,
        'REASSIGN_WAREHOUSE',
        facts,
        staffActor(staff),
        { from: fromCode, to: target.code },
        reason,
      );
      if (row.effects.includes('WITHDRAW_FROM_WAREHOUSE') && from)
        await enqueueOutbound(manager, subOrder, from, 'CANCEL', 'REASSIGN', this.dispatchMaxAttempts);
      await this.moveReservation(manager, lines, from, target.id);
      const now = new Date();
      await manager.getRepository(SubOrderEntity).update(subOrder.id, {
        warehouseId: target.id,
        outOfStock: false,
        dispatchState: 'NONE',
        lateMinutes: null,
      });
      Object.assign(subOrder, {
        warehouseId: target.id,
        outOfStock: false,
        dispatchState: 'NONE',
        lateMinutes: null,
      });
      if (from)
        await manager.query(
          'UPDATE sub_order_warehouses SET released_at = $2 WHERE sub_order_id = $1 AND released_at IS NULL',
          [subOrder.id, now],
        );
      await manager.getRepository(SubOrderWarehouseEntity).insert({
        subOrderId: subOrder.id,
        orderId: order.id,
        shard: order.shard,
        warehouseId: target.id,
        assignedAt: now,
        releasedAt: null,
        reason: 'REASSIGN',
      });
      const records = reassignRecords({
        order,
        subOrder,
        fromCode,
        targetCode: target.code,
        staff,
        reason,
        address,
      });
      await recordOrderEvent(manager, records.event);
      await dispatchReady(manager, [subOrder], this.dispatchMaxAttempts);
      await recordAudit(manager, records.audit);
      return subOrder;
    });
  }

  /** Moves many sub-orders at once, set-based in chunks (see reassignInBulk); outcomes per number as given. */
  reassignMany(
    staff: StaffPrincipal,
    request: BulkReassignRequest,
    address: string | null,
  ): Promise<BulkOutcomes> {
    return reassignInBulk(this.db, this.dispatchMaxAttempts, staff, request, address);
  }

  /** Locks the stock rows of both warehouses for the sub-order's skus (fixed order) and checks the target has enough. */
  private async lockAndCheckStock(
    manager: EntityManager,
    targetId: string,
    fromId: string | null,
    lines: OrderLineEntity[],
  ): Promise<boolean> {
    const need = new Map<string, number>();
    for (const line of lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
    const rows: { warehouse_id: string; sku: string; available: number }[] = await manager.query(
      `SELECT warehouse_id::text, sku, on_hand - reserved AS available FROM stock
       WHERE warehouse_id = ANY($1::bigint[]) AND sku = ANY($2) ORDER BY warehouse_id, sku FOR UPDATE`,
      [[targetId, ...(fromId ? [fromId] : [])], [...need.keys()]],
    );
    return [...need].every(
      ([sku, quantity]) =>
        (rows.find((r) => r.warehouse_id === targetId && r.sku === sku)?.available ?? 0) >= quantity,
    );
  }

  private async moveReservation(
    manager: EntityManager,
    lines: OrderLineEntity[],
    fromId: string | null,
    toId: string,
  ): Promise<void> {
    for (const line of lines) {
      if (fromId)
        await manager.query(
          'UPDATE stock SET reserved = reserved - $3 WHERE warehouse_id = $1 AND sku = $2 AND reserved >= $3',
          [fromId, line.sku, line.quantity],
        );
      await manager.query('UPDATE stock SET reserved = reserved + $3 WHERE warehouse_id = $1 AND sku = $2', [
        toId,
        line.sku,
        line.quantity,
      ]);
    }
  }
}
