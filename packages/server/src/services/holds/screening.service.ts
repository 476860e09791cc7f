import { screenOrder, type RuleSetting } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { BlacklistEntity, OrderEntity, OrderLineEntity, RiskRuleEntity } from '../../entities/index.js';
import type { Actor } from '../history.js';
import { raiseHold } from './holds.js';

const DAY_MS = 86_400_000;
const SCREENER: Actor = { type: 'SYSTEM', id: 'screening' };

/** Screens a freshly split order once (domain.md §6.3, §9): a hit raises one interception holding every sub-order. */
export class ScreeningService {
  constructor(private readonly rollbackMinutes: number) {}

  async screen(manager: EntityManager, order: OrderEntity): Promise<boolean> {
    const settings: RuleSetting[] = await manager.getRepository(RiskRuleEntity).find();
    if (!settings.some((s) => s.enabled)) return false;
    const lines = await manager.getRepository(OrderLineEntity).find({ where: { orderId: order.id } });
    const perSku = new Map<string, number>();
    for (const line of lines) perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.quantity);
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
      {
        payableFen: order.payableFen,
        accountAgeDays: order.customerRegisteredAt
          ? Math.floor((order.createdAt.getTime() - order.customerRegisteredAt.getTime()) / DAY_MS)
          : null,
        paidOrdersToAddress: paidToAddress,
        blacklisted: [...new Set(listed.map((l) => l.kind))],
        maxQuantityPerSku: Math.max(0, ...perSku.values()),
      },
      settings,
    );
    const [first] = hits;
    if (!first) return false;
    await raiseHold(manager, order, {
      rule: first.rule,
      reason: `screening: ${hits.map((h) => h.rule).join(', ')}`,
      evidence: Object.fromEntries(hits.map((h) => [h.rule, h.evidence])),
      actor: SCREENER,
      subOrderId: null,
      rollbackMinutes: this.rollbackMinutes,
    });
    return true;
  }
}
