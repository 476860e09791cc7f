import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { hmacSignature, REFUND_CHANNELS, verifyHmacSignature } from '@oms/server';
import {
  channelRefundNo,
  randomDigits,
  REFUND_FAILURE_REASONS,
  type RefundMethod,
} from '../payment-channels.js';
import { between, chance, type Schedule } from './schedule.js';

/** What the simulator reads of a REFUND message (docs/api.md "Refunds, outbound"); nothing personal is kept. */
interface RefundMessage {
  readonly eventId: string;
  readonly refundId: string;
  readonly attempt: number;
  readonly method: RefundMethod;
}

export interface PaymentSimulatorOptions {
  /** The share of first attempts the channel refuses (later attempts always go through). */
  readonly failureShare?: number;
  /** How many eventIds it remembers, to answer each message once. */
  readonly remember?: number;
}

/** How many times an answer is posted while it gets no answer or a 5xx (waiting twice as long each time). */
const ANSWER_TRIES = 5;

/** The message's fields the answer needs, or null when it is not a REFUND message the simulator can answer. */
function refundMessage(body: unknown): RefundMessage | null {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.type !== 'REFUND') return null;
  if (typeof b.eventId !== 'string' || !b.eventId) return null;
  if (typeof b.refundId !== 'string' || !b.refundId) return null;
  if (!REFUND_CHANNELS.includes(b.method as RefundMethod)) return null;
  const attempt = Number.isSafeInteger(b.attempt) ? (b.attempt as number) : 1;
  return { eventId: b.eventId, refundId: b.refundId, attempt, method: b.method as RefundMethod };
}

/**
 * The demo's payment channels (docs/api.md "Demo mode"): one endpoint, /simulators/payments, for all six refund
 * channels (the method is in each body). It takes a REFUND message signed with the channels' secret (401 on a bad
 * signature), answers 200 at once, and `answerMs` later posts the channel's answer to /webhooks/payments/:method,
 * signed the same way: mostly REFUND_SUCCEEDED with the channel's refund serial, now and then (`failureShare` of first
 * attempts) REFUND_FAILED with the channel's reason; an attempt sent again by ops goes through. Each eventId is
 * answered once (a repeated delivery gets 200 and nothing more). It never logs a message: they carry card numbers
 * and customer ids.
 */
export function paymentSimulator(
  baseUrl: string,
  secret: string,
  schedule: Schedule,
  answerMs: readonly [number, number],
  options: PaymentSimulatorOptions = {},
): Router {
  const failureShare = options.failureShare ?? 0.1;
  const remember = options.remember ?? 100_000;
  const seen = new Set<string>();

  const post = async (message: RefundMessage, body: object, tries: number): Promise<void> => {
    const raw = JSON.stringify(body);
    let status = 0;
    try {
      const response = await fetch(`${baseUrl}/webhooks/payments/${message.method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(raw, secret) },
        body: raw,
      });
      status = response.status;
    } catch {
      // The server is busy or restarting: try again below.
    }
    // 2xx: taken (applied, or already known). Another 4xx than 429 will never be taken: a channel gives up on it.
    if (status >= 200 && status < 300) return;
    if (status >= 400 && status < 500 && status !== 429)
      throw new Error(`answer for refund ${message.refundId} refused with ${status}`);
    if (tries + 1 >= ANSWER_TRIES)
      throw new Error(`answer for refund ${message.refundId} not taken after ${ANSWER_TRIES} tries`);
    schedule.after(answerMs[1] * 2 ** tries, () => post(message, body, tries + 1));
  };

  const answer = (message: RefundMessage) => {
    const at = new Date();
    const refused = message.attempt === 1 && chance(failureShare);
    const reasons = REFUND_FAILURE_REASONS[message.method];
    const body = refused
      ? {
          eventId: randomUUID(),
          type: 'REFUND_FAILED',
          refundId: message.refundId,
          attempt: message.attempt,
          reason: reasons[between(0, reasons.length - 1)],
          occurredAt: at.toISOString(),
        }
      : {
          eventId: randomUUID(),
          type: 'REFUND_SUCCEEDED',
          refundId: message.refundId,
          attempt: message.attempt,
          channelRefundNo: channelRefundNo(message.method, at, randomDigits),
          occurredAt: at.toISOString(),
        };
    return post(message, body, 0);
  };

  const router = express.Router();
  router.post('/', express.raw({ type: () => true, limit: '512kb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyHmacSignature(raw, secret, req.get('x-oms-signature'))) {
      res.status(401).json({ ok: false, error: 'bad signature' });
      return;
    }
    let message: RefundMessage | null = null;
    try {
      message = refundMessage(JSON.parse(raw.toString('utf8')));
    } catch {
      // not JSON: refused below
    }
    if (!message) {
      res.status(400).json({ ok: false, error: 'not a REFUND message' });
      return;
    }
    if (seen.has(message.eventId)) {
      res.json({ ok: true, duplicate: true });
      return;
    }
    seen.add(message.eventId);
    // The oldest eventIds go first once it remembers enough (a Set keeps insertion order).
    if (seen.size > remember) seen.delete(seen.values().next().value!);
    res.json({ ok: true });
    const ready = message;
    schedule.after(between(...answerMs), () => answer(ready));
  });
  return router;
}
