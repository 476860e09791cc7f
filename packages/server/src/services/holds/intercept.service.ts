import { checkTransition, parseOrderNumber } from '@oms/schema';
import type { DataSource, EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { InterceptionEntity, OrderEntity, SubOrderEntity } from '../../entities/index.js';
import { enqueueOutbound } from '../../jobs/outbox.js';
import { recordAudit, staffActor } from '../history.js';
import { lockOrder } from '../locks.js';
import type { CancelService } from '../cancel/cancel.service.js';
import { dispatchReady } from './dispatch-ready.js';
import { raiseHold, settleHold } from './holds.js';

/** What an intercept did to one sub-order (or the unsplit order, `subOrderNumber` null). */
export interface InterceptResult {
  readonly subOrderNumber: string | null;
  readonly outcome:
    | 'HELD'
    | 'HELD_AND_WAREHOUSE_ASKED'
    | 'LOGISTICS_INTERCEPT_REQUESTED'
    | 'ALREADY_HELD'
    | 'NOT_INTERCEPTABLE';
  readonly reason: string | null;
}

const MAX_REASON = 500;

function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('reason', 'say why');
  if (trimmed.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
  return trimmed;
}

/**
 * Staff holds and their decisions (domain.md §3, §9): intercept by order or sub-order number (a MANUAL hold; at a
 * warehouse it also asks the warehouse to stop, after shipping it asks for the parcel back), and release or cancel
 * a hold. Parent row locked first, as every writer does.
 */
export class InterceptService {
  constructor(
    private readonly db: DataSource,
    private readonly cancels: CancelService,
    private readonly rollbackMinutes: number,
    private readonly dispatchMaxAttempts: number,
  ) {}

  async intercept(
    staff: StaffPrincipal,
    input: { number: string; reason: string; expectedVersion?: number | null },
    address: string | null,
  ) {
    const reason = checkedReason(input.reason);
    const parsed = parseOrderNumber(input.number);
    if (!parsed.ok)
      throw domainError('INVALID_ORDER_NUMBER', `Not a valid order number (${parsed.reason}).`, {
        reason: parsed.reason,
      });
    const actor = staffActor(staff);
    return this.db.transaction(async (manager) => {
      const orderId = await this.orderIdOf(manager, parsed.kind, parsed.number);
      const order = await lockOrder(manager, orderId);
      const subOrders = await manager
        .getRepository(SubOrderEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.order_id = :id', { id: order.id })
        .orderBy('s.id')
        .getMany();
      const targets =
        parsed.kind === 'ORDER' ? subOrders : subOrders.filter((s) => s.number === parsed.number);
      if (input.expectedVersion != null) {
        const current = parsed.kind === 'ORDER' ? order.version : targets[0]!.version;
        if (current !== input.expectedVersion)
          throw domainError(
            'VERSION_CONFLICT',
            `${input.number} is at version ${current}, not ${input.expectedVersion}: someone changed it first.`,
          );
      }
      const hold = {
        rule: 'MANUAL' as const,
        reason,
        evidence: { by: staff.username },
        actor,
        rollbackMinutes: this.rollbackMinutes,
      };
      const results: InterceptResult[] = [];
      if (order.status !== 'SPLIT') {
        const check = checkTransition('ORDER', order.status, 'INTERCEPT', { held: order.held });
        if (!check.ok)
          results.push({
            subOrderNumber: null,
            outcome: check.reason === 'GUARD_FAILED' ? 'ALREADY_HELD' : 'NOT_INTERCEPTABLE',
            reason: `the order is ${order.status}`,
          });
        else {
          await raiseHold(manager, order, { ...hold, subOrderId: null });
          results.push({ subOrderNumber: null, outcome: 'HELD', reason: null });
        }
      } else {
        for (const subOrder of targets) results.push(await this.holdSubOrder(manager, order, subOrder, hold));
      }
      await recordAudit(manager, {
        staff,
        action: 'INTERCEPT_ORDER',
        orderNumber: order.number,
        after: { number: input.number, results },
        reason,
        address,
      });
      return { order, results };
    });
  }

  private async holdSubOrder(
    manager: EntityManager,
    order: OrderEntity,
    subOrder: SubOrderEntity,
    hold: Omit<Parameters<typeof raiseHold>[2], 'subOrderId'>,
  ): Promise<InterceptResult> {
    const check = checkTransition('FULFILMENT', subOrder.status, 'INTERCEPT', { held: subOrder.held });
    if (!check.ok) {
      return {
        subOrderNumber: subOrder.number,
        outcome: check.reason === 'GUARD_FAILED' ? 'ALREADY_HELD' : 'NOT_INTERCEPTABLE',
        reason: `the sub-order is ${subOrder.status}`,
      };
    }
    await raiseHold(manager, order, { ...hold, subOrderId: subOrder.id });
    const effects = check.row.effects;
    if (
      (effects.includes('REQUEST_WAREHOUSE_INTERCEPT') || effects.includes('REQUEST_LOGISTICS_INTERCEPT')) &&
      subOrder.warehouseId
    ) {
      await enqueueOutbound(
        manager,
        subOrder,
        subOrder.warehouseId,
        'INTERCEPT',
        hold.reason,
        this.dispatchMaxAttempts,
      );
    }
    const outcome = effects.includes('REQUEST_LOGISTICS_INTERCEPT')
      ? 'LOGISTICS_INTERCEPT_REQUESTED'
      : effects.includes('REQUEST_WAREHOUSE_INTERCEPT')
        ? 'HELD_AND_WAREHOUSE_ASKED'
        : 'HELD';
    return { subOrderNumber: subOrder.number, outcome, reason: null };
  }

  /** RELEASE sends the order on (dispatching what waited); CANCEL_ORDER cancels what can still be cancelled. */
  async decide(
    staff: StaffPrincipal,
    interceptionId: string,
    decision: 'RELEASE' | 'CANCEL_ORDER',
    reasonText: string,
    address: string | null,
  ) {
    const reason = checkedReason(reasonText);
    if (!/^\d{1,18}$/.test(interceptionId)) throw badInput('interceptionId', 'is not an interception id');
    const found = await this.db
      .getRepository(InterceptionEntity)
      .findOne({ where: { id: interceptionId }, select: { id: true, orderId: true } });
    if (!found) throw domainError('NOT_FOUND', `No interception ${interceptionId}.`);
    return this.db.transaction(async (manager) => {
      const order = await lockOrder(manager, found.orderId);
      const interception = await manager
        .getRepository(InterceptionEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: interceptionId })
        .getOneOrFail();
      const repeat = interception.status === (decision === 'RELEASE' ? 'RELEASED' : 'CANCELLED_ORDER');
      if (!repeat) {
        const subOrders = await settleHold(manager, order, interception, decision, staffActor(staff), reason);
        if (decision === 'RELEASE') await dispatchReady(manager, subOrders, this.dispatchMaxAttempts);
        else {
          // A hold on one sub-order cancels that one; a hold on the order cancels all that still can be.
          const held = interception.subOrderId
            ? (subOrders.find((s) => s.id === interception.subOrderId)?.number ?? null)
            : null;
          await this.cancels.cancelLocked(manager, staff, order, held, reason, address);
        }
        await recordAudit(manager, {
          staff,
          action: `INTERCEPTION_${decision}`,
          orderNumber: order.number,
          before: { status: 'ACTIVE' },
          after: { status: interception.status, interceptionId },
          reason,
          address,
        });
      }
      // Fresh rows: the hold's decision and the order's held flag as they now stand.
      return {
        order: await manager.getRepository(OrderEntity).findOneByOrFail({ id: order.id }),
        interception: await manager
          .getRepository(InterceptionEntity)
          .findOneByOrFail({ id: interception.id }),
      };
    });
  }

  private async orderIdOf(
    manager: EntityManager,
    kind: 'ORDER' | 'SUB_ORDER',
    number: string,
  ): Promise<string> {
    const row: { order_id: string }[] = await manager.query(
      kind === 'ORDER'
        ? 'SELECT id AS order_id FROM orders WHERE number = $1'
        : 'SELECT order_id FROM sub_orders WHERE number = $1',
      [number],
    );
    if (!row[0]) throw domainError('NOT_FOUND', `No order ${number}.`);
    return String(row[0].order_id);
  }
}
