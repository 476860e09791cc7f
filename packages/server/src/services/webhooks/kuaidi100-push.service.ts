import { createHash } from 'node:crypto';
import {
  classifyReport,
  FINAL_LOGISTICS_NODES,
  LOGISTICS_RANK,
  mapKuaidi100State,
  type CarrierCode,
  type LogisticsNode,
} from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { ShipmentEntity } from '../../entities/index.js';
import { inTransaction, type ServiceDeps, type Tx } from '../helpers/deps.js';
import type { Actor } from '../helpers/history.js';
import { storeInboundOnce } from '../helpers/inbox.js';
import { lockShipment, lockSubOrder } from '../helpers/locks.js';
import { applySubOrderEvent } from '../helpers/transitions.js';

/** One tracking entry of a push. */
export interface TrackEntry {
  readonly context: string;
  readonly ftime: string;
  readonly areaName: string | null;
  readonly occurredAt: Date;
}

/**
 * A Kuaidi100 push, checked at the edge (http/webhooks/kuaidi100.webhook.ts): the carrier, the waybill, its state,
 * its whole track newest first.
 */
export interface Kuaidi100Push {
  readonly carrier: CarrierCode;
  readonly trackingNumber: string;
  readonly state: string;
  readonly entries: readonly TrackEntry[];
}

function isNormal(node: LogisticsNode): boolean {
  return node !== 'EXCEPTION' && LOGISTICS_RANK[node] <= LOGISTICS_RANK.SIGNED;
}

/**
 * Carrier pushes (docs/api.md `POST /webhooks/carriers/kuaidi100`, docs/domain.md §7): every entry stored once by its identity
 * (carrier, waybill, time, text); only the newest entry takes the push's state; the parcel's node only moves
 * forward (EXCEPTION may return to the path); a signed or rejected parcel settles its sub-order when the others
 * allow. A waybill not known yet is stored and attached when the SHIPPED report names it.
 */
export class Kuaidi100PushService {
  constructor(private readonly deps: ServiceDeps) {}

  async handle(push: Kuaidi100Push, param: string): Promise<string> {
    return inTransaction(this.deps, async (tx) => {
      const { manager } = tx;
      // The inbox row is written in the same transaction as everything the push changes, so an identical push
      // already in it was applied in full: a replay (Kuaidi100 retries, duplicates) stops here. An identical push
      // arriving at the same moment waits on the unique key until the first commits, then stops here too.
      const stored = await storeInboundOnce(manager, {
        source: 'KUAIDI100',
        key: createHash('sha256').update(param).digest('hex'),
        payload: JSON.parse(param) as object,
      });
      if (!stored) return 'DUPLICATE';
      const known = await manager.getRepository(ShipmentEntity).findOne({
        where: { carrierCode: push.carrier, trackingNumber: push.trackingNumber },
        select: { id: true, orderId: true },
      });
      const shipment = known ? await lockShipment(manager, known) : null;
      const mapping = mapKuaidi100State(push.state);
      await this.storeTrack(manager, push, shipment, mapping);
      if (!shipment) return 'STORED_UNKNOWN_WAYBILL';
      if (!mapping) return 'STORED_UNKNOWN_STATE';
      return this.moveNode(tx, shipment, mapping.node);
    });
  }

  /**
   * Every entry of the track, each stored once by its identity, in one statement; only the newest entry carries the
   * push's state and node.
   */
  private async storeTrack(
    manager: EntityManager,
    push: Kuaidi100Push,
    shipment: ShipmentEntity | null,
    mapping: ReturnType<typeof mapKuaidi100State>,
  ): Promise<void> {
    const entries = push.entries.map((entry, i) => ({
      raw_state: i === 0 ? push.state : null,
      node: i === 0 ? (mapping?.node ?? null) : null,
      context: entry.context,
      area_name: entry.areaName,
      occurred_at: entry.occurredAt.toISOString(),
      customer_visible: i === 0 ? (mapping?.customerVisible ?? true) : true,
    }));
    await manager.query(
      `INSERT INTO logistics_events (shipment_id, order_id, shard, carrier_code, tracking_number, raw_state, node,
         context, area_name, occurred_at, customer_visible)
       SELECT $1, $2, $3, $4, $5, e.raw_state, e.node, e.context, e.area_name, e.occurred_at, e.customer_visible
       FROM jsonb_to_recordset($6::jsonb) AS e(raw_state text, node text, context text, area_name text,
         occurred_at timestamptz, customer_visible boolean)
       ON CONFLICT (carrier_code, tracking_number, occurred_at, md5(context)) DO NOTHING`,
      [
        shipment?.id ?? null,
        shipment?.orderId ?? null,
        shipment?.shard ?? null,
        push.carrier,
        push.trackingNumber,
        JSON.stringify(entries),
      ],
    );
  }

  private async moveNode(tx: Tx, shipment: ShipmentEntity, node: LogisticsNode): Promise<string> {
    const current = shipment.node;
    if (current !== null) {
      const outcome = classifyReport('LOGISTICS', current, `REPORT_${node}`, {
        lastNormalNode: shipment.lastNormalNode,
      });
      if (outcome !== 'APPLY') return outcome;
    }
    const lastNormalNode = isNormal(node) ? node : shipment.lastNormalNode;
    await tx.manager.getRepository(ShipmentEntity).update(shipment.id, { node, lastNormalNode });
    Object.assign(shipment, { node, lastNormalNode });
    if (node === 'SIGNED' || node === 'REJECTED') await this.settleSubOrder(tx, shipment);
    return 'APPLIED';
  }

  /** Delivered when every parcel is signed; rejected once the rejected parcel's siblings are final. */
  private async settleSubOrder(tx: Tx, shipment: ShipmentEntity): Promise<void> {
    const { manager } = tx;
    const { order, subOrder } = await lockSubOrder(manager, shipment.subOrderId);
    if (subOrder.status !== 'SHIPPED') return;
    const parcels = await manager.getRepository(ShipmentEntity).find({ where: { subOrderId: subOrder.id } });
    const final = (p: ShipmentEntity) =>
      p.node !== null && (FINAL_LOGISTICS_NODES.includes(p.node) || p.node === 'REJECTED');
    const actor: Actor = { type: 'CARRIER', id: shipment.carrierCode };
    const anyRejected = parcels.some(
      (p) => p.node === 'REJECTED' || p.node === 'RETURNING' || p.node === 'RETURN_SIGNED',
    );
    if (anyRejected) {
      if (parcels.every(final))
        await applySubOrderEvent(tx, {
          order,
          subOrder,
          event: 'PARCEL_REJECTED',
          facts: { otherParcelsFinal: true },
          actor,
        });
      return;
    }
    if (parcels.every((p) => p.node === 'SIGNED'))
      await applySubOrderEvent(tx, {
        order,
        subOrder,
        event: 'PARCEL_SIGNED',
        facts: { allParcelsSigned: true },
        actor,
      });
  }
}
