import type { Task } from 'graphile-worker';
import { hmacSignature } from '../auth/signatures.js';
import type { RefundDeliveryService } from '../services/refunds/refund-delivery.service.js';
import { DELIVERY_TIMEOUT_MS } from './deliver-outbound.js';

/**
 * Hands one attempt of a refund to its channel: POSTs the REFUND message signed with the channel's secret
 * (`X-Oms-Signature`, as warehouse messages are). A 2xx only means the channel has it; its answer settles the refund.
 * No 2xx throws, so graphile-worker retries with back-off; the last try dead-letters the attempt.
 */
export function deliverRefund(refunds: RefundDeliveryService, timeoutMs = DELIVERY_TIMEOUT_MS): Task {
  return async (payload, helpers) => {
    const { refundId, attempt } = payload as { refundId: string; attempt: number };
    const delivery = await refunds.prepare(refundId, attempt);
    if (!delivery) return;
    const last = helpers.job.attempts >= helpers.job.max_attempts;
    try {
      const { channel } = delivery;
      if (!channel?.endpointUrl || !channel.secret)
        throw new Error(`no refund channel is set up for ${delivery.refund.method}`);
      const body = JSON.stringify(delivery.message);
      const response = await fetch(channel.endpointUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-oms-signature': hmacSignature(body, channel.secret),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`the ${delivery.refund.method} channel answered ${response.status}`);
      await refunds.sent(delivery.refund);
    } catch (error) {
      await refunds.failed(delivery.refund, error instanceof Error ? error.message : String(error), last);
      if (!last) throw error;
    }
  };
}
