import { checkTransition, FULFILMENT_STATUSES, OPEN_FULFILMENT_STATUSES } from '@oms/schema';
import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { selectEntities } from '../../database/select-entities.js';
import {
  InterceptionEntity,
  RefundEntity,
  type OrderEntity,
  type SubOrderEntity,
} from '../../entities/index.js';
import { inTransaction, type ServiceDeps, type Tx } from '../helpers/deps.js';
import { recordAudit, staffActor, type Actor } from '../helpers/history.js';
import { lockOrderByNumber, lockSubOrders } from '../helpers/locks.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';
import { applyInterceptionEvent, applyOrderEvent, applySubOrderEvents } from '../helpers/transitions.js';

/** What happened to one sub-order (or the unsplit order, `subOrderNumber` null) when a cancel was asked. */
export interface CancelResult {
  readonly subOrderNumber: string | null;
  readonly outcome:
    'CANCELLED' | 'CANCEL_REQUESTED' | 'ALREADY_CANCELLED' | 'ALREADY_REQUESTED' | 'NOT_CANCELLABLE';
  readonly reason: string | null;
  /** The status it is in after this call (the sub-order's, or the unsplit order's). */
  readonly state: string;
}

/** Outcomes that mean a cancel is done or under way for that sub-order (or the unsplit order). */
const UNDER_WAY: ReadonlySet<CancelResult['outcome']> = new Set([
  'CANCELLED',
  'CANCEL_REQUESTED',
  'ALREADY_REQUESTED',
]);

/**
 * docs/api.md "Nothing to cancel": when nothing the number names can be cancelled any more (shipped, delivered or
 * already cancelled), the cancel is INVALID_TRANSITION naming the state that stops it, and the caller's transaction
 * rolls back (no audit row, no timeline entry). `currentState` is the least advanced state among what is still open
 * to the customer (a shipped parcel rather than a delivered one), or CANCELLED when everything is.
 */
function refuseWhenNothingCancellable(results: readonly CancelResult[], order: OrderEntity): void {
  if (results.some((result) => UNDER_WAY.has(result.outcome))) return;
  const blocking = results.map((result) => result.state).filter((state) => state !== 'CANCELLED');
  const currentState = blocking.length > 0 ? blocking.sort(byProgress)[0]! : 'CANCELLED';
  const detail = results
    .map((result) => `${result.subOrderNumber ?? order.number} is ${result.state}`)
    .join('; ');
  throw domainError('INVALID_TRANSITION', `Nothing to cancel: ${detail}.`, { currentState });
}

const PROGRESS: readonly string[] = FULFILMENT_STATUSES;
const byProgress = (a: string, b: string) => PROGRESS.indexOf(a) - PROGRESS.indexOf(b);

/** A staff cancel (docs/api.md `cancelOrder`). */
export interface CancelRequest {
  readonly number: string;
  readonly reason: string;
  readonly expectedVersion?: number | null;
}

/** Which sub-orders a cancel concerns: one (by number or id), or all of the order (null). */
export type CancelScope = { readonly number: string } | { readonly id: string } | null;

const MAX_REASON = 500;

/**
 * Cancels on the customer's behalf (docs/domain.md §3): an unsplit order at once, refunding every instrument; a split
 * order sub-order by sub-order, each checked on its own by the transition table — at once while no warehouse has
 * it, by asking the warehouse while one does, never once shipped. The table's effects do the rest (refunds, stock,
 * the request to the warehouse). One transaction, rows locked parent first then sub-orders by id, so concurrent
 * cancels queue up and the later ones find the work done.
 */
export class CancelService {
  constructor(private readonly deps: ServiceDeps) {}

  async cancel(staff: StaffPrincipal, request: CancelRequest, address: string | null) {
    const reason = request.reason.trim();
    if (!reason) throw badInput('reason', 'say why the order is cancelled');
    if (reason.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
    const number = checkOrderNumber(request.number);
    return inTransaction(this.deps, async (tx) => {
      const order = await lockOrderByNumber(tx.manager, number);
      const outcome = await this.cancelLocked(
        tx,
        staff,
        order,
        number.kind === 'ORDER' ? null : { number: number.number },
        reason,
        address,
        request.expectedVersion,
      );
      refuseWhenNothingCancellable(outcome.results, order);
      return outcome;
    });
  }

  /**
   * The cancel itself, in the caller's transaction with the parent row already locked: the whole order, or the one
   * sub-order `scope` names. Used by cancelOrder, by a manager's CANCEL_ORDER decision on a hold, and by a hold's
   * default action (`by` the system: no audit row, the timeline names it).
   */
  async cancelLocked(
    tx: Tx,
    by: StaffPrincipal | Actor,
    order: OrderEntity,
    scope: CancelScope,
    reason: string,
    address: string | null,
    expectedVersion?: number | null,
  ) {
    const { manager } = tx;
    const staff = 'kind' in by ? by : null;
    const actor = staff ? staffActor(staff) : (by as Actor);
    const subOrders = await lockSubOrders(manager, order.id);
    const targets =
      scope === null
        ? subOrders
        : subOrders.filter((s) => ('number' in scope ? s.number === scope.number : s.id === scope.id));
    if (expectedVersion != null) {
      const current = scope === null ? order.version : targets[0]!.version;
      if (current !== expectedVersion) {
        throw domainError(
          'VERSION_CONFLICT',
          `${scope === null ? order.number : targets[0]!.number} is at version ${current}, not ${expectedVersion}: someone changed it first.`,
        );
      }
    }
    const refundsBefore = await manager.getRepository(RefundEntity).count({ where: { orderId: order.id } });
    const results: CancelResult[] =
      order.status === 'SPLIT'
        ? await this.cancelSubOrders(tx, order, targets, reason, actor)
        : [await this.cancelUnsplit(tx, order, reason, actor)];
    if (staff)
      await recordAudit(manager, {
        staff,
        action: 'CANCEL_ORDER',
        orderNumber: order.number,
        after: { number: scope === null ? order.number : targets[0]?.number, results },
        reason,
        address,
      });
    const refunds = (
      await manager.getRepository(RefundEntity).find({ where: { orderId: order.id }, order: { id: 'ASC' } })
    ).slice(refundsBefore);
    return { order, results, refunds };
  }

  private async cancelUnsplit(
    tx: Tx,
    order: OrderEntity,
    reason: string,
    actor: Actor,
  ): Promise<CancelResult> {
    if (order.status === 'CANCELLED')
      return { subOrderNumber: null, outcome: 'ALREADY_CANCELLED', reason: null, state: order.status };
    const check = checkTransition('ORDER', order.status, 'CANCEL');
    if (!check.ok)
      return {
        subOrderNumber: null,
        outcome: 'NOT_CANCELLABLE',
        reason: `the order is ${order.status}`,
        state: order.status,
      };
    await applyOrderEvent(tx, { order, event: 'CANCEL', actor, reason });
    await this.settleHolds(tx, order, null);
    return { subOrderNumber: null, outcome: 'CANCELLED', reason: null, state: 'CANCELLED' };
  }

  private async cancelSubOrders(
    tx: Tx,
    order: OrderEntity,
    subOrders: SubOrderEntity[],
    reason: string,
    actor: Actor,
  ): Promise<CancelResult[]> {
    const facts = { cancelRequested: false };
    const outcomes = subOrders.map((subOrder): CancelResult | null => {
      const result = { subOrderNumber: subOrder.number, state: subOrder.status };
      if (subOrder.status === 'CANCELLED') return { ...result, outcome: 'ALREADY_CANCELLED', reason: null };
      if (subOrder.cancelRequestedAt)
        return { ...result, outcome: 'ALREADY_REQUESTED', reason: 'waiting for the warehouse to confirm' };
      if (!checkTransition('FULFILMENT', subOrder.status, 'CANCEL', facts).ok)
        return { ...result, outcome: 'NOT_CANCELLABLE', reason: `the sub-order is ${subOrder.status}` };
      return null;
    });
    // Every cancellable sub-order moves in one set-based application, so its effects touch each warehouse's stock
    // in one statement, rows in a fixed order: two cancels sharing skus across warehouses cannot deadlock.
    const cancellable = subOrders.filter((_, k) => outcomes[k] === null);
    const rows = await applySubOrderEvents(
      tx,
      cancellable.map((subOrder) => ({ order, subOrder, facts })),
      'CANCEL',
      actor,
      reason,
    );
    const cancelledNow = new Set(cancellable.filter((_, k) => rows[k]!.to === 'CANCELLED'));
    for (const subOrder of cancelledNow) await this.settleHolds(tx, order, subOrder.id);
    const results = subOrders.map(
      (subOrder, k): CancelResult =>
        outcomes[k] ??
        (cancelledNow.has(subOrder)
          ? { subOrderNumber: subOrder.number, outcome: 'CANCELLED', reason: null, state: 'CANCELLED' }
          : {
              subOrderNumber: subOrder.number,
              outcome: 'CANCEL_REQUESTED',
              reason: 'asked the warehouse; cancelled when it confirms',
              state: subOrder.status,
            }),
    );
    // A hold on the whole order is moot once nothing under it can still move.
    const [{ open }] = (await tx.manager.query(
      'SELECT count(*)::int AS open FROM sub_orders WHERE order_id = $1 AND status = ANY($2)',
      [order.id, OPEN_FULFILMENT_STATUSES],
    )) as [{ open: number }];
    if (open === 0) await this.settleHolds(tx, order, null);
    return results;
  }

  /** Holds on what was just cancelled end as CANCELLED_ORDER (a hold on a sub-order, or on the whole order). */
  private async settleHolds(tx: Tx, order: OrderEntity, subOrderId: string | null): Promise<void> {
    const active = await selectEntities(
      tx.manager,
      InterceptionEntity,
      `SELECT to_jsonb(i) AS row FROM interceptions i WHERE i.order_id = $1 AND i.status = 'ACTIVE' ORDER BY i.id`,
      [order.id],
    );
    for (const interception of active) {
      if (subOrderId === null || interception.subOrderId === subOrderId) {
        await applyInterceptionEvent(tx, {
          order,
          interception,
          event: 'CANCEL_ORDER',
          actor: { type: 'SYSTEM', id: 'cancellation' },
          note: 'the order was cancelled',
        });
      }
    }
  }
}
