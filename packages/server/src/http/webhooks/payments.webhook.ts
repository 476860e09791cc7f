import type { PaymentMethod } from '@oms/schema';
import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { signedJsonBody } from './signed-json.js';
import { PaymentChannelEntity } from '../../entities/index.js';
import {
  REFUND_CHANNELS,
  type RefundAnswer,
  type RefundsService,
} from '../../services/refunds/refunds.service.js';
import { BadCallbackError, callbackTime } from './bad-callback.js';

const ANSWER_TYPES = ['REFUND_SUCCEEDED', 'REFUND_FAILED'] as const;

/** Parses and checks a channel's answer, or throws BadCallbackError naming the field. */
export function parseRefundAnswer(body: unknown): RefundAnswer {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (field: string, required: boolean, max = 128): string | null => {
    const value = b[field];
    if (value === undefined || value === null) {
      if (required) throw new BadCallbackError(`${field}: a non-empty string is required`);
      return null;
    }
    if (typeof value !== 'string' || !value.trim() || value.length > max)
      throw new BadCallbackError(`${field}: a non-empty string of at most ${max} characters`);
    return value.trim();
  };
  const type = text('type', true) as RefundAnswer['type'];
  if (!ANSWER_TYPES.includes(type)) throw new BadCallbackError(`type: one of ${ANSWER_TYPES.join(', ')}`);
  const occurredAt = callbackTime(text('occurredAt', true)!);
  const attempt = b.attempt;
  if (
    attempt !== undefined &&
    attempt !== null &&
    !(Number.isSafeInteger(attempt) && (attempt as number) >= 1)
  )
    throw new BadCallbackError('attempt: a whole number ≥ 1');
  return {
    eventId: text('eventId', true)!,
    type,
    refundId: typeof b.refundId === 'number' ? String(b.refundId) : text('refundId', true)!,
    channelRefundNo: text('channelRefundNo', false),
    reason: text('reason', false, 500),
    occurredAt,
    attempt: (attempt as number | undefined) ?? null,
  };
}

/**
 * `POST /webhooks/payments/:channel` (docs/api.md): a payment channel's answer for a refund, signed with that
 * channel's secret over the raw body (checked first, in constant time: a bad one is 401 and changes nothing). A
 * repeated eventId or an answer for a settled refund is 200 (stored); an unknown refund is 404.
 */
export function paymentsWebhook(db: DataSource, refunds: RefundsService): Router {
  const router = express.Router();
  router.post('/:channel', express.raw({ type: () => true, limit: '512kb' }), async (req, res, next) => {
    try {
      const method = req.params.channel as PaymentMethod;
      const channel = REFUND_CHANNELS.includes(method)
        ? await db.getRepository(PaymentChannelEntity).findOneBy({ method })
        : null;
      const raw = signedJsonBody(req, res, channel?.secret);
      if (!raw) return;
      const outcome = await refunds.answer(channel!.method, parseRefundAnswer(raw), raw);
      if (outcome === 'UNKNOWN_REFUND') res.status(404).json({ ok: false, outcome, error: 'no such refund' });
      else res.json({ ok: true, outcome });
    } catch (error) {
      if (error instanceof BadCallbackError) res.status(400).json({ ok: false, error: error.message });
      else next(error);
    }
  });
  return router;
}
