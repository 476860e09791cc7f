import { domainError } from '../../errors/domain-error.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { OutboundMessageEntity, SubOrderEntity } from '../../entities/index.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit } from '../helpers/history.js';
import { lockSubOrderByNumber } from '../helpers/locks.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';

/**
 * Re-drives a sub-order's dead-lettered outbox messages (docs/reliability.md "warehouse answers 500 / times out
 * repeatedly … a way to re-drive"): each goes back to PENDING with a fresh delivery job and a fresh attempt budget,
 * in its sub-order's queue, so they leave in `seq` order as before. Audited in the same transaction.
 */
export class DispatchRedriveService {
  constructor(private readonly deps: ServiceDeps) {}

  async redrive(
    staff: StaffPrincipal,
    subOrderNumber: string,
    address: string | null,
  ): Promise<SubOrderEntity> {
    const number = checkOrderNumber(subOrderNumber, 'SUB_ORDER');
    return inTransaction(this.deps, async ({ manager, outbox }) => {
      const locked = await lockSubOrderByNumber(manager, number);
      if (!locked) throw domainError('NOT_FOUND', `No sub-order ${subOrderNumber}.`);
      const { order, subOrder } = locked;
      const messages = manager.getRepository(OutboundMessageEntity);
      const dead = await messages.find({
        where: { subOrderId: subOrder.id, status: 'DEAD_LETTER' },
        order: { seq: 'ASC' },
      });
      if (dead.length === 0) {
        // A repeat of a re-drive that already happened is a harmless no-op.
        if (await messages.exists({ where: { subOrderId: subOrder.id, status: 'PENDING' } })) return subOrder;
        throw domainError(
          'INVALID_TRANSITION',
          `Sub-order ${subOrder.number} has no dead-lettered message to re-drive (dispatch ${subOrder.dispatchState}).`,
          { status: subOrder.dispatchState },
        );
      }
      await manager.query("UPDATE outbound_messages SET status = 'PENDING' WHERE id = ANY($1::bigint[])", [
        dead.map((message) => message.id),
      ]);
      await outbox.deliver(
        manager,
        dead.map((message) => message.id),
      );
      const dispatchState =
        subOrder.dispatchState === 'DEAD_LETTER' && dead.some((m) => m.type === 'DISPATCH')
          ? ('RETRYING' as const)
          : subOrder.dispatchState;
      if (dispatchState !== subOrder.dispatchState)
        await manager.getRepository(SubOrderEntity).update(subOrder.id, { dispatchState });
      await recordAudit(manager, {
        staff,
        action: 'REDRIVE_DISPATCH',
        orderNumber: order.number,
        before: {
          subOrderNumber: subOrder.number,
          dispatchState: subOrder.dispatchState,
          deadLetters: dead.map((m) => ({ seq: m.seq, type: m.type, lastError: m.lastError })),
        },
        after: { dispatchState, requeued: dead.map((m) => m.seq) },
        reason: `re-drive the dead-lettered messages of ${subOrder.number}`,
        address,
      });
      return manager.getRepository(SubOrderEntity).findOneByOrFail({ id: subOrder.id });
    });
  }
}
