import type { DataSource } from 'typeorm';
import { domainError } from '../../errors/domain-error.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { OutboundMessageEntity, SubOrderEntity } from '../../entities/index.js';
import { addDeliveryJob } from '../../jobs/outbox.js';
import { recordAudit } from '../history.js';
import { lockSubOrder } from '../locks.js';

/**
 * Re-drives a sub-order's dead-lettered outbox messages (reliability.md "warehouse answers 500 / times out
 * repeatedly … a way to re-drive"): each goes back to PENDING with a fresh delivery job and a fresh attempt budget,
 * in its sub-order's queue, so they leave in `seq` order as before. Audited in the same transaction.
 */
export class DispatchRedriveService {
  constructor(
    private readonly db: DataSource,
    private readonly maxAttempts: number,
  ) {}

  async redrive(
    staff: StaffPrincipal,
    subOrderNumber: string,
    address: string | null,
  ): Promise<SubOrderEntity> {
    return this.db.transaction(async (manager) => {
      const found = await manager
        .getRepository(SubOrderEntity)
        .findOne({ where: { number: subOrderNumber.trim() }, select: { id: true } });
      if (!found) throw domainError('NOT_FOUND', `No sub-order ${subOrderNumber}.`);
      const { order, subOrder } = await lockSubOrder(manager, found.id);
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
      for (const message of dead) {
        await messages.update(message.id, { status: 'PENDING' });
        await addDeliveryJob(manager, message, this.maxAttempts);
      }
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
