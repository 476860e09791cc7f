import { assertTransition, checkTransition, parseOrderNumber, type FulfilmentStatus } from '@oms/schema';
import type { DataSource, EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { recordset } from '../../database/recordset.js';
import { WarehouseEntity } from '../../entities/index.js';
import { enqueueOutboundMany, type OutboundInput } from '../../jobs/outbox.js';
import { activeLogger } from '../../logging/request-scope.js';
import {
  recordAudits,
  recordOrderEvents,
  staffActor,
  type AuditInput,
  type OrderEventInput,
} from '../history.js';
import { dispatchReadyMany } from '../holds/dispatch-ready.js';
import { applySubOrderEvents } from '../status-writes.js';

/** A bulk reassignment (api.md bulkReassignWarehouse). */
export interface BulkReassignRequest {
  readonly subOrderNumbers: readonly string[];
  readonly warehouseCode: string;
  readonly reason: string;
}

/** Per sub-order number as given: null when moved, else the error that refused it (or broke its chunk). */
export type BulkOutcomes = Map<string, unknown>;

/** Sub-orders per transaction: big enough that statements stay few, small enough that locks stay short. */
export const REASSIGN_CHUNK = 1000;

interface Target {
  readonly id: string;
  readonly code: string;
  readonly capabilities: readonly string[];
}

interface LockedSubOrder {
  id: string;
  number: string;
  orderId: string;
  shard: number;
  status: FulfilmentStatus;
  version: number;
  warehouseId: string | null;
  warehouseCode: string | null;
  merchantId: string | null;
  held: boolean;
  dispatchState: 'NONE' | 'PENDING' | 'ACKNOWLEDGED';
  cancelRequestedAt: Date | null;
}

interface Line {
  readonly subOrderId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly attributes: readonly string[];
}

interface Item {
  readonly input: string;
  readonly number: string;
  readonly shard: number;
}

interface Accepted {
  readonly subOrder: LockedSubOrder;
  readonly order: { id: string; shard: number; number: string };
  readonly from: string | null;
  readonly fromCode: string | null;
  readonly need: Map<string, number>;
  readonly facts: { targetHasStock: boolean; cancelRequested: boolean };
}

/**
 * Moves many sub-orders to one warehouse (domain.md §3 转仓) with the rules of ReassignService.reassign, set-based:
 * chunks of REASSIGN_CHUNK, each ONE transaction of a fixed number of statements. A chunk locks parents, then
 * sub-orders, then every stock row involved, each in id order (reliability.md), decides its items in input order
 * against an in-memory ledger of the target's stock (two items competing for the last units get exactly what
 * exists), and writes the accepted ones together. An unexpected error rolls its chunk back whole; its items report
 * that error, the other chunks stand.
 */
export async function reassignInBulk(
  db: DataSource,
  dispatchMaxAttempts: number,
  staff: StaffPrincipal,
  request: BulkReassignRequest,
  address: string | null,
  chunkSize = REASSIGN_CHUNK,
): Promise<BulkOutcomes> {
  const outcomes: BulkOutcomes = new Map();
  const unique = [...new Set(request.subOrderNumbers)];
  const reason = request.reason.trim();
  if (!reason) {
    for (const input of unique) outcomes.set(input, badInput('reason', 'say why the sub-order moves'));
    return outcomes;
  }
  const items: Item[] = [];
  for (const input of unique) {
    const parsed = parseOrderNumber(input);
    if (parsed.ok && parsed.kind === 'SUB_ORDER')
      items.push({ input, number: parsed.number, shard: parsed.shard });
    else
      outcomes.set(
        input,
        domainError('INVALID_ORDER_NUMBER', 'Not a valid sub-order number.', {
          reason: parsed.ok ? 'NOT_A_SUB_ORDER' : parsed.reason,
        }),
      );
  }
  if (!items.length) return outcomes;
  const warehouse = await db
    .getRepository(WarehouseEntity)
    .findOne({ where: { code: request.warehouseCode.trim() } });
  if (!warehouse || !warehouse.active || warehouse.kind !== 'WAREHOUSE') {
    const refused = badInput('warehouseCode', `no active warehouse ${request.warehouseCode}`);
    for (const item of items) outcomes.set(item.input, refused);
    return outcomes;
  }
  const target: Target = { id: warehouse.id, code: warehouse.code, capabilities: warehouse.capabilities };
  for (let start = 0; start < items.length; start += chunkSize) {
    const chunk = items.slice(start, start + chunkSize);
    const decided: BulkOutcomes = new Map();
    try {
      await db.transaction((manager) =>
        reassignChunk(manager, dispatchMaxAttempts, staff, target, chunk, reason, address, decided),
      );
      for (const [input, outcome] of decided) outcomes.set(input, outcome);
    } catch (error) {
      activeLogger().error({ err: error, items: chunk.length }, 'bulk reassign chunk rolled back');
      for (const item of chunk) {
        const refusal = decided.get(item.input);
        outcomes.set(item.input, refusal ?? error);
      }
    }
  }
  return outcomes;
}

async function reassignChunk(
  manager: EntityManager,
  dispatchMaxAttempts: number,
  staff: StaffPrincipal,
  target: Target,
  chunk: readonly Item[],
  reason: string,
  address: string | null,
  decided: BulkOutcomes,
): Promise<void> {
  const keys = [chunk.map((item) => item.number), chunk.map((item) => item.shard)];
  const orders: { id: string; shard: number; number: string }[] = await manager.query(
    `SELECT o.id, o.shard, o.number FROM orders o
     WHERE o.id = ANY(ARRAY(SELECT s.order_id FROM sub_orders s
       JOIN unnest($1::bpchar[], $2::smallint[]) AS k(number, shard) ON s.number = k.number AND s.shard = k.shard))
     ORDER BY o.id FOR UPDATE OF o`,
    keys,
  );
  const subOrders: LockedSubOrder[] = await manager.query(
    `SELECT s.id, s.number, s.order_id AS "orderId", s.shard, s.status, s.version, s.warehouse_id AS "warehouseId",
       w.code AS "warehouseCode", s.merchant_id AS "merchantId", s.held, s.dispatch_state AS "dispatchState",
       s.cancel_requested_at AS "cancelRequestedAt"
     FROM sub_orders s
     JOIN unnest($1::bpchar[], $2::smallint[]) AS k(number, shard) ON s.number = k.number AND s.shard = k.shard
     LEFT JOIN warehouses w ON w.id = s.warehouse_id
     ORDER BY s.id FOR UPDATE OF s`,
    keys,
  );
  const orderById = new Map(orders.map((order) => [order.id, order]));
  const subOrderByNumber = new Map(subOrders.map((subOrder) => [subOrder.number, subOrder]));
  const lines: Line[] = subOrders.length
    ? await manager.query(
        `SELECT sub_order_id AS "subOrderId", sku, quantity, attributes FROM order_lines
         WHERE sub_order_id = ANY($1::bigint[])`,
        [subOrders.map((subOrder) => subOrder.id)],
      )
    : [];
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) linesOf.set(line.subOrderId, [...(linesOf.get(line.subOrderId) ?? []), line]);

  const candidates: { item: Item; subOrder: LockedSubOrder; lines: Line[] }[] = [];
  for (const item of chunk) {
    const subOrder = subOrderByNumber.get(item.number);
    if (!subOrder) {
      decided.set(item.input, domainError('NOT_FOUND', `No sub-order ${item.input}.`));
      continue;
    }
    const refusal = refusalBeforeStock(subOrder, linesOf.get(subOrder.id) ?? [], target);
    if (refusal) decided.set(item.input, refusal);
    else candidates.push({ item, subOrder, lines: linesOf.get(subOrder.id) ?? [] });
  }
  const available = await lockStock(manager, target.id, candidates);

  const accepted: Accepted[] = [];
  const moved = new Set<string>();
  for (const { item, subOrder, lines: itsLines } of candidates) {
    if (moved.has(subOrder.id)) {
      decided.set(item.input, badInput('warehouseCode', `${subOrder.number} is already at ${target.code}`));
      continue;
    }
    const need = new Map<string, number>();
    for (const line of itsLines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
    const facts = {
      targetHasStock: [...need].every(([sku, quantity]) => (available.get(sku) ?? 0) >= quantity),
      cancelRequested: subOrder.cancelRequestedAt !== null,
    };
    const check = checkTransition('FULFILMENT', subOrder.status, 'REASSIGN_WAREHOUSE', facts);
    if (!check.ok) {
      decided.set(item.input, refusalOf(check, subOrder, target, facts));
      continue;
    }
    for (const [sku, quantity] of need) available.set(sku, (available.get(sku) ?? 0) - quantity);
    moved.add(subOrder.id);
    accepted.push({
      subOrder,
      order: orderById.get(subOrder.orderId)!,
      from: subOrder.warehouseId,
      fromCode: subOrder.warehouseCode,
      need,
      facts,
    });
    decided.set(item.input, null);
  }
  if (accepted.length)
    await writeAccepted(manager, dispatchMaxAttempts, staff, target, accepted, reason, address);
}

/** The refusals ReassignService.reassign makes before it looks at stock, in its order. */
function refusalBeforeStock(subOrder: LockedSubOrder, lines: readonly Line[], target: Target): unknown {
  if (subOrder.warehouseId === target.id)
    return badInput('warehouseCode', `${subOrder.number} is already at ${target.code}`);
  if (subOrder.merchantId)
    return badInput(
      'subOrderNumber',
      `${subOrder.number} is shipped by merchant ${subOrder.merchantId}, not by a warehouse of ours`,
    );
  const missing = (['COLD_CHAIN', 'OVERSIZE'] as const).filter(
    (c) => lines.some((l) => l.attributes.includes(c)) && !target.capabilities.includes(c),
  );
  if (missing.length)
    return badInput('warehouseCode', `${target.code} cannot handle ${missing.join(', ')} goods`);
  return null;
}

/** The error for a refused transition, as the single path reports it. */
function refusalOf(
  check: Exclude<ReturnType<typeof checkTransition<'FULFILMENT'>>, { ok: true }>,
  subOrder: LockedSubOrder,
  target: Target,
  facts: Accepted['facts'],
): unknown {
  if (check.reason === 'GUARD_FAILED' && check.guard === 'targetHasStock')
    return domainError(
      'INSUFFICIENT_STOCK',
      `${target.code} does not have stock for every line of ${subOrder.number}.`,
    );
  try {
    assertTransition('FULFILMENT', subOrder.status, 'REASSIGN_WAREHOUSE', facts);
  } catch (error) {
    return error;
  }
  return null;
}

/**
 * Locks every stock row the candidates touch (the target's and each source's, for their skus) in one statement,
 * ordered by warehouse and sku; returns what the target has available per sku.
 */
async function lockStock(
  manager: EntityManager,
  targetId: string,
  candidates: readonly { subOrder: LockedSubOrder; lines: Line[] }[],
): Promise<Map<string, number>> {
  const pairs = new Set<string>();
  for (const { subOrder, lines } of candidates)
    for (const line of lines) {
      pairs.add(`${targetId}\u0000${line.sku}`);
      if (subOrder.warehouseId) pairs.add(`${subOrder.warehouseId}\u0000${line.sku}`);
    }
  if (!pairs.size) return new Map();
  const split = [...pairs].map((pair) => pair.split('\u0000') as [string, string]);
  const rows: { warehouseId: string; sku: string; available: number }[] = await manager.query(
    `SELECT s.warehouse_id AS "warehouseId", s.sku, s.on_hand - s.reserved AS available FROM stock s
     JOIN unnest($1::bigint[], $2::text[]) AS k(warehouse_id, sku) ON s.warehouse_id = k.warehouse_id AND s.sku = k.sku
     ORDER BY s.warehouse_id, s.sku FOR UPDATE OF s`,
    [split.map(([warehouseId]) => warehouseId), split.map(([, sku]) => sku)],
  );
  return new Map(rows.filter((row) => row.warehouseId === targetId).map((row) => [row.sku, row.available]));
}

/** Writes the accepted moves of a chunk, each step one statement for all of them. */
async function writeAccepted(
  manager: EntityManager,
  dispatchMaxAttempts: number,
  staff: StaffPrincipal,
  target: Target,
  accepted: readonly Accepted[],
  reason: string,
  address: string | null,
): Promise<void> {
  const actor = staffActor(staff);
  const rows = await applySubOrderEvents(
    manager,
    accepted.map(({ order, subOrder, facts, fromCode }) => ({
      order,
      subOrder,
      facts,
      details: { from: fromCode, to: target.code },
    })),
    'REASSIGN_WAREHOUSE',
    actor,
    reason,
  );
  const withdrawals: OutboundInput[] = accepted.flatMap(({ subOrder, from }, k) =>
    rows[k]!.effects.includes('WITHDRAW_FROM_WAREHOUSE') && from
      ? [{ subOrder, warehouseId: from, type: 'CANCEL' as const, reason: 'REASSIGN' }]
      : [],
  );
  await enqueueOutboundMany(manager, withdrawals, dispatchMaxAttempts);

  const delta = new Map<string, { warehouse_id: string; sku: string; delta: number }>();
  const shift = (warehouseId: string, sku: string, quantity: number) => {
    const key = `${warehouseId}\u0000${sku}`;
    const entry = delta.get(key) ?? { warehouse_id: warehouseId, sku, delta: 0 };
    entry.delta += quantity;
    delta.set(key, entry);
  };
  for (const { from, need } of accepted)
    for (const [sku, quantity] of need) {
      if (from) shift(from, sku, -quantity);
      shift(target.id, sku, quantity);
    }
  await manager.query(
    `UPDATE stock s SET reserved = s.reserved + x.delta
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, warehouse_id bigint, sku text, delta int)
     WHERE s.warehouse_id = x.warehouse_id AND s.sku = x.sku AND s.reserved + x.delta >= 0`,
    [recordset([...delta.values()].filter((entry) => entry.delta !== 0))],
  );

  const now = new Date();
  const ids = accepted.map(({ subOrder }) => subOrder.id);
  await manager.query(
    `UPDATE sub_orders SET warehouse_id = $2, out_of_stock = false, dispatch_state = 'NONE', late_minutes = NULL
     WHERE id = ANY($1::bigint[])`,
    [ids, target.id],
  );
  const left = accepted.filter(({ from }) => from).map(({ subOrder }) => subOrder.id);
  if (left.length)
    await manager.query(
      'UPDATE sub_order_warehouses SET released_at = $2 WHERE sub_order_id = ANY($1::bigint[]) AND released_at IS NULL',
      [left, now],
    );
  await manager.query(
    `INSERT INTO sub_order_warehouses (sub_order_id, order_id, shard, warehouse_id, assigned_at, released_at, reason)
     SELECT id, order_id, shard, $4, $5, NULL, 'REASSIGN'
     FROM unnest($1::bigint[], $2::bigint[], $3::smallint[]) WITH ORDINALITY AS x(id, order_id, shard, i) ORDER BY i`,
    [ids, accepted.map(({ order }) => order.id), accepted.map(({ order }) => order.shard), target.id, now],
  );
  const records = accepted.map(({ order, subOrder, fromCode }) =>
    reassignRecords({ order, subOrder, fromCode, targetCode: target.code, staff, reason, address, at: now }),
  );
  await recordOrderEvents(
    manager,
    records.map((r) => r.event),
  );
  for (const { subOrder } of accepted)
    Object.assign(subOrder, { warehouseId: target.id, dispatchState: 'NONE', warehouseCode: target.code });
  await dispatchReadyMany(
    manager,
    accepted.map(({ subOrder }) => subOrder),
    dispatchMaxAttempts,
  );
  await recordAudits(
    manager,
    records.map((r) => r.audit),
  );
}

/** The timeline entry and the audit row of one reassignment: the single and the bulk path write the same ones. */
export function reassignRecords(r: {
  readonly order: { id: string; shard: number; number: string };
  readonly subOrder: { id: string; number: string };
  readonly fromCode: string | null;
  readonly targetCode: string;
  readonly staff: StaffPrincipal;
  readonly reason: string;
  readonly address: string | null;
  readonly at?: Date;
}): { event: OrderEventInput; audit: AuditInput } {
  return {
    event: {
      order: r.order,
      subOrderId: r.subOrder.id,
      type: 'WAREHOUSE_REASSIGNED',
      actor: staffActor(r.staff),
      reason: r.reason,
      after: { from: r.fromCode, to: r.targetCode },
      at: r.at,
    },
    audit: {
      staff: r.staff,
      action: 'REASSIGN_WAREHOUSE',
      orderNumber: r.order.number,
      before: { warehouse: r.fromCode },
      after: { warehouse: r.targetCode, subOrderNumber: r.subOrder.number },
      reason: r.reason,
      address: r.address,
    },
  };
}
