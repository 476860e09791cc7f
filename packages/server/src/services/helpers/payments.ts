import type { OrderEntity } from '../../entities/index.js';
import type { Tx } from './deps.js';
import { recordOrderEvent, type Actor } from './history.js';
import { refundOverpayment } from './refunds.js';

const COD_SETTLEMENT: Actor = { type: 'SYSTEM', id: 'cod-settlement' };

/**
 * Cash on delivery is paid when the parcel is signed (docs/domain.md §3): every PENDING COD payment of the order
 * succeeds, with its log entry and a timeline entry; money beyond what the order owes (it was paid another way
 * meanwhile) goes back at once (§11 overpayment).
 */
export async function collectCashOnDelivery(
  tx: Tx,
  order: Pick<OrderEntity, 'id' | 'shard' | 'status' | 'payableFen'>,
): Promise<void> {
  const { manager } = tx;
  const now = new Date();
  const collected: { id: string; amountFen: string }[] = await manager.query(
    `WITH collected AS (
       UPDATE payments SET status = 'SUCCEEDED', paid_at = $2
       WHERE order_id = $1 AND method = 'COD' AND status = 'PENDING'
       RETURNING id, order_id, shard, amount_fen
     ), logged AS (
       INSERT INTO payment_logs (payment_id, order_id, shard, status, at, reference)
       SELECT id, order_id, shard, 'SUCCEEDED', $2, 'collected on delivery' FROM collected ORDER BY id
     )
     SELECT id::text AS id, amount_fen::text AS "amountFen" FROM collected ORDER BY id`,
    [order.id, now],
  );
  for (const payment of collected) {
    await recordOrderEvent(manager, {
      order,
      type: 'PAYMENT_SUCCEEDED',
      actor: COD_SETTLEMENT,
      after: { method: 'COD', amountFen: Number(payment.amountFen) },
      at: now,
    });
    await refundOverpayment(tx, order, payment.id, COD_SETTLEMENT);
  }
}
