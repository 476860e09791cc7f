import { createHash } from 'node:crypto';
import {
  carrierFromKuaidi100,
  classifyReport,
  FINAL_LOGISTICS_NODES,
  LOGISTICS_RANK,
  mapKuaidi100State,
  type CarrierCode,
  type LogisticsNode,
} from '@oms/schema';
import type { DataSource, EntityManager } from 'typeorm';
import {
  InboundMessageEntity,
  type OrderEntity,
  PaymentEntity,
  PaymentLogEntity,
  ShipmentEntity,
} from '../../entities/index.js';
import { recordOrderEvent, type Actor } from '../history.js';
import { applySubOrderEvent } from '../status-writes.js';
import { lockOrder, lockSubOrder } from '../locks.js';
import { BadCallbackError } from './wms-callback.service.js';

/** One tracking entry of a push. */
interface TrackEntry {
  readonly context: string;
  readonly ftime: string;
  readonly areaName: string | null;
  readonly occurredAt: Date;
}

/** A parsed Kuaidi100 push: the carrier, the waybill, its state, its whole track newest first. */
export interface Kuaidi100Push {
  readonly carrier: CarrierCode;
  readonly trackingNumber: string;
  readonly state: string;
  readonly entries: readonly TrackEntry[];
}

/** Kuaidi100 times are Asia/Shanghai local time without a zone ("2026-11-24 09:30:00"). */
function shanghaiTime(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) throw new BadCallbackError(`time "${value}" is not yyyy-MM-dd HH:mm:ss`);
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`);
}

/** Parses the `param` field of a push, or throws BadCallbackError. */
export function parseKuaidi100Param(param: string): Kuaidi100Push {
  let body: { lastResult?: { com?: unknown; nu?: unknown; state?: unknown; data?: unknown } };
  try {
    body = JSON.parse(param) as typeof body;
  } catch {
    throw new BadCallbackError('param is not JSON');
  }
  const last = body.lastResult ?? {};
  const carrier = typeof last.com === 'string' ? carrierFromKuaidi100(last.com) : undefined;
  if (!carrier) throw new BadCallbackError(`lastResult.com: unknown carrier ${String(last.com)}`);
  if (typeof last.nu !== 'string' || !/^[A-Za-z0-9-]{6,40}$/.test(last.nu))
    throw new BadCallbackError('lastResult.nu: a tracking number is required');
  if (!Array.isArray(last.data)) throw new BadCallbackError('lastResult.data: a list is required');
  const entries = last.data.map((raw: unknown, i: number) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    if (typeof entry.context !== 'string' || typeof entry.ftime !== 'string')
      throw new BadCallbackError(`lastResult.data[${i}]: context and ftime are required`);
    return {
      context: entry.context.slice(0, 500),
      ftime: entry.ftime,
      areaName: typeof entry.areaName === 'string' ? entry.areaName : null,
      occurredAt: shanghaiTime(entry.ftime),
    };
  });
  // "Newest first" is what Kuaidi100 sends, but order by time rather than trust it.
  entries.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  return { carrier: carrier.code, trackingNumber: last.nu, state: String(last.state ?? ''), entries };
}

function isNormal(node: LogisticsNode): boolean {
  return node !== 'EXCEPTION' && LOGISTICS_RANK[node] <= LOGISTICS_RANK.SIGNED;
}

/**
 * Carrier pushes (api.md `POST /webhooks/carriers/kuaidi100`, domain.md §7): every entry stored once by its identity
 * (carrier, waybill, time, text); only the newest entry takes the push's state; the parcel's node only moves
 * forward (EXCEPTION may return to the path); a signed or rejected parcel settles its sub-order when the others
 * allow. A waybill not known yet is stored and attached when the SHIPPED report names it.
 */
export class Kuaidi100PushService {
  constructor(private readonly db: DataSource) {}

  async handle(push: Kuaidi100Push, param: string): Promise<string> {
    return this.db.transaction(async (manager) => {
      // The inbox row is written in the same transaction as everything the push changes, so an identical push
      // already in it was applied in full: a replay (Kuaidi100 retries, duplicates) stops here. An identical push
      // arriving at the same moment waits on the unique key until the first commits, then stops here too.
      const inbox = await manager
        .createQueryBuilder()
        .insert()
        .into(InboundMessageEntity)
        .values({
          source: 'KUAIDI100',
          messageKey: createHash('sha256').update(param).digest('hex'),
          receivedAt: new Date(),
          payload: JSON.parse(param) as object,
          outcome: 'RECEIVED',
        })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inbox.raw as unknown[]).length === 0) return 'DUPLICATE';
      const known = await manager.getRepository(ShipmentEntity).findOne({
        where: { carrierCode: push.carrier, trackingNumber: push.trackingNumber },
        select: { id: true, orderId: true },
      });
      // Parent first (locks.ts), then the parcel.
      if (known) await lockOrder(manager, known.orderId);
      const shipment = known
        ? await manager
            .getRepository(ShipmentEntity)
            .createQueryBuilder('sh')
            .setLock('pessimistic_write')
            .where('sh.id = :id', { id: known.id })
            .getOneOrFail()
        : null;
      const mapping = mapKuaidi100State(push.state);
      await this.storeTrack(manager, push, shipment, mapping);
      if (!shipment) return 'STORED_UNKNOWN_WAYBILL';
      if (!mapping) return 'STORED_UNKNOWN_STATE';
      return this.moveNode(manager, shipment, mapping.node);
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

  private async moveNode(
    manager: EntityManager,
    shipment: ShipmentEntity,
    node: LogisticsNode,
  ): Promise<string> {
    const current = shipment.node;
    if (current !== null) {
      const outcome = classifyReport('LOGISTICS', current, `REPORT_${node}`, {
        lastNormalNode: shipment.lastNormalNode,
      });
      if (outcome !== 'APPLY') return outcome;
    }
    const lastNormalNode = isNormal(node) ? node : shipment.lastNormalNode;
    await manager.getRepository(ShipmentEntity).update(shipment.id, { node, lastNormalNode });
    Object.assign(shipment, { node, lastNormalNode });
    if (node === 'SIGNED' || node === 'REJECTED') await this.settleSubOrder(manager, shipment);
    return 'APPLIED';
  }

  /** Delivered when every parcel is signed; rejected once the rejected parcel's siblings are final. */
  private async settleSubOrder(manager: EntityManager, shipment: ShipmentEntity): Promise<void> {
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
        await applySubOrderEvent(
          manager,
          order,
          subOrder,
          'PARCEL_REJECTED',
          { otherParcelsFinal: true },
          actor,
        );
      return;
    }
    if (parcels.every((p) => p.node === 'SIGNED')) {
      const row = await applySubOrderEvent(
        manager,
        order,
        subOrder,
        'PARCEL_SIGNED',
        { allParcelsSigned: true },
        actor,
      );
      if (row.effects.includes('SETTLE_COD')) await this.settleCod(manager, order);
    }
  }

  /** Cash on delivery is paid when the parcel is signed (domain.md §3). */
  private async settleCod(manager: EntityManager, order: OrderEntity): Promise<void> {
    const pending = await manager
      .getRepository(PaymentEntity)
      .find({ where: { orderId: order.id, method: 'COD', status: 'PENDING' } });
    for (const payment of pending) {
      const now = new Date();
      await manager.getRepository(PaymentEntity).update(payment.id, { status: 'SUCCEEDED', paidAt: now });
      await manager.getRepository(PaymentLogEntity).insert({
        paymentId: payment.id,
        orderId: order.id,
        shard: order.shard,
        status: 'SUCCEEDED',
        at: now,
        reference: 'collected on delivery',
      });
      await recordOrderEvent(manager, {
        order,
        type: 'PAYMENT_SUCCEEDED',
        actor: { type: 'SYSTEM', id: 'cod-settlement' },
        after: { method: 'COD', amountFen: payment.amountFen },
      });
    }
  }
}
