import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { receiverOf, type Receiver } from '../../entities/index.js';
import type { OrderLookupService } from '../lookup/order-lookup.service.js';
import { recordAudit, recordOrderEvent, staffActor } from '../helpers/history.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { spendAllowance } from '../helpers/allowance.js';

/** The receiver's data in full, as a reveal returns it. */
export interface RevealedPersonalData extends Receiver {
  readonly orderNumber: string;
}

export const REVEAL_ACTION = 'REVEAL_PERSONAL_DATA';
const MAX_REASON_LENGTH = 500;

/** Reveals: permissioned by the resolver, reasoned, audited, limited per staff member per day (docs/reliability.md). */
export class PersonalDataService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly lookup: OrderLookupService,
  ) {}

  /** The receiver of one order in full; writes an audit row and an internal timeline entry in one transaction. */
  async reveal(
    staff: StaffPrincipal,
    orderNumber: string,
    reason: string,
    address: string | null,
  ): Promise<RevealedPersonalData> {
    const why = reason.trim();
    if (!why) throw badInput('reason', 'say why you need the full data');
    if (why.length > MAX_REASON_LENGTH) throw badInput('reason', `at most ${MAX_REASON_LENGTH} characters`);
    const order = await this.lookup.findByNumber(orderNumber);
    if (!order) throw domainError('NOT_FOUND', `No order ${orderNumber}.`);
    return inTransaction(this.deps, async ({ manager }) => {
      await spendAllowance(manager, staff, {
        action: REVEAL_ACTION,
        window: 'SHANGHAI_DAY',
        limit: this.deps.config.revealDailyLimit,
        refusal: `At most ${this.deps.config.revealDailyLimit} reveals a day; ask a manager if you need more.`,
      });
      await recordAudit(manager, {
        staff,
        action: REVEAL_ACTION,
        orderNumber: order.number,
        reason: why,
        address,
      });
      await recordOrderEvent(manager, {
        order,
        type: 'PERSONAL_DATA_REVEALED',
        actor: staffActor(staff),
        reason: why,
      });
      return { orderNumber: order.number, ...receiverOf(order) };
    });
  }
}
