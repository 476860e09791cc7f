import { regionOfProvince, type DispatchState } from '@oms/schema';
import { byDistance, type Actor, type OutboundType } from '@oms/server';
import type { StoryClock } from './clock.js';
import { STAFF, SYSTEM } from './context.js';
import { merchantName } from './extras.js';
import type { OutboundDraft, SubOrderDraft, WarehouseInfo } from './model.js';
import { releaseGoods, reserveGoods } from './split.js';
import type { OrderStory } from './story.js';

export function warehouseActor(warehouse: WarehouseInfo): Actor {
  return { type: 'WAREHOUSE', id: warehouse.code, name: warehouse.name };
}

/** Adds an outbox message (the outbox port, services/helpers/outbox.ts), numbered per sub-order. */
export function outbound(
  story: OrderStory,
  sub: SubOrderDraft,
  warehouse: WarehouseInfo,
  type: OutboundType,
  fields: Pick<OutboundDraft, 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'> & {
    reason?: string;
  },
): OutboundDraft {
  const message: OutboundDraft = {
    eventId: story.ctx.rng.uuid(),
    subOrder: sub,
    warehouse,
    seq: story.order.outbound.filter((m) => m.subOrder === sub).length + 1,
    type,
    reason: fields.reason ?? null,
    ...fields,
  };
  story.order.outbound.push(message);
  return message;
}

const DELIVERY_ERRORS = [
  'warehouse {code} answered 503',
  'warehouse {code} answered 502',
  'The operation was aborted due to timeout',
  'fetch failed',
];

/** The warehouse acknowledged the dispatch (2xx): DISPATCHED, and the customer-visible "下发至 XX 仓". */
export function dispatch(story: OrderStory, sub: SubOrderDraft, clock: StoryClock): void {
  if (!sub.warehouse) {
    const at = clock.advance(0.2, 10);
    story.subEvent(sub, 'DISPATCH_ACKNOWLEDGED', { dispatchSent: true }, SYSTEM.openPlatform, at);
    const name = merchantName(sub.merchantId ?? '');
    story.entry({
      type: 'DISPATCHED',
      actor: SYSTEM.openPlatform,
      at,
      sub,
      after: { merchantId: sub.merchantId, message: `您的订单已通知商家 ${name} 发货` },
      visible: true,
    });
    return;
  }
  const warehouse = sub.warehouse;
  const retried = story.ctx.rng.chance(0.15);
  const queuedAt = sub.statusSince;
  const at = retried ? clock.advance(1, 20) : clock.advance(0.02, 1.5);
  const message = outbound(story, sub, warehouse, 'DISPATCH', {
    status: 'SENT',
    attempts: retried ? story.ctx.rng.int(2, 3) : 1,
    lastError: null,
    createdAt: queuedAt,
    sentAt: at,
  });
  story.subEvent(sub, 'DISPATCH_ACKNOWLEDGED', { dispatchSent: true }, SYSTEM.dispatcher, at, {
    eventId: message.eventId,
  });
  story.entry({
    type: 'DISPATCHED',
    actor: SYSTEM.dispatcher,
    at,
    sub,
    after: { warehouseCode: warehouse.code, message: `您的订单已下发至 ${warehouse.name}` },
    visible: true,
  });
}

/** A dispatch the warehouse has not acknowledged: queued, failing and retried, or dead-lettered for ops. */
export function undelivered(
  story: OrderStory,
  sub: SubOrderDraft,
  clock: StoryClock,
  state: DispatchState,
): void {
  if (!sub.warehouse || state === 'NONE' || state === 'ACKNOWLEDGED') return;
  const { rng, dispatchMaxAttempts } = story.ctx;
  const lastError = rng.pick(DELIVERY_ERRORS).replace('{code}', sub.warehouse.code);
  sub.dispatchState = state;
  const message = outbound(story, sub, sub.warehouse, 'DISPATCH', {
    status: state === 'DEAD_LETTER' ? 'DEAD_LETTER' : 'PENDING',
    attempts:
      state === 'PENDING'
        ? 0
        : state === 'RETRYING'
          ? rng.int(1, dispatchMaxAttempts - 2)
          : dispatchMaxAttempts,
    lastError: state === 'PENDING' ? null : lastError,
    createdAt: sub.statusSince,
    sentAt: null,
  });
  if (state !== 'DEAD_LETTER') return;
  // Exponential back-off over the attempts takes about an hour before the dispatch is given up.
  const at = clock.advance(40, 90);
  sub.updatedAt = at;
  story.entry({
    type: 'DISPATCH_DEAD_LETTERED',
    actor: SYSTEM.dispatcher,
    at,
    sub,
    reason: lastError,
    after: { eventId: message.eventId },
  });
}

const REASSIGN_REASONS = [
  '{from}大促爆仓，转至{to}发货',
  '{from}系统升级暂停作业，转仓',
  '{from}库存盘点差异，转至{to}',
];

/**
 * Ops move the sub-order to the nearest other warehouse that handles its goods and has stock for every line
 * (targetHasStock); reservation moves with it, the old warehouse is asked to withdraw (CANCEL, reason REASSIGN) when
 * it had the dispatch, and the new stay opens. Returns false when no warehouse qualifies.
 */
export function reassign(story: OrderStory, sub: SubOrderDraft, clock: StoryClock): boolean {
  const { ctx, order } = story;
  const lines = sub.lineIndexes.map((i) => order.lines[i]!);
  const needs = new Set(
    lines.flatMap((l) => l.attributes.filter((a) => a === 'COLD_CHAIN' || a === 'OVERSIZE')),
  );
  const view = ctx.stock.planView([...new Set(lines.map((l) => l.sku))], () => false);
  const target = byDistance(view, regionOfProvince(order.receiver.province) ?? 'NORTH').find(
    (w) =>
      w.id !== sub.warehouse?.id &&
      [...needs].every((n) => w.capabilities.includes(n)) &&
      lines.every((l) => (w.available.get(l.sku) ?? 0) >= l.quantity),
  );
  if (!target) return false;
  const to = ctx.warehouses.find((w) => w.id === target.id)!;
  const from = sub.warehouse;
  const reason = ctx.rng
    .pick(REASSIGN_REASONS)
    .replace('{from}', from?.name ?? '缺货')
    .replace('{to}', to.name);
  const at = clock.advance(5, 120);
  const row = story.subEvent(
    sub,
    'REASSIGN_WAREHOUSE',
    { targetHasStock: true, cancelRequested: false },
    STAFF.ops,
    at,
    { warehouseCode: to.code },
    reason,
  );
  if (from) {
    if (row.effects.includes('WITHDRAW_FROM_WAREHOUSE'))
      outbound(story, sub, from, 'CANCEL', {
        reason: 'REASSIGN',
        status: 'SENT',
        attempts: 1,
        lastError: null,
        createdAt: at,
        sentAt: new Date(at.getTime() + 600),
      });
    releaseGoods(ctx, order, sub, from);
    sub.stays[sub.stays.length - 1]!.releasedAt = at;
  }
  reserveGoods(ctx, order, sub, to);
  sub.stays.push({ warehouse: to, assignedAt: at, releasedAt: null, reason: 'REASSIGN' });
  sub.warehouse = to;
  sub.outOfStock = false;
  sub.dispatchState = 'NONE';
  sub.statusSince = at;
  story.entry({
    type: 'WAREHOUSE_REASSIGNED',
    actor: STAFF.ops,
    at,
    sub,
    reason,
    after: { fromWarehouseCode: from?.code ?? null, toWarehouseCode: to.code },
  });
  return true;
}
