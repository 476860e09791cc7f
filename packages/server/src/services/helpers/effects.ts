import type { EffectName, TransitionRow } from '@oms/schema';
import { selectEntities } from '../../database/select-entities.js';
import { SubOrderEntity, type OrderEntity } from '../../entities/index.js';
import type { Tx } from './deps.js';
import { dispatchReady } from './dispatch.js';
import { recordOrderEvents, type Actor } from './history.js';
import { raiseHold, type HoldRequest } from './holds.js';
import { collectCashOnDelivery } from './payments.js';
import { refundSubOrder, refundWholeOrder } from './refunds.js';
import { recordShipment, type ShippedParcels } from './shipments.js';
import { moveReservations, releaseReservations, type SkuQuantities } from './stock.js';

/** What an effect may need beyond the order and sub-order: brought by the use case that applies the transition. */
export interface EffectParams {
  /** HOLD: what the new hold says (it holds the target's sub-order, or the whole order when there is none). */
  readonly hold?: Omit<HoldRequest, 'subOrderId'>;
  /** MOVE_RESERVATION: the warehouse the sub-order moves to, and what it needs there. */
  readonly move?: { readonly to: string; readonly need: SkuQuantities };
  /** CREATE_SHIPMENTS: the parcels the warehouse shipped. */
  readonly shipped?: ShippedParcels;
}

/** One object a transition was applied to. */
export interface EffectTarget {
  readonly order: Pick<OrderEntity, 'id' | 'shard' | 'number'> & Partial<OrderEntity>;
  readonly subOrder?:
    | (Pick<SubOrderEntity, 'id' | 'orderId' | 'shard' | 'number' | 'status' | 'warehouseId'> &
        Partial<SubOrderEntity>)
    | null;
  readonly params?: EffectParams;
}

/** Where and for whom effects run: the transaction of the change, who made it and why. */
export interface EffectContext {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly reason: string | null;
}

/** Runs one effect for every target whose transition named it, set-based where the work allows. */
type EffectHandler = (context: EffectContext, targets: readonly EffectTarget[]) => Promise<void>;

function subOrderOf(target: EffectTarget, effect: EffectName) {
  if (!target.subOrder) throw new Error(`${effect} needs a sub-order`);
  return target.subOrder;
}

/** The target's whole order, for effects that need its figures (the callers that name them load it whole). */
function wholeOrder(target: EffectTarget, effect: EffectName): OrderEntity {
  const order = target.order as OrderEntity;
  if (order.payableFen === undefined) throw new Error(`${effect} needs the whole order`);
  return order;
}

function paramOf<K extends keyof EffectParams>(
  target: EffectTarget,
  key: K,
  effect: EffectName,
): NonNullable<EffectParams[K]> {
  const value = target.params?.[key];
  if (value == null) throw new Error(`${effect} needs params.${key}`);
  return value;
}

/** `effect`: a message of `type` to the warehouse each target's sub-order is at (targets at none are skipped). */
function toWarehouses(
  effect: EffectName,
  type: 'CANCEL' | 'INTERCEPT',
  reason: (context: EffectContext) => string | null,
): EffectHandler {
  return async (context, targets) => {
    const messages = targets.flatMap((target) => {
      const subOrder = subOrderOf(target, effect);
      return subOrder.warehouseId
        ? [{ subOrder, warehouseId: subOrder.warehouseId, type, reason: reason(context) }]
        : [];
    });
    await context.tx.outbox.enqueue(context.tx.manager, messages);
  };
}

/**
 * The one handler of each effect the transition table names (packages/schema `EFFECT_NAMES`): a name without a
 * handler fails type-checking, and no effect is run anywhere else.
 */
const HANDLERS: Readonly<Record<EffectName, EffectHandler>> = {
  // Before the split each payment goes back whole; after it, a sub-order refunds its lines' frozen shares.
  REFUND_PAYMENTS: async ({ tx, actor, reason }, targets) => {
    for (const { order, subOrder } of targets) {
      if (subOrder) await refundSubOrder(tx, order, subOrder, reason ?? '', actor);
      else await refundWholeOrder(tx, order, reason ?? '', actor);
    }
  },
  RELEASE_STOCK: async ({ tx }, targets) => {
    await releaseReservations(
      tx.manager,
      targets.flatMap((target) => {
        const { id, warehouseId } = subOrderOf(target, 'RELEASE_STOCK');
        return warehouseId ? [{ subOrderId: id, warehouseId }] : [];
      }),
    );
  },
  // No warehouse acknowledged it: its dispatch, pending or given up on, is dropped unsent (nothing is left to re-drive),
  // and the sub-order shows no dispatch rather than one still being retried.
  DROP_PENDING_DISPATCH: async ({ tx }, targets) => {
    const subOrders = targets.map((target) => subOrderOf(target, 'DROP_PENDING_DISPATCH'));
    await tx.manager.query(
      `WITH dropped AS (
         UPDATE outbound_messages SET status = 'DROPPED'
         WHERE sub_order_id = ANY($1::bigint[]) AND status IN ('PENDING', 'DEAD_LETTER') AND type = 'DISPATCH')
       UPDATE sub_orders SET dispatch_state = 'NONE'
       WHERE id = ANY($1::bigint[]) AND dispatch_state <> 'ACKNOWLEDGED'`,
      [subOrders.map((subOrder) => subOrder.id)],
    );
    for (const subOrder of subOrders)
      if (subOrder.dispatchState !== 'ACKNOWLEDGED') subOrder.dispatchState = 'NONE';
  },
  HOLD: async ({ tx }, targets) => {
    for (const target of targets) {
      const order = target.order as OrderEntity;
      if (order.goodsFen === undefined) throw new Error('HOLD needs the whole order');
      await raiseHold(tx, order, {
        ...paramOf(target, 'hold', 'HOLD'),
        subOrderId: target.subOrder?.id ?? null,
      });
    }
  },
  // At a warehouse a cancel is a request first: the sub-order carries it until the warehouse answers.
  REQUEST_WAREHOUSE_CANCEL: async (context, targets) => {
    const { tx, actor, reason } = context;
    const now = new Date();
    const subOrders = targets.map((target) => subOrderOf(target, 'REQUEST_WAREHOUSE_CANCEL'));
    await tx.manager.query('UPDATE sub_orders SET cancel_requested_at = $2 WHERE id = ANY($1::bigint[])', [
      subOrders.map((subOrder) => subOrder.id),
      now,
    ]);
    for (const subOrder of subOrders) subOrder.cancelRequestedAt = now;
    await toWarehouses('REQUEST_WAREHOUSE_CANCEL', 'CANCEL', () => reason)(context, targets);
    await recordOrderEvents(
      tx.manager,
      targets.map(({ order, subOrder }) => ({
        order,
        subOrderId: subOrder!.id,
        type: 'CANCEL_REQUESTED',
        actor,
        reason,
        after: { warehouseStatus: subOrder!.status },
      })),
    );
  },
  CLEAR_CANCEL_REQUEST: async ({ tx }, targets) => {
    const asked = targets
      .map((target) => subOrderOf(target, 'CLEAR_CANCEL_REQUEST'))
      .filter((subOrder) => subOrder.cancelRequestedAt !== null);
    if (!asked.length) return;
    await tx.manager.query('UPDATE sub_orders SET cancel_requested_at = NULL WHERE id = ANY($1::bigint[])', [
      asked.map((subOrder) => subOrder.id),
    ]);
    for (const subOrder of asked) subOrder.cancelRequestedAt = null;
  },
  REQUEST_WAREHOUSE_INTERCEPT: toWarehouses(
    'REQUEST_WAREHOUSE_INTERCEPT',
    'INTERCEPT',
    ({ reason }) => reason,
  ),
  // The warehouse that shipped the parcel relays the request to its carrier.
  REQUEST_LOGISTICS_INTERCEPT: toWarehouses(
    'REQUEST_LOGISTICS_INTERCEPT',
    'INTERCEPT',
    ({ reason }) => reason,
  ),
  MOVE_RESERVATION: async ({ tx }, targets) => {
    await moveReservations(
      tx.manager,
      targets.map((target) => {
        const move = paramOf(target, 'move', 'MOVE_RESERVATION');
        return { from: subOrderOf(target, 'MOVE_RESERVATION').warehouseId, to: move.to, need: move.need };
      }),
    );
  },
  // The old warehouse is asked to withdraw (a CANCEL with reason REASSIGN) before the sub-order moves.
  WITHDRAW_FROM_WAREHOUSE: toWarehouses('WITHDRAW_FROM_WAREHOUSE', 'CANCEL', () => 'REASSIGN'),
  CREATE_SHIPMENTS: async ({ tx }, targets) => {
    for (const target of targets)
      await recordShipment(
        tx.manager,
        target.order,
        subOrderOf(target, 'CREATE_SHIPMENTS'),
        paramOf(target, 'shipped', 'CREATE_SHIPMENTS'),
      );
  },
  SETTLE_COD: async ({ tx }, targets) => {
    for (const target of targets) await collectCashOnDelivery(tx, wholeOrder(target, 'SETTLE_COD'));
  },
  // A hold is gone: whatever waited for it goes on to its warehouse.
  RESUME: async ({ tx }, targets) => {
    for (const { order } of targets) {
      const subOrders = await selectEntities(
        tx.manager,
        SubOrderEntity,
        'SELECT to_jsonb(s) AS row FROM sub_orders s WHERE s.order_id = $1 ORDER BY s.id',
        [order.id],
      );
      await dispatchReady(tx, subOrders);
    }
  },
};

/**
 * Runs the effects the applied transitions name, in the order the table lists them: each effect once, for every
 * target whose row names it (`rows[k]` belongs to `targets[k]`).
 */
export async function runEffects(
  context: EffectContext,
  rows: readonly Pick<TransitionRow, 'effects'>[],
  targets: readonly EffectTarget[],
): Promise<void> {
  const names = [...new Set(rows.flatMap((row) => row.effects))];
  for (const name of names) {
    const named = targets.filter((_, k) => rows[k]!.effects.includes(name));
    if (named.length) await HANDLERS[name](context, named);
  }
}
