import { screenOrder, screeningFacts, type RuleSetting } from '@oms/schema';
import { BlacklistEntity, OrderEntity, OrderLineEntity, RiskRuleEntity } from '../../entities/index.js';
import type { ServiceConfig, Tx } from '../helpers/deps.js';
import { raiseHold, screeningHold } from '../helpers/holds.js';

/**
 * Screens a freshly split order once (docs/domain.md §6.3, §9): the facts gathered here, the rules of packages/schema,
 * and a hit raises one interception holding every sub-order.
 */
export class ScreeningService {
  constructor(private readonly config: Pick<ServiceConfig, 'rollbackMinutes'>) {}

  async screen(tx: Tx, order: OrderEntity): Promise<boolean> {
    const { manager } = tx;
    const settings: RuleSetting[] = await manager.getRepository(RiskRuleEntity).find();
    if (!settings.some((s) => s.enabled)) return false;
    const lines = await manager.getRepository(OrderLineEntity).find({ where: { orderId: order.id } });
    const velocity = settings.find((s) => s.code === 'ADDRESS_VELOCITY');
    const windowHours = velocity?.params.windowHours ?? 24;
    const paidToAddress = order.receiverAddressKey
      ? await manager
          .getRepository(OrderEntity)
          .createQueryBuilder('o')
          .where('o.receiver_address_key = :key AND o.paid_at > :since', {
            key: order.receiverAddressKey,
            since: new Date(Date.now() - windowHours * 3_600_000),
          })
          .getCount()
      : 1;
    const listed = await manager.getRepository(BlacklistEntity).find({
      where: [
        { kind: 'PHONE', value: order.receiverPhoneIndex },
        { kind: 'ACCOUNT', value: order.customerId },
        ...(order.receiverAddressKey ? [{ kind: 'ADDRESS' as const, value: order.receiverAddressKey }] : []),
      ],
    });
    const hits = screenOrder(
      screeningFacts({
        payableFen: order.payableFen,
        createdAt: order.createdAt,
        customerRegisteredAt: order.customerRegisteredAt,
        lines,
        paidOrdersToAddress: paidToAddress,
        blacklisted: listed.map((l) => l.kind),
      }),
      settings,
    );
    const hold = screeningHold(hits, this.config.rollbackMinutes);
    if (!hold) return false;
    await raiseHold(tx, order, hold);
    return true;
  }
}
