import {
  FULFILMENT_STATUSES,
  refundForCancelledLines,
  type FulfilmentStatus,
  type InterceptionStatus,
  type LogisticsNode,
  type StrandEvents,
} from '@oms/schema';
import type { Actor } from '@oms/server';
import type { StoryClock } from './clock.js';
import { STAFF, SYSTEM } from './context.js';
import { cancelAtWarehouse, cancelNow } from './cancel.js';
import { dispatch, reassign, undelivered, warehouseActor } from './dispatch.js';
import { merchantName } from './extras.js';
import { raiseHold, settleHold } from './holds.js';
import { pickCarrier, track, trackingNumber, type Leg } from './logistics.js';
import type { ShipmentDraft, SubOrderDraft } from './model.js';
import { settleCod } from './payments.js';
import { refund } from './refunds.js';
import { releaseGoods } from './split.js';
import type { OrderStory } from './story.js';

/** Where one sub-order's story ends. */
export interface SubTarget {
  readonly status: FulfilmentStatus;
  /** For a sub-order left CREATED at a warehouse: where its dispatch stands. */
  readonly dispatch?: 'PENDING' | 'RETRYING' | 'DEAD_LETTER';
  readonly parcels?: 1 | 2;
  /** SHIPPED: the node the first parcel reached. */
  readonly node?: LogisticsNode;
  /** A problem (EXCEPTION) on the way that the carrier then solved. */
  readonly exception?: boolean;
  /** REJECTED: how far the return leg got. */
  readonly returned?: 'REJECTED' | 'RETURNING' | 'RETURN_SIGNED';
  /** Cancelled from this status (CREATED: at once; at a warehouse: asked first, with the warehouse's answer). */
  readonly cancel?: { readonly from: FulfilmentStatus; readonly answer: 'confirmed' | 'refused' | 'pending' };
  readonly reassign?: boolean;
  /** A staff hold (MANUAL) raised on this sub-order at this status, and how it ended. */
  readonly manualHold?: { readonly at: FulfilmentStatus; readonly outcome: InterceptionStatus };
}

/** A warehouse reports every step, from CREATED up to SHIPPED (the fulfilment strand's forward order). */
const WAREHOUSE_PATH: readonly FulfilmentStatus[] = FULFILMENT_STATUSES.slice(
  0,
  FULFILMENT_STATUSES.indexOf('SHIPPED') + 1,
);
/** A merchant reports only shipping through the open platform (docs/domain.md §3: it skips the warehouse steps). */
const MERCHANT_PATH: readonly FulfilmentStatus[] = ['CREATED', 'DISPATCHED', 'SHIPPED'];
const STEP: Partial<
  Record<FulfilmentStatus, { event: StrandEvents['FULFILMENT']; minutes: [number, number] }>
> = {
  ACCEPTED: { event: 'WMS_ACCEPTED', minutes: [2, 40] },
  PICKING: { event: 'WMS_PICKING', minutes: [10, 240] },
  PACKED: { event: 'WMS_PACKED', minutes: [10, 90] },
  SHIPPED: { event: 'WMS_SHIPPED', minutes: [20, 300] },
};

function reporter(sub: SubOrderDraft): Actor {
  if (sub.warehouse) return warehouseActor(sub.warehouse);
  return { type: 'INTEGRATION', id: sub.merchantId ?? 'merchant', name: merchantName(sub.merchantId ?? '') };
}

/** A staff hold on this sub-order while it is at the warehouse; true when its walk ends here. */
function manualHold(
  story: OrderStory,
  sub: SubOrderDraft,
  clock: StoryClock,
  outcome: InterceptionStatus,
): boolean {
  const at = clock.advance(1, 20);
  story.subEvent(sub, 'INTERCEPT', { held: false }, STAFF.agent, at);
  const ticket = `CS${story.ctx.rng.digits(10)}`;
  const hold = raiseHold(story, {
    rule: 'MANUAL',
    reason: '客户来电要求暂缓发货，核实收货信息',
    evidence: { raisedBy: STAFF.agent.id, ticket, status: sub.status, note: '客户称收货地址可能有误' },
    actor: STAFF.agent,
    sub,
    at,
  });
  if (outcome === 'ACTIVE') return true;
  if (outcome === 'EXPIRED') {
    settleHold(story, hold, 'EXPIRED', SYSTEM.rollback, 'rollback period over: released by default', clock);
    return false;
  }
  settleHold(
    story,
    hold,
    outcome,
    STAFF.manager,
    outcome === 'RELEASED' ? '已与客户核实地址无误，放行' : '客户确认取消订单',
    clock,
  );
  if (outcome === 'RELEASED') return false;
  if (sub.status === 'CREATED') cancelNow(story, sub, clock, STAFF.manager);
  else cancelAtWarehouse(story, sub, clock, 'confirmed');
  return true;
}

function leg(story: OrderStory, sub: SubOrderDraft): Leg {
  const { receiver } = story.order;
  const fromCity = sub.warehouse?.city ?? (sub.merchantId === 'M-YUNCHA' ? '昆明市' : '景德镇市');
  return {
    fromCity,
    fromDistrict: sub.warehouse ? '物流园' : '发货仓',
    toCity: receiver.city,
    toDistrict: receiver.district,
  };
}

/** SHIPPED with one or two parcels (a shipment each), the reservation consumed. */
function ship(story: OrderStory, sub: SubOrderDraft, clock: StoryClock, parcels: number): void {
  const at = clock.advance(...STEP.SHIPPED!.minutes);
  const shipments: ShipmentDraft[] = Array.from({ length: parcels }, () => {
    const carrier = pickCarrier(story.ctx, !sub.warehouse);
    return {
      carrier,
      trackingNumber: trackingNumber(story.ctx, carrier),
      node: null,
      lastNormalNode: null,
      shippedAt: at,
      events: [],
    };
  });
  story.subEvent(sub, 'WMS_SHIPPED', {}, reporter(sub), at);
  sub.shipments.push(...shipments);
  if (sub.warehouse) releaseGoods(story.ctx, story.order, sub, sub.warehouse);
  story.entry({
    type: 'SHIPPED',
    actor: reporter(sub),
    at,
    sub,
    after: { parcels: shipments.map((s) => ({ carrier: s.carrier, trackingNumber: s.trackingNumber })) },
    visible: true,
  });
}

/** After SHIPPED: every parcel signed (DELIVERED), one refused (REJECTED, refunded once back), or still on its way. */
function afterShipping(story: OrderStory, sub: SubOrderDraft, clock: StoryClock, target: SubTarget): void {
  const { ctx } = story;
  const route = leg(story, sub);
  const [first, second] = sub.shipments;
  if (target.status === 'DELIVERED') {
    let last = clock.ms;
    for (const parcel of sub.shipments) {
      const own = clock.fork();
      track(ctx, parcel, route, 'SIGNED', own, target.exception === true && parcel === first);
      last = Math.max(last, own.ms);
    }
    const at = clock.waitUntil(last);
    story.subEvent(
      sub,
      'PARCEL_SIGNED',
      { allParcelsSigned: true },
      { type: 'CARRIER', id: first!.carrier },
      at,
    );
    settleCod(story, at);
    return;
  }
  if (target.status === 'REJECTED') {
    track(ctx, first!, route, target.returned ?? 'REJECTED', clock);
    const refusedAt = first!.events.find((e) => e.node === 'REJECTED')!.occurredAt;
    story.subEvent(
      sub,
      'PARCEL_REJECTED',
      { otherParcelsFinal: true },
      { type: 'CARRIER', id: first!.carrier },
      refusedAt,
    );
    if (target.returned === 'RETURN_SIGNED') {
      const amounts = refundForCancelledLines(
        story.order.lines.map((l) => l.alloc),
        [...sub.lineIndexes],
      );
      refund(story, sub, amounts, '客户拒收，包裹已退回，原路退款', SYSTEM.refunds, clock);
    }
    return;
  }
  track(ctx, first!, route, target.node ?? 'IN_TRANSIT', clock.fork(), target.exception === true);
  if (second)
    track(ctx, second, route, ctx.rng.pick(['COLLECTED', 'IN_TRANSIT', 'SIGNED'] as const), clock.fork());
}

/**
 * A merchant sub-order has no warehouse steps, no warehouse to reassign from and no warehouse to ask for a cancel:
 * a story's target is read in those terms (a cancel happens before the merchant has it).
 */
function forMerchant(target: SubTarget): SubTarget {
  if (target.cancel || target.status === 'CANCELLED')
    return { status: 'CANCELLED', cancel: { from: 'CREATED', answer: 'confirmed' } };
  const atWarehouse = ['ACCEPTED', 'PICKING', 'PACKED'].includes(target.status);
  return {
    ...target,
    status: atWarehouse ? 'DISPATCHED' : target.status,
    reassign: false,
    manualHold: undefined,
  };
}

/**
 * Walks one sub-order from CREATED to its target through the transition table, on its own clock: dispatch (or a
 * failing one), the warehouse's reports (a merchant skips the warehouse steps), a reassignment, a staff hold, a
 * cancellation and its refund, shipping and the parcels' tracks. A sub-order held by a screening hold stays CREATED.
 */
export function walk(story: OrderStory, sub: SubOrderDraft, wanted: SubTarget, clock: StoryClock): void {
  if (sub.held) return;
  const target = sub.merchantId ? forMerchant(wanted) : wanted;
  const wasOutOfStock = sub.outOfStock;
  if (sub.outOfStock && !(target.reassign && reassign(story, sub, clock))) {
    if (target.cancel?.from === 'CREATED') cancelNow(story, sub, clock);
    return;
  }
  if (target.cancel?.from === 'CREATED') {
    undelivered(story, sub, clock, 'RETRYING');
    cancelNow(story, sub, clock);
    return;
  }
  if (target.status === 'CREATED' && !target.manualHold) {
    undelivered(story, sub, clock, target.dispatch ?? 'PENDING');
    return;
  }
  if (target.reassign && !wasOutOfStock) {
    dispatch(story, sub, clock);
    if (story.ctx.rng.chance(0.5))
      story.subEvent(sub, 'WMS_ACCEPTED', {}, reporter(sub), clock.advance(2, 30));
    // With no other warehouse able to take it, the sub-order simply stays where it is.
    reassign(story, sub, clock);
  }
  const path = sub.warehouse ? WAREHOUSE_PATH : MERCHANT_PATH;
  let held = false;
  let cancelled = false;
  for (;;) {
    if (target.manualHold?.at === sub.status && !held) {
      held = true;
      if (manualHold(story, sub, clock, target.manualHold.outcome)) return;
    }
    if (target.cancel?.from === sub.status && !cancelled) {
      cancelled = true;
      if (cancelAtWarehouse(story, sub, clock, target.cancel.answer)) return;
    }
    if (sub.status === target.status || sub.status === 'SHIPPED') break;
    const next = path[path.indexOf(sub.status) + 1]!;
    if (next === 'DISPATCHED') dispatch(story, sub, clock);
    else if (next === 'SHIPPED') ship(story, sub, clock, target.parcels ?? 1);
    else story.subEvent(sub, STEP[next]!.event, {}, reporter(sub), clock.advance(...STEP[next]!.minutes));
  }
  if (sub.status === 'SHIPPED') afterShipping(story, sub, clock, target);
}
