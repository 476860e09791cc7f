import type { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal.js';
import { domainError, badInput } from '../errors/domain-error.js';
import { OrderEntity } from '../entities/index.js';
import { recordAudit, recordOrderEvent, staffActor } from './history.js';

const MAX_NOTE = 2_000;

/** Staff notes on an order (domain.md §2 Note): entries of its timeline, internal or customer-visible, audited. */
export class NotesService {
  constructor(private readonly db: DataSource) {}

  async add(
    staff: StaffPrincipal,
    orderNumber: string,
    text: string,
    customerVisible: boolean,
    address: string | null,
  ): Promise<OrderEntity> {
    const note = text.trim();
    if (!note) throw badInput('text', 'a note needs some text');
    if (note.length > MAX_NOTE) throw badInput('text', `at most ${MAX_NOTE} characters`);
    return this.db.transaction(async (manager) => {
      const order = await manager
        .getRepository(OrderEntity)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.number = :n', { n: orderNumber.trim() })
        .getOne();
      if (!order) throw domainError('NOT_FOUND', `No order ${orderNumber}.`);
      await recordOrderEvent(manager, {
        order,
        type: 'NOTE_ADDED',
        actor: staffActor(staff),
        reason: note,
        after: { customerVisible },
        customerVisible,
      });
      await recordAudit(manager, {
        staff,
        action: 'ADD_ORDER_NOTE',
        orderNumber: order.number,
        after: { customerVisible },
        reason: note,
        address,
      });
      return order;
    });
  }
}
