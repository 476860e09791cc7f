import express, { type Router } from 'express';
import { carrierFromKuaidi100 } from '@oms/schema';
import type { Kuaidi100Push, Kuaidi100PushService } from '../../services/webhooks/kuaidi100-push.service.js';
import { BadCallbackError } from './bad-callback.js';
import { verifyKuaidi100Sign } from '../../auth/signatures.js';

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

/** Kuaidi100 retries unless it gets exactly this answer (docs/reliability.md). */
const SUCCESS = { result: true, returnCode: '200', message: '成功' };

/**
 * `POST /webhooks/carriers/kuaidi100` (docs/api.md): form fields `param` and `sign` = upper-case MD5(param + salt),
 * checked in constant time; a bad signature gets 401 with `"result":false` and changes nothing.
 */
export function kuaidi100Webhook(salt: string, pushes: Kuaidi100PushService): Router {
  const router = express.Router();
  router.post('/', express.urlencoded({ extended: false, limit: '512kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const param = typeof body.param === 'string' ? body.param : '';
      // No salt configured: nothing can be verified, so nothing is accepted (docs/reliability.md: always require one).
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
