import { assertTransition, checkTransition } from '@oms/schema';
import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import type { Tx } from '../helpers/deps.js';
import { dispatchReady } from '../helpers/dispatch.js';
import { recordAudits, recordOrderEvents, staffActor } from '../helpers/history.js';
import { lockStockPairs, lockSubOrdersByNumbers, type LockedSubOrderRow } from '../helpers/locks.js';
import { quantitiesOf } from '../helpers/stock.js';
import { applySubOrderEvents } from '../helpers/transitions.js';

/** Per sub-order number as given: null when moved, else the error that refused it (or broke its chunk). */
export type ReassignOutcomes = Map<string, unknown>;

/** Sub-orders per transaction: big enough that statements stay few, small enough that locks stay short. */
export const REASSIGN_CHUNK = 1000;

/** The warehouse sub-orders move to. */
export interface ReassignTarget {
  readonly id: string;
  readonly code: string;
  readonly capabilities: readonly string[];
}

/** One sub-order to move, by its checked number; `expectedVersion` refuses it when it moved on since. */
export interface ReassignItem {
  readonly input: string;
  readonly number: string;
  readonly shard: number;
  readonly expectedVersion?: number | null;
}

type LockedSubOrder = LockedSubOrderRow;

interface Line {
  readonly subOrderId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly attributes: readonly string[];
}

interface Accepted {
  readonly subOrder: LockedSubOrder;
  readonly order: { id: string; shard: number; number: string };
  readonly fromCode: string | null;
  readonly need: Map<string, number>;
  readonly facts: { targetHasStock: boolean; cancelRequested: boolean };
}

/**
 * Moves sub-orders to one warehouse (docs/domain.md §3 转仓) in the caller's transaction, in a fixed number of
 * statements however many: only before PICKING, only to a warehouse that can handle their goods and has stock for
 * every line. Locks parents, then sub-orders, then every stock row involved, each in id order (docs/reliability.md);
 * decides the items in input order against an in-memory ledger of the target's stock (two items competing for the
 * last units get exactly what exists); writes the accepted ones together: the transition (whose effects move the
 * reservations and withdraw dispatched ones from their old warehouse), the new stay, the timeline, the dispatch to
 * the new warehouse unless held, the audit. Records each item's outcome in `decided`.
 */
export async function reassignChunk(
  tx: Tx,
  staff: StaffPrincipal,
  target: ReassignTarget,
  chunk: readonly ReassignItem[],
  reason: string,
  address: string | null,
  decided: ReassignOutcomes,
): Promise<void> {
  const { manager } = tx;
  const { orders, subOrders } = await lockSubOrdersByNumbers(manager, chunk);
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

  const candidates: { item: ReassignItem; subOrder: LockedSubOrder; lines: Line[] }[] = [];
  for (const item of chunk) {
    const subOrder = subOrderByNumber.get(item.number);
    if (!subOrder) {
      decided.set(item.input, domainError('NOT_FOUND', `No sub-order ${item.input}.`));
      continue;
    }
    const refusal = refusalBeforeStock(item, subOrder, linesOf.get(subOrder.id) ?? [], target);
    if (refusal) decided.set(item.input, refusal);
    else candidates.push({ item, subOrder, lines: linesOf.get(subOrder.id) ?? [] });
  }
  const stock = await lockStockPairs(
    manager,
    candidates.flatMap(({ subOrder, lines: itsLines }) =>
      itsLines.flatMap((line) => [
        [target.id, line.sku] as const,
        ...(subOrder.warehouseId ? [[subOrder.warehouseId, line.sku] as const] : []),
      ]),
    ),
  );
  const available = new Map(
    stock.filter((row) => row.warehouseId === target.id).map((row) => [row.sku, row.available]),
  );

  const accepted: Accepted[] = [];
  const moved = new Set<string>();
  for (const { item, subOrder, lines: itsLines } of candidates) {
    if (moved.has(subOrder.id)) {
      decided.set(item.input, badInput('warehouseCode', `${subOrder.number} is already at ${target.code}`));
      continue;
    }
    const need = quantitiesOf(itsLines);
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
      fromCode: subOrder.warehouseCode,
      need,
      facts,
    });
    decided.set(item.input, null);
  }
  if (accepted.length) await writeAccepted(tx, staff, target, accepted, reason, address);
}

/** The refusals made before stock is looked at, in this order. */
function refusalBeforeStock(
  item: ReassignItem,
  subOrder: LockedSubOrder,
  lines: readonly Line[],
  target: ReassignTarget,
): unknown {
  if (item.expectedVersion != null && subOrder.version !== item.expectedVersion)
    return domainError(
      'VERSION_CONFLICT',
      `${subOrder.number} is at version ${subOrder.version}, not ${item.expectedVersion}: someone changed it first.`,
    );
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

/** The error for a refused transition: out of stock, or the table's own refusal naming the current state. */
function refusalOf(
  check: Exclude<ReturnType<typeof checkTransition<'FULFILMENT'>>, { ok: true }>,
  subOrder: LockedSubOrder,
  target: ReassignTarget,
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

/** Writes the accepted moves of a chunk, each step one statement for all of them. */
async function writeAccepted(
  tx: Tx,
  staff: StaffPrincipal,
  target: ReassignTarget,
  accepted: readonly Accepted[],
  reason: string,
  address: string | null,
): Promise<void> {
  const { manager } = tx;
  await applySubOrderEvents(
    tx,
    accepted.map(({ order, subOrder, facts, fromCode, need }) => ({
      order,
      subOrder,
      facts,
      details: { from: fromCode, to: target.code },
      params: { move: { to: target.id, need } },
    })),
    'REASSIGN_WAREHOUSE',
    staffActor(staff),
    reason,
  );
  const now = new Date();
  const ids = accepted.map(({ subOrder }) => subOrder.id);
  await manager.query(
    `UPDATE sub_orders SET warehouse_id = $2, out_of_stock = false, dispatch_state = 'NONE', late_minutes = NULL
     WHERE id = ANY($1::bigint[])`,
    [ids, target.id],
  );
  const left = accepted.filter(({ fromCode }) => fromCode !== null).map(({ subOrder }) => subOrder.id);
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
  const actor = staffActor(staff);
  await recordOrderEvents(
    manager,
    accepted.map(({ order, subOrder, fromCode }) => ({
      order,
      subOrderId: subOrder.id,
      type: 'WAREHOUSE_REASSIGNED',
      actor,
      reason,
      after: { from: fromCode, to: target.code },
      at: now,
    })),
  );
  for (const { subOrder } of accepted)
    Object.assign(subOrder, { warehouseId: target.id, dispatchState: 'NONE', warehouseCode: target.code });
  await dispatchReady(
    tx,
    accepted.map(({ subOrder }) => subOrder),
  );
  await recordAudits(
    manager,
    accepted.map(({ order, subOrder, fromCode }) => ({
      staff,
      action: 'REASSIGN_WAREHOUSE',
      orderNumber: order.number,
      before: { warehouse: fromCode },
      after: { warehouse: target.code, subOrderNumber: subOrder.number },
      reason,
      address,
    })),
  );
}
