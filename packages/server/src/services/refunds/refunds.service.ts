import { randomUUID } from 'node:crypto';
import { PAYMENT_METHODS, type PaymentMethod } from '@oms/schema';
import type { StaffPrincipal } from '../../auth/principal.js';
import { selectEntities } from '../../database/select-entities.js';
import { PaymentChannelEntity, RefundEntity, type OrderEntity } from '../../entities/index.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit, recordOrderEvent, staffActor, type Actor } from '../helpers/history.js';
import { noteInboxOutcome, storeInboundOnce } from '../helpers/inbox.js';
import { lockRefund } from '../helpers/locks.js';
import { applyRefundEvent } from './refund-settlement.js';
import { decodeCursor, encodeCursor } from '../helpers/cursors.js';

/** The methods whose refunds go to a channel of their own (docs/api.md `POST /webhooks/payments/:channel`). */
export const REFUND_CHANNELS: readonly PaymentMethod[] = PAYMENT_METHODS.filter((m) => m !== 'COD');

/** A channel's answer for one refund, checked at the edge (http/webhooks/payments.webhook.ts). */
export interface RefundAnswer {
  readonly eventId: string;
  readonly type: 'REFUND_SUCCEEDED' | 'REFUND_FAILED';
  readonly refundId: string;
  readonly channelRefundNo: string | null;
  readonly reason: string | null;
  readonly occurredAt: Date;
  /** The attempt answered, when the channel says; an answer for an earlier attempt changes nothing. */
  readonly attempt: number | null;
}

/** What the product did with an answer, also stored with it. */
export type RefundAnswerOutcome =
  'APPLIED' | 'DUPLICATE_EVENT' | 'ALREADY_SETTLED' | 'EARLIER_ATTEMPT' | 'UNKNOWN_REFUND';

/** A staff request on one refund (docs/api.md `retryRefund`, `settleRefundOffline`). */
export interface RefundRequest {
  readonly refundId: string;
  readonly reason: string;
}

/** A channel's endpoint and secret (docs/api.md `upsertPaymentChannel`). */
export interface PaymentChannelRequest {
  readonly channel: PaymentMethod;
  readonly endpointUrl: string;
  readonly secret?: string | null;
}

const MAX_REASON = 500;

function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput('reason', 'say why');
  if (trimmed.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
  return trimmed;
}

function checkedRefundId(refundId: string): string {
  if (!/^\d{1,18}$/.test(refundId)) throw badInput('refundId', 'is not a refund id');
  return refundId;
}

/**
 * Refunds after they are made (docs/domain.md §11): settled by their channel's answer exactly once, sent again by ops
 * when they failed or their delivery was given up on, settled offline by a manager with the bank transfer's
 * reference, and listed for ops while they need a person. Every step follows the REFUND strand of the table, is on
 * the order's timeline, and a staff one is audited.
 */
export class RefundsService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * A channel's answer: stored once by its eventId (a repeat changes nothing); an unknown refund, or one of another
   * channel, is UNKNOWN_REFUND (answered 404, nothing stored); one already settled, or answering an earlier attempt, is
   * stored and noted on the timeline and changes nothing.
   */
  async answer(method: PaymentMethod, answer: RefundAnswer, raw: object): Promise<RefundAnswerOutcome> {
    const channel: Actor = { type: 'PAYMENT', id: method };
    return inTransaction(this.deps, async ({ manager }) => {
      const locked = /^\d{1,18}$/.test(answer.refundId) ? await lockRefund(manager, answer.refundId) : null;
      if (!locked || locked.refund.method !== method) return 'UNKNOWN_REFUND';
      const { order, refund } = locked;
      const messageId = await storeInboundOnce(manager, {
        source: `PAYMENT:${method}`,
        key: answer.eventId,
        payload: raw,
      });
      if (!messageId) return 'DUPLICATE_EVENT';
      const outcome = await this.settleByAnswer(manager, order, refund, answer, channel);
      await noteInboxOutcome(manager, messageId, outcome);
      return outcome;
    });
  }

  private async settleByAnswer(
    manager: Parameters<typeof applyRefundEvent>[0],
    order: OrderEntity,
    refund: RefundEntity,
    answer: RefundAnswer,
    channel: Actor,
  ): Promise<RefundAnswerOutcome> {
    const late =
      refund.status !== 'PENDING'
        ? 'ALREADY_SETTLED'
        : answer.attempt !== null && answer.attempt !== refund.attempt
          ? 'EARLIER_ATTEMPT'
          : null;
    if (late) {
      await recordOrderEvent(manager, {
        order,
        subOrderId: refund.subOrderId,
        type: 'REFUND_ANSWER_IGNORED',
        actor: channel,
        reason: answer.reason,
        after: {
          refundId: refund.id,
          answer: answer.type,
          status: refund.status,
          attempt: refund.attempt,
          outcome: late,
        },
        at: answer.occurredAt,
      });
      return late;
    }
    const succeeded = answer.type === 'REFUND_SUCCEEDED';
    await applyRefundEvent(manager, {
      order,
      refund,
      event: succeeded ? 'CHANNEL_SUCCEEDED' : 'CHANNEL_FAILED',
      actor: channel,
      reason: succeeded ? null : answer.reason,
      at: answer.occurredAt,
      reference: answer.channelRefundNo,
      // An answer may overtake the 2xx of its own delivery: the channel has it either way.
      set: succeeded
        ? { settledAt: answer.occurredAt, channelRefundNo: answer.channelRefundNo, deliveryState: 'SENT' }
        : { failureReason: answer.reason ?? 'refused by the channel', deliveryState: 'SENT' },
      entry: succeeded
        ? { type: 'REFUND_SUCCEEDED', after: { channelRefundNo: answer.channelRefundNo }, visible: true }
        : { type: 'REFUND_FAILED', after: { attempt: refund.attempt } },
    });
    return 'APPLIED';
  }

  /**
   * Sends a refund again: a FAILED one as its next attempt (PENDING again, a new eventId), a PENDING one whose delivery
   * was dead-lettered as the same attempt, afresh. Audited. Anything else is INVALID_TRANSITION naming its state.
   */
  async retry(staff: StaffPrincipal, request: RefundRequest, address: string | null): Promise<RefundEntity> {
    const reason = checkedReason(request.reason);
    const refundId = checkedRefundId(request.refundId);
    return inTransaction(this.deps, async (tx) => {
      const { order, refund } = await this.locked(tx.manager, refundId);
      const deadLettered = refund.deliveryState === 'DEAD_LETTER';
      const nextAttempt = refund.status === 'FAILED';
      const before = { status: refund.status, attempt: refund.attempt, deliveryState: refund.deliveryState };
      await applyRefundEvent(tx.manager, {
        order,
        refund,
        event: 'RETRY',
        facts: { deliveryDeadLettered: deadLettered },
        actor: staffActor(staff),
        reason,
        at: new Date(),
        set: {
          ...(nextAttempt ? { attempt: refund.attempt + 1, eventId: randomUUID(), failureReason: null } : {}),
          deliveryState: 'PENDING',
          deliveryAttempts: 0,
          lastError: null,
        },
        entry: {
          type: 'REFUND_RETRIED',
          after: { attempt: nextAttempt ? refund.attempt + 1 : refund.attempt },
        },
      });
      await tx.outbox.sendRefunds(tx.manager, [refund]);
      await recordAudit(tx.manager, {
        staff,
        action: 'RETRY_REFUND',
        orderNumber: order.number,
        before,
        after: { refundId: refund.id, status: refund.status, attempt: refund.attempt },
        reason,
        address,
      });
      return refund;
    });
  }

  /** Settles a refund that keeps failing (or never reached its channel) by a bank transfer made outside: audited. */
  async settleOffline(
    staff: StaffPrincipal,
    request: RefundRequest & { readonly reference: string },
    address: string | null,
  ): Promise<RefundEntity> {
    const reason = checkedReason(request.reason);
    const refundId = checkedRefundId(request.refundId);
    const reference = request.reference.trim();
    if (!reference || reference.length > 128)
      throw badInput('reference', "the bank transfer's reference, 1–128 characters");
    return inTransaction(this.deps, async ({ manager }) => {
      const { order, refund } = await this.locked(manager, refundId);
      const before = { status: refund.status, deliveryState: refund.deliveryState };
      const at = new Date();
      await applyRefundEvent(manager, {
        order,
        refund,
        event: 'SETTLE_OFFLINE',
        facts: { deliveryDeadLettered: refund.deliveryState === 'DEAD_LETTER' },
        actor: staffActor(staff),
        reason,
        at,
        reference,
        set: { settledAt: at, channelRefundNo: reference, settledOffline: true },
        entry: { type: 'REFUND_SETTLED_OFFLINE', after: { reference }, visible: true },
      });
      await recordAudit(manager, {
        staff,
        action: 'SETTLE_REFUND_OFFLINE',
        orderNumber: order.number,
        before,
        after: { refundId: refund.id, status: refund.status, reference },
        reason,
        address,
      });
      return refund;
    });
  }

  /** One refund, or NOT_FOUND. */
  async byId(refundId: string): Promise<RefundEntity> {
    const refund = await this.deps.db
      .getRepository(RefundEntity)
      .findOneBy({ id: checkedRefundId(refundId) });
    if (!refund) throw domainError('NOT_FOUND', `No refund ${refundId}.`);
    return refund;
  }

  /** Refunds that need a person: FAILED ones and those whose delivery was dead-lettered, newest first (keyset). */
  async needingAttention(first: number, after: string | null) {
    const parameters: unknown[] = [first + 1];
    let where = "(r.status = 'FAILED' OR r.delivery_state = 'DEAD_LETTER')";
    if (after) {
      parameters.push(...decodeCursor(after, ['time', 'id']));
      where += ' AND (r.created_at, r.id) < ($2, $3)';
    }
    const rows = await selectEntities(
      this.deps.db,
      RefundEntity,
      `SELECT to_jsonb(r) AS row FROM refunds r WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      parameters,
    );
    const nodes = rows.slice(0, first);
    return {
      nodes,
      cursors: nodes.map((r) => encodeCursor([r.createdAt, r.id])),
      hasNextPage: rows.length > first,
    };
  }

  /** Every refund channel, configured or not (a secret is never shown). */
  async channels(): Promise<PaymentChannelEntity[]> {
    const stored = await this.deps.db.getRepository(PaymentChannelEntity).find();
    return REFUND_CHANNELS.map(
      (method) =>
        stored.find((c) => c.method === method) ??
        Object.assign(new PaymentChannelEntity(), {
          method,
          endpointUrl: null,
          secret: null,
          updatedAt: new Date(0),
          updatedBy: null,
        }),
    );
  }

  /** Sets where a channel's refunds go and the secret both directions are signed with (ADMIN); audited. */
  async upsertChannel(
    staff: StaffPrincipal,
    request: PaymentChannelRequest,
    address: string | null,
  ): Promise<PaymentChannelEntity> {
    if (!REFUND_CHANNELS.includes(request.channel))
      throw badInput('channel', `${request.channel} refunds have no channel of their own`);
    const endpointUrl = request.endpointUrl.trim();
    let url: URL;
    try {
      url = new URL(endpointUrl);
    } catch {
      throw badInput('endpointUrl', 'is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw badInput('endpointUrl', 'must be http(s)');
    const secret = request.secret?.trim();
    if (secret !== undefined && (secret.length < 16 || secret.length > 256))
      throw badInput('secret', '16–256 characters');
    return inTransaction(this.deps, async ({ manager }) => {
      const existing = await manager
        .getRepository(PaymentChannelEntity)
        .findOneBy({ method: request.channel });
      if (!existing?.secret && !secret) throw badInput('secret', 'a new channel needs its secret');
      const row = {
        method: request.channel,
        endpointUrl,
        secret: secret ?? existing!.secret,
        updatedAt: new Date(),
        updatedBy: staff.username,
      };
      await manager.getRepository(PaymentChannelEntity).upsert(row, ['method']);
      await recordAudit(manager, {
        staff,
        action: 'UPSERT_PAYMENT_CHANNEL',
        before: existing ? { endpointUrl: existing.endpointUrl } : null,
        after: { channel: request.channel, endpointUrl, secretChanged: secret !== undefined },
        reason: `payment channel ${request.channel}`,
        address,
      });
      return Object.assign(new PaymentChannelEntity(), row);
    });
  }

  private async locked(manager: Parameters<typeof lockRefund>[0], refundId: string) {
    const locked = await lockRefund(manager, refundId);
    if (!locked) throw domainError('NOT_FOUND', `No refund ${refundId}.`);
    return locked;
  }
}
