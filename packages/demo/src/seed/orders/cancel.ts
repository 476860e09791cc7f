import { refundForCancelledLines } from '@oms/schema';
import type { Actor } from '@oms/server';
import type { StoryClock } from './clock.js';
import { STAFF } from './context.js';
import { outbound, warehouseActor } from './dispatch.js';
import type { SubOrderDraft } from './model.js';
import { refund } from './refunds.js';
import { releaseGoods } from './split.js';
import type { OrderStory } from './story.js';

const CANCEL_REASONS = [
  '客户申请取消：不想要了',
  '客户申请取消：地址填写错误',
  '客户申请取消：重复下单',
  '客户申请取消：价格变动',
];

/** Refund of exactly the sub-order's frozen shares, per instrument (docs/domain.md §4). */
export function refundSubOrder(
  story: OrderStory,
  sub: SubOrderDraft,
  reason: string,
  actor: Actor,
  clock: StoryClock,
): void {
  const { order } = story;
  const done = order.subOrders.filter((s) => s !== sub && order.refunds.some((r) => r.subOrder === s));
  const amounts = refundForCancelledLines(
    order.lines.map((l) => l.alloc),
    [...sub.lineIndexes],
    done.flatMap((s) => [...s.lineIndexes]),
  );
  refund(story, sub, amounts, reason, actor, clock);
}

/** Cancelled before any warehouse acknowledged it: at once, the pending dispatch dropped, stock released, refunded. */
export function cancelNow(
  story: OrderStory,
  sub: SubOrderDraft,
  clock: StoryClock,
  actor: Actor = STAFF.agent,
): void {
  const reason = story.ctx.rng.pick(CANCEL_REASONS);
  const at = clock.advance(1, 30);
  story.subEvent(sub, 'CANCEL', {}, actor, at, {}, reason);
  for (const m of story.order.outbound)
    if (m.subOrder === sub && m.status === 'PENDING') m.status = 'DROPPED';
  if (sub.warehouse) releaseGoods(story.ctx, story.order, sub, sub.warehouse);
  refundSubOrder(story, sub, reason, actor, clock);
}

/**
 * At a warehouse a cancel is a request first (cancelRequestedAt, a CANCEL message); the warehouse confirms (then
 * it is cancelled and refunded), refuses (the request is cleared and work goes on), or has not answered yet.
 * Returns true when the sub-order's walk ends here.
 */
export function cancelAtWarehouse(
  story: OrderStory,
  sub: SubOrderDraft,
  clock: StoryClock,
  answer: 'confirmed' | 'refused' | 'pending',
): boolean {
  const warehouse = sub.warehouse!;
  const reason = story.ctx.rng.pick(CANCEL_REASONS);
  const at = clock.advance(2, 60);
  story.subEvent(sub, 'CANCEL', { cancelRequested: false }, STAFF.agent, at, {}, reason);
  sub.cancelRequestedAt = at;
  outbound(story, sub, warehouse, 'CANCEL', {
    status: 'SENT',
    attempts: 1,
    lastError: null,
    createdAt: at,
    sentAt: new Date(at.getTime() + 800),
  });
  story.entry({
    type: 'CANCEL_REQUESTED',
    actor: STAFF.agent,
    at,
    sub,
    reason,
    after: { warehouseCode: warehouse.code, message: '取消申请已提交，等待仓库确认' },
    visible: true,
  });
  if (answer === 'pending') return true;
  const answeredAt = clock.advance(3, 90);
  if (answer === 'refused') {
    const refusal = '仓库已完成拣货打包，无法拦截';
    story.subEvent(
      sub,
      'CANCEL_REFUSED',
      { cancelRequested: true },
      warehouseActor(warehouse),
      answeredAt,
      {},
      refusal,
    );
    story.entry({
      type: 'CANCEL_REFUSED',
      actor: warehouseActor(warehouse),
      at: answeredAt,
      sub,
      reason: refusal,
      visible: true,
    });
    return false;
  }
  story.subEvent(sub, 'CANCEL_CONFIRMED', { cancelRequested: true }, warehouseActor(warehouse), answeredAt);
  releaseGoods(story.ctx, story.order, sub, warehouse);
  refundSubOrder(story, sub, reason, STAFF.agent, clock);
  return true;
}
