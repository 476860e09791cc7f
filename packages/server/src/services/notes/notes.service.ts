import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput } from '../../errors/domain-error.js';
import type { OrderEntity } from '../../entities/index.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit, recordOrderEvent, staffActor } from '../helpers/history.js';
import { lockOrderByNumber } from '../helpers/locks.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';

const MAX_NOTE = 2_000;

/** Staff notes on an order (docs/domain.md §2 Note): entries of its timeline, internal or customer-visible, audited. */
export class NotesService {
  constructor(private readonly deps: ServiceDeps) {}

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
    const number = checkOrderNumber(orderNumber);
    return inTransaction(this.deps, async ({ manager }) => {
      const order = await lockOrderByNumber(manager, number);
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
