import { randomUUID } from 'node:crypto';
import { CARRIER_CODES, type CarrierCode } from '@oms/schema';
import express, { type Router } from 'express';
import { verifyHmacSignature, hmacSignature } from '@oms/server';
import type { CarrierSimulator } from './carrier-simulator.js';
import { between, chance, type Schedule } from './schedule.js';

/** A tracking number shaped like the carrier's own. */
export function trackingNumberFor(carrier: CarrierCode): string {
  const digits = (n: number) => Array.from({ length: n }, () => between(0, 9)).join('');
  const shapes: Record<CarrierCode, () => string> = {
    JD: () => `JD${digits(13)}`,
    SF: () => `SF${digits(12)}`,
    ZTO: () => `7${digits(11)}`,
    YTO: () => `YT${digits(13)}`,
    STO: () => `77${digits(12)}`,
    YUNDA: () => `4${digits(12)}`,
    EMS: () => `1${digits(12)}`,
  };
  return shapes[carrier]();
}

interface Dispatch {
  type: 'DISPATCH' | 'CANCEL' | 'INTERCEPT';
  lines?: { sku: string; quantity: number }[];
  subOrderNumber: string;
  warehouseCode: string;
  receiver?: { city?: string };
}

/**
 * The demo warehouse system (docs/api.md "Demo mode"): takes dispatches over real HTTP at /simulators/wms and answers
 * them later with signed callbacks to /webhooks/wms/:code: accept, pick, pack, ship with a carrier and tracking
 * number. Now and then it is slow (so SLA flags appear) or out of stock (it refuses the dispatch), and it confirms
 * the cancels and intercepts it receives.
 */
export function warehouseSimulator(
  baseUrl: string,
  secret: string,
  schedule: Schedule,
  carriers: CarrierSimulator,
  stepMs: readonly [number, number],
): Router {
  const shipped = new Set<string>();
  const stopped = new Set<string>();
  const outOfStock = new Set<string>();
  const callback = async (code: string, body: object) => {
    const raw = JSON.stringify(body);
    const response = await fetch(`${baseUrl}/webhooks/wms/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(raw, secret) },
      body: raw,
    });
    if (!response.ok) throw new Error(`callback answered ${response.status}`);
  };
  const step = (code: string, subOrderNumber: string, type: string, extra: object = {}) =>
    callback(code, {
      eventId: randomUUID(),
      subOrderNumber,
      type,
      occurredAt: new Date().toISOString(),
      ...extra,
    });

  const fulfil = (message: Dispatch) => {
    const { warehouseCode: code, subOrderNumber } = message;
    const slow = chance(0.1) ? 20 : 1;
    const city = message.receiver?.city ?? '北京市';
    const wait = () => between(...stepMs) * slow;
    // Each step checks that no cancel stopped the work in the meantime.
    const then = (work: () => Promise<void>) =>
      schedule.after(wait(), async () => (stopped.has(subOrderNumber) ? undefined : work()));
    then(async () => {
      await step(code, subOrderNumber, 'ACCEPTED');
      then(async () => {
        await step(code, subOrderNumber, 'PICKING');
        then(async () => {
          await step(code, subOrderNumber, 'PACKED');
          then(async () => {
            const carrier = CARRIER_CODES[between(0, CARRIER_CODES.length - 1)]!;
            const trackingNumber = trackingNumberFor(carrier);
            await step(code, subOrderNumber, 'SHIPPED', { shipments: [{ carrier, trackingNumber }] });
            shipped.add(subOrderNumber);
            carriers.follow(carrier, trackingNumber, city);
          });
        });
      });
    });
  };

  const router = express.Router();
  router.post('/', express.raw({ type: () => true, limit: '512kb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyHmacSignature(raw, secret, req.get('x-oms-signature'))) {
      res.status(401).json({ ok: false });
      return;
    }
    const message = JSON.parse(raw.toString('utf8')) as Dispatch;
    // Now and then (a tenth of the dispatches asking two or more of one sku) the warehouse turns out to have no
    // stock: it refuses the dispatch, the outbox retries and in the end dead-letters it for ops to re-route.
    const bulky = (message.lines ?? []).some((line) => line.quantity >= 2);
    if (message.type === 'DISPATCH' && (outOfStock.has(message.subOrderNumber) || (bulky && chance(0.1)))) {
      outOfStock.add(message.subOrderNumber);
      res.status(409).json({ ok: false, error: 'out of stock' });
      return;
    }
    res.json({ ok: true });
    if (message.type === 'DISPATCH') fulfil(message);
    else {
      const refused = shipped.has(message.subOrderNumber);
      if (!refused) stopped.add(message.subOrderNumber);
      const answer =
        message.type === 'CANCEL'
          ? refused
            ? 'CANCEL_REFUSED'
            : 'CANCEL_CONFIRMED'
          : refused
            ? 'INTERCEPT_REFUSED'
            : 'INTERCEPT_CONFIRMED';
      schedule.after(between(...stepMs), () => step(message.warehouseCode, message.subOrderNumber, answer));
    }
  });
  return router;
}
