import express, { type Router } from 'express';
import { BadCallbackError } from '../services/webhooks/wms-callback.service.js';
import {
  parseKuaidi100Param,
  type Kuaidi100PushService,
} from '../services/webhooks/kuaidi100-push.service.js';
import { verifyKuaidi100Sign } from './signatures.js';

/** Kuaidi100 retries unless it gets exactly this answer (reliability.md). */
const SUCCESS = { result: true, returnCode: '200', message: '成功' };

/**
 * `POST /webhooks/carriers/kuaidi100` (api.md): form fields `param` and `sign` = upper-case MD5(param + salt),
 * checked in constant time; a bad signature gets 401 with `"result":false` and changes nothing.
 */
export function kuaidi100Webhook(salt: string, pushes: Kuaidi100PushService): Router {
  const router = express.Router();
  router.post('/', express.urlencoded({ extended: false, limit: '512kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const param = typeof body.param === 'string' ? body.param : '';
      // No salt configured: nothing can be verified, so nothing is accepted (reliability.md: always require one).
      if (
        !salt ||
        !param ||
        !verifyKuaidi100Sign(param, salt, typeof body.sign === 'string' ? body.sign : undefined)
      ) {
        res.status(401).json({ result: false, returnCode: '401', message: 'bad signature' });
        return;
      }
      await pushes.handle(parseKuaidi100Param(param), param);
      res.json(SUCCESS);
    } catch (error) {
      if (error instanceof BadCallbackError)
        res.status(400).json({ result: false, returnCode: '400', message: error.message });
      else next(error);
    }
  });
  return router;
}
