import {
  checkTransition,
  DEFAULT_HOLD_ACTION,
  type HoldDefaultAction,
  type InterceptionRule,
} from '@oms/schema';
import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { RiskRuleEntity, type OrderEntity, type SubOrderEntity } from '../../entities/index.js';
import type { CancelService } from '../cancel/cancel.service.js';
import { inTransaction, type ServiceDeps, type Tx } from '../helpers/deps.js';
import { runEffects, type EffectParams } from '../helpers/effects.js';
import { recordAudit, recordOrderEvent, staffActor, type Actor } from '../helpers/history.js';
import { lockInterception, lockOrderByNumber, lockSubOrders } from '../helpers/locks.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';
import { applyInterceptionEvent } from '../helpers/transitions.js';

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

/** A staff intercept (docs/api.md `interceptOrder`). */
export interface InterceptRequest {
  readonly number: string;
  readonly reason: string;
  readonly expectedVersion?: number | null;
}

const MAX_REASON = 500;
const ROLLBACK: Actor = { type: 'SYSTEM', id: 'rollback-period' };

function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('reason', 'say why');
  if (trimmed.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
  return trimmed;
}

/**
 * Staff holds and their decisions (docs/domain.md §3, §9): intercept by order or sub-order number (a MANUAL hold; at
 * a warehouse it also asks the warehouse to stop, after shipping it asks for the parcel back — the effects the table
 * names), and release or cancel a hold, or let its rollback period's default run. Parent row locked first, as every
 * writer does.
 */
export class InterceptService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly cancels: CancelService,
  ) {}

  async intercept(staff: StaffPrincipal, input: InterceptRequest, address: string | null) {
    const reason = checkedReason(input.reason);
    const number = checkOrderNumber(input.number);
    const actor = staffActor(staff);
    return inTransaction(this.deps, async (tx) => {
      const order = await lockOrderByNumber(tx.manager, number);
      const subOrders = await lockSubOrders(tx.manager, order.id);
      const targets =
        number.kind === 'ORDER' ? subOrders : subOrders.filter((s) => s.number === number.number);
      if (input.expectedVersion != null) {
        const current = number.kind === 'ORDER' ? order.version : targets[0]!.version;
        if (current !== input.expectedVersion)
          throw domainError(
            'VERSION_CONFLICT',
            `${input.number} is at version ${current}, not ${input.expectedVersion}: someone changed it first.`,
          );
      }
      const params: EffectParams = {
        hold: {
          rule: 'MANUAL',
          reason,
          evidence: { by: staff.username },
          actor,
          rollbackMinutes: this.deps.config.rollbackMinutes,
        },
      };
      const results: InterceptResult[] = [];
      if (order.status !== 'SPLIT') results.push(await this.holdOrder(tx, order, actor, reason, params));
      else
        for (const subOrder of targets)
          results.push(await this.holdSubOrder(tx, order, subOrder, actor, reason, params));
      await recordAudit(tx.manager, {
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

  // A hold changes no status: the table is checked, its effects run, and the hold itself is the change.
  private async holdOrder(
    tx: Tx,
    order: OrderEntity,
    actor: Actor,
    reason: string,
    params: EffectParams,
  ): Promise<InterceptResult> {
    const check = checkTransition('ORDER', order.status, 'INTERCEPT', { held: order.held });
    if (!check.ok)
      return {
        subOrderNumber: null,
        outcome: check.reason === 'GUARD_FAILED' ? 'ALREADY_HELD' : 'NOT_INTERCEPTABLE',
        reason: `the order is ${order.status}`,
      };
    await runEffects({ tx, actor, reason }, [check.row], [{ order, params }]);
    return { subOrderNumber: null, outcome: 'HELD', reason: null };
  }

  private async holdSubOrder(
    tx: Tx,
    order: OrderEntity,
    subOrder: SubOrderEntity,
    actor: Actor,
    reason: string,
    params: EffectParams,
  ): Promise<InterceptResult> {
    const check = checkTransition('FULFILMENT', subOrder.status, 'INTERCEPT', { held: subOrder.held });
    if (!check.ok) {
      return {
        subOrderNumber: subOrder.number,
        outcome: check.reason === 'GUARD_FAILED' ? 'ALREADY_HELD' : 'NOT_INTERCEPTABLE',
        reason: `the sub-order is ${subOrder.status}`,
      };
    }
    await runEffects({ tx, actor, reason }, [check.row], [{ order, subOrder, params }]);
    const effects = check.row.effects;
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
    return inTransaction(this.deps, async (tx) => {
      const locked = await lockInterception(tx.manager, interceptionId);
      if (!locked) throw domainError('NOT_FOUND', `No interception ${interceptionId}.`);
      const { order, interception } = locked;
      const repeat = interception.status === (decision === 'RELEASE' ? 'RELEASED' : 'CANCELLED_ORDER');
      if (!repeat) {
        await applyInterceptionEvent(tx, {
          order,
          interception,
          event: decision,
          actor: staffActor(staff),
          note: reason,
        });
        // A hold on one sub-order cancels that one; a hold on the order cancels all that still can be.
        if (decision === 'CANCEL_ORDER')
          await this.cancels.cancelLocked(
            tx,
            staff,
            order,
            interception.subOrderId ? { id: interception.subOrderId } : null,
            reason,
            address,
          );
        await recordAudit(tx.manager, {
          staff,
          action: `INTERCEPTION_${decision}`,
          orderNumber: order.number,
          before: { status: 'ACTIVE' },
          after: { status: interception.status, interceptionId },
          reason,
          address,
        });
      }
      return { order, interception };
    });
  }

  /**
   * A hold nobody decided within its rollback period runs its rule's default action (docs/domain.md §9): RELEASE —
   * EXPIRED is written on the interception and its sub-orders go on to dispatch; CANCEL_ORDER — cancelled as a
   * manager's decision would, by the system; WAIT — it stays in the queue for a person, the timeline saying so. A hold
   * already decided, or not yet due, is left alone.
   */
  async expire(interceptionId: string): Promise<void> {
    await inTransaction(this.deps, async (tx) => {
      const locked = await lockInterception(tx.manager, interceptionId);
      if (!locked) return;
      const { order, interception } = locked;
      if (interception.status !== 'ACTIVE' || interception.expiresAt.getTime() > Date.now()) return;
      const action = await defaultActionOf(tx, interception.rule);
      if (action === 'WAIT') {
        await recordOrderEvent(tx.manager, {
          order,
          subOrderId: interception.subOrderId,
          type: 'INTERCEPTION_WAITING',
          actor: ROLLBACK,
          after: { interceptionId: interception.id, rule: interception.rule },
        });
        return;
      }
      if (action === 'RELEASE') {
        await applyInterceptionEvent(tx, {
          order,
          interception,
          event: 'EXPIRE',
          actor: ROLLBACK,
          note: 'rollback period over: released by default',
        });
        return;
      }
      const reason = `rollback period over: ${interception.rule} cancels by default`;
      await applyInterceptionEvent(tx, {
        order,
        interception,
        event: 'CANCEL_ORDER',
        actor: ROLLBACK,
        note: reason,
      });
      await this.cancels.cancelLocked(
        tx,
        ROLLBACK,
        order,
        interception.subOrderId ? { id: interception.subOrderId } : null,
        reason,
        null,
      );
    });
  }
}

/** The default action of a hold's rule: the manager's setting for a screening rule, the built-in one for MANUAL. */
async function defaultActionOf(tx: Tx, rule: InterceptionRule): Promise<HoldDefaultAction> {
  if (rule === 'MANUAL') return DEFAULT_HOLD_ACTION.MANUAL;
  const setting = await tx.manager.getRepository(RiskRuleEntity).findOneBy({ code: rule });
  return setting?.defaultAction ?? DEFAULT_HOLD_ACTION[rule];
}
