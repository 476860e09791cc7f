import type { CarrierCode } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import type { OrderEntity, SubOrderEntity } from '../../entities/index.js';
import { recordOrderEvent } from './history.js';
import { consumeReservation } from './stock.js';

/** What a warehouse reports when it ships a sub-order. */
export interface ShippedParcels {
  readonly warehouse: { readonly id: string; readonly code: string; readonly name: string };
  readonly parcels: readonly { readonly carrier: CarrierCode; readonly trackingNumber: string }[];
  readonly occurredAt: Date;
}

/**
 * A sub-order has left its warehouse: one shipment per parcel (carrier events that arrived before the warehouse
 * named the waybill are attached to it), its reservation consumed from the warehouse's stock, and the customer's
 * timeline told.
 */
export async function recordShipment(
  manager: EntityManager,
  order: Pick<OrderEntity, 'id' | 'shard'>,
  subOrder: Pick<SubOrderEntity, 'id'>,
  shipped: ShippedParcels,
): Promise<void> {
  await manager.query(
    `WITH parcels AS (
       INSERT INTO shipments (sub_order_id, order_id, shard, carrier_code, tracking_number, node, last_normal_node,
         shipped_at)
       SELECT $1, $2, $3, p.carrier, p.tracking_number, NULL, NULL, $4
       FROM jsonb_to_recordset($5::jsonb) AS p(i int, carrier text, tracking_number text) ORDER BY p.i
       RETURNING id, carrier_code, tracking_number
     )
     UPDATE logistics_events e SET shipment_id = parcels.id, order_id = $2, shard = $3
     FROM parcels
     WHERE e.carrier_code = parcels.carrier_code AND e.tracking_number = parcels.tracking_number
       AND e.shipment_id IS NULL`,
    [
      subOrder.id,
      order.id,
      order.shard,
      shipped.occurredAt,
      JSON.stringify(
        shipped.parcels.map((p, i) => ({ i, carrier: p.carrier, tracking_number: p.trackingNumber })),
      ),
    ],
  );
  await consumeReservation(manager, { subOrderId: subOrder.id, warehouseId: shipped.warehouse.id });
  await recordOrderEvent(manager, {
    order,
    subOrderId: subOrder.id,
    type: 'SHIPPED',
    actor: { type: 'WAREHOUSE', id: shipped.warehouse.code, name: shipped.warehouse.name },
    after: { parcels: shipped.parcels },
    customerVisible: true,
    at: shipped.occurredAt,
  });
}
