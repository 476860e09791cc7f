import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { WarehouseEntity } from '../entities/index.js';
import {
  BadCallbackError,
  parseWmsCallback,
  type WmsCallbackService,
} from '../services/webhooks/wms-callback.service.js';
import { verifyWmsSignature } from './signatures.js';

/**
 * `POST /webhooks/wms/:warehouseCode` (api.md): the signature over the raw body is checked first, in constant time;
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
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!warehouse?.secret || !verifyWmsSignature(body, warehouse.secret, req.get('x-oms-signature'))) {
          res.status(401).json({ ok: false, error: 'bad signature' });
          return;
        }
        let raw: object;
        try {
          raw = JSON.parse(body.toString('utf8')) as object;
        } catch {
          res.status(400).json({ ok: false, error: 'body is not JSON' });
          return;
        }
        const outcome = await callbacks.handle(warehouse, parseWmsCallback(raw), raw);
        res.json({ ok: true, outcome });
      } catch (error) {
        if (error instanceof BadCallbackError) res.status(400).json({ ok: false, error: error.message });
        else next(error);
      }
    },
  );
  return router;
}
