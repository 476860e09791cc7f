import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { WarehouseEntity } from '../../entities/index.js';
import { carrierByCode, carrierFromKuaidi100 } from '@oms/schema';
import {
  WMS_CALLBACK_TYPES,
  type WmsCallback,
  type WmsCallbackService,
  type WmsCallbackType,
} from '../../services/webhooks/wms-callback.service.js';
import { BadCallbackError, CALLBACK_WINDOW, callbackTime } from './bad-callback.js';
import { signedJsonBody } from './signed-json.js';

/** Parses and checks a callback body, or throws BadCallbackError naming the field. */
export function parseWmsCallback(body: unknown): WmsCallback {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (field: string) => {
    const value = b[field];
    if (typeof value !== 'string' || !value.trim() || value.length > 128)
      throw new BadCallbackError(`${field}: a non-empty string is required`);
    return value.trim();
  };
  const type = text('type') as WmsCallbackType;
  if (!WMS_CALLBACK_TYPES.includes(type))
    throw new BadCallbackError(`type: one of ${WMS_CALLBACK_TYPES.join(', ')}`);
  const occurredAt = callbackTime(text('occurredAt'), CALLBACK_WINDOW);
  const shipments = Array.isArray(b.shipments) ? b.shipments : [];
  const parsed = shipments.map((s: unknown, i: number) => {
    const { carrier, trackingNumber } = (s ?? {}) as Record<string, unknown>;
    if (typeof carrier !== 'string' || !(carrierByCode(carrier) ?? carrierFromKuaidi100(carrier)))
      throw new BadCallbackError(`shipments[${i}].carrier: unknown carrier`);
    if (typeof trackingNumber !== 'string' || !/^[A-Za-z0-9-]{6,40}$/.test(trackingNumber))
      throw new BadCallbackError(`shipments[${i}].trackingNumber: 6–40 letters or digits`);
    return { carrier: (carrierByCode(carrier) ?? carrierFromKuaidi100(carrier))!.code, trackingNumber };
  });
  const waybills = parsed.map((p) => `${p.carrier} ${p.trackingNumber}`);
  const twice = waybills.findIndex((waybill, i) => waybills.indexOf(waybill) !== i);
  if (twice >= 0) throw new BadCallbackError(`shipments[${twice}].trackingNumber: the same waybill twice`);
  if (type === 'SHIPPED' && parsed.length === 0)
    throw new BadCallbackError('shipments: SHIPPED needs at least one parcel');
  return {
    eventId: text('eventId'),
    subOrderNumber: text('subOrderNumber'),
    type,
    occurredAt,
    shipments: parsed,
  };
}

/**
 * `POST /webhooks/wms/:warehouseCode` (docs/api.md): the signature over the raw body is checked first, in constant time;
 * a bad one is 401 and changes nothing. A repeated eventId or a step that would go backwards is 200 (stored).
 */
export function wmsWebhook(db: DataSource, callbacks: WmsCallbackService): Router {
  const router = express.Router();
  router.post(
    '/:warehouseCode',
    express.raw({ type: () => true, limit: '512kb' }),
    async (req, res, next) => {
      try {
        const warehouse = await db
          .getRepository(WarehouseEntity)
          .findOne({ where: { code: req.params.warehouseCode } });
        const raw = signedJsonBody(req, res, warehouse?.secret);
        if (!raw) return;
        const { outcome, problem } = await callbacks.handle(warehouse!, parseWmsCallback(raw), raw);
        if (problem) res.status(409).json({ ok: false, outcome, error: problem });
        else res.json({ ok: true, outcome });
      } catch (error) {
        if (error instanceof BadCallbackError) res.status(400).json({ ok: false, error: error.message });
        else next(error);
      }
    },
  );
  return router;
}
