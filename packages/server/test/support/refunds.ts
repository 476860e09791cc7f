import { randomUUID } from 'node:crypto';
import { hmacSignature } from '../../src/auth/signatures.js';
import { TEST_PAYMENT_SECRET } from './reference-data.js';
import type { TestServer } from './test-server.js';

/** A refund row as the tests read it. */
export interface RefundRow {
  id: string;
  method: string;
  amount_fen: number;
  status: string;
  attempt: number;
  delivery_state: string;
  card_number: string | null;
  points: number | null;
  reason: string;
  payment_id: string | null;
}

/** The refunds of an order, oldest first. */
export function refundsOf(server: TestServer, orderNumber: string): Promise<RefundRow[]> {
  return server.db.dataSource.query(
    `SELECT r.id::text, r.method, r.amount_fen::int AS amount_fen, r.status, r.attempt, r.delivery_state,
       r.card_number, r.points, r.reason, r.payment_id::text
     FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 ORDER BY r.id`,
    [orderNumber],
  );
}

/** A channel's answer for a refund, signed with the test channels' secret, over real HTTP. */
export async function answerRefund(
  server: TestServer,
  refund: Pick<RefundRow, 'id' | 'method'>,
  answer: {
    type: 'REFUND_SUCCEEDED' | 'REFUND_FAILED';
    eventId?: string;
    channelRefundNo?: string;
    reason?: string;
    attempt?: number;
  },
  secret = TEST_PAYMENT_SECRET,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const body = JSON.stringify({
    eventId: answer.eventId ?? randomUUID(),
    type: answer.type,
    refundId: refund.id,
    ...(answer.channelRefundNo ? { channelRefundNo: answer.channelRefundNo } : {}),
    ...(answer.reason ? { reason: answer.reason } : {}),
    ...(answer.attempt ? { attempt: answer.attempt } : {}),
    occurredAt: new Date().toISOString(),
  });
  const response = await fetch(`${server.url}/webhooks/payments/${refund.method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(body, secret) },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
