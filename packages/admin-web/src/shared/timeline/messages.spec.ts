import { describe, expect, it } from 'vitest';
import { createI18n } from '@/app/i18n';
import { getEventMessage, getLogisticsMessage } from './messages';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

function event(
  type: string,
  extra: Partial<{ subOrderNumber: string; before: unknown; after: unknown }> = {},
) {
  return { type, subOrderNumber: null, before: null, after: null, ...extra };
}

describe('getEventMessage', () => {
  it('words an order status change with the order strand’s labels', () => {
    const e = event('STATUS_CHANGED', { before: { status: 'PENDING_PAYMENT' }, after: { status: 'PAID' } });
    expect(getEventMessage(e, zh)).toBe('订单状态：待支付 → 已支付');
    expect(getEventMessage(e, en)).toBe('Order status: Pending payment → Paid');
  });

  it('words a sub-order status change with the fulfilment strand’s labels', () => {
    const e = event('STATUS_CHANGED', {
      subOrderNumber: '1234567890123456',
      before: { status: 'PACKED' },
      after: { status: 'SHIPPED' },
    });
    expect(getEventMessage(e, zh)).toBe('履约状态：已打包 → 已发货');
  });

  it('words payments with method and amount from fen', () => {
    const e = event('PAYMENT_SUCCEEDED', {
      after: { method: 'ALIPAY', amountFen: 1234560, transactionNo: 'T1' },
    });
    expect(getEventMessage(e, zh)).toBe('支付成功：支付宝 ¥12,345.60');
    expect(getEventMessage(e, en)).toBe('Payment Succeeded: Alipay ¥12,345.60');
  });

  it('words holds with their rule', () => {
    expect(getEventMessage(event('INTERCEPTED', { after: { rule: 'BLACKLIST' } }), zh)).toBe(
      '订单被拦截：黑名单',
    );
  });

  it('words warehouse reports that were ignored', () => {
    const e = event('WMS_PICKING_IGNORED', { after: { callback: 'PICKING', currentStatus: 'CANCELLED' } });
    expect(getEventMessage(e, en)).toBe(
      'Warehouse report PICKING stored but not applied (status was Cancelled)',
    );
  });

  it('words fixed events from the table and shows unknown kinds by their code', () => {
    expect(getEventMessage(event('ORDER_CREATED'), zh)).toBe('订单创建');
    expect(getEventMessage(event('SOMETHING_NEW'), zh)).toBe('事件 SOMETHING_NEW');
    expect(getEventMessage(event('LOGISTICS'), en)).toBe('Event LOGISTICS');
  });
});

describe('refund entries', () => {
  const refund = { refundId: '41', method: 'ALIPAY', amountFen: 6990 };

  it('lists the refunds a cancel started, each with its instrument and amount', () => {
    const e = event('REFUNDS_CREATED', {
      after: {
        refunds: [
          { refundId: '41', method: 'ALIPAY', amountFen: 6990 },
          { refundId: '42', method: 'GIFT_CARD', amountFen: 1000 },
        ],
      },
    });
    expect(getEventMessage(e, zh)).toBe('发起退款：支付宝 ¥69.90、礼品卡 ¥10.00');
    expect(getEventMessage(e, en)).toBe('Refunds started: Alipay ¥69.90, Gift card ¥10.00');
    expect(getEventMessage(event('REFUNDS_CREATED'), zh)).toBe('发起退款');
  });

  it('words a channel’s success with its refund number, and a failure with the attempt', () => {
    const ok = event('REFUND_SUCCEEDED', { after: { ...refund, channelRefundNo: 'ALI-R-9' } });
    expect(getEventMessage(ok, zh)).toBe('退款成功：支付宝 ¥69.90，渠道退款单号 ALI-R-9');
    expect(getEventMessage(ok, en)).toBe('Refund succeeded: Alipay ¥69.90, channel refund number ALI-R-9');
    const noNumber = event('REFUND_SUCCEEDED', { after: { ...refund, channelRefundNo: null } });
    expect(getEventMessage(noNumber, zh)).toBe('退款成功：支付宝 ¥69.90');
    const failed = event('REFUND_FAILED', { after: { ...refund, attempt: 1 } });
    expect(getEventMessage(failed, zh)).toBe('退款失败：支付宝 ¥69.90（第 1 次尝试）');
    expect(getEventMessage(failed, en)).toBe('Refund failed: Alipay ¥69.90 (attempt 1)');
  });

  it('words what staff and the delivery did: sent again, settled offline, given up on', () => {
    expect(getEventMessage(event('REFUND_RETRIED', { after: { ...refund, attempt: 2 } }), zh)).toBe(
      '重新发送退款：支付宝 ¥69.90（第 2 次尝试）',
    );
    expect(
      getEventMessage(event('REFUND_SETTLED_OFFLINE', { after: { ...refund, reference: 'BANK-778' } }), en),
    ).toBe('Refund settled offline: Alipay ¥69.90, transfer reference BANK-778');
    expect(getEventMessage(event('REFUND_DEAD_LETTERED', { after: { ...refund, attempt: 1 } }), zh)).toBe(
      '退款多次发送渠道失败，已停止重试：支付宝 ¥69.90（第 1 次尝试）',
    );
  });

  it('words an answer that came too late, with what it said and why it changed nothing', () => {
    const e = event('REFUND_ANSWER_IGNORED', {
      after: {
        refundId: '41',
        answer: 'REFUND_FAILED',
        status: 'SUCCEEDED',
        attempt: 2,
        outcome: 'ALREADY_SETTLED',
      },
    });
    expect(getEventMessage(e, zh)).toBe('渠道回报「退款失败」已记录但未生效：该退款此前已结清');
    expect(getEventMessage(e, en)).toBe(
      'Channel answer “refund failed” stored but not applied: the refund was already settled',
    );
  });

  it('words a shipment report refused for a waybill another parcel has', () => {
    const e = event('SHIPPED_TRACKING_NUMBER_TAKEN', {
      after: { callback: 'SHIPPED', trackingNumber: 'JD0001', subOrderNumber: '2612000000000017' },
    });
    expect(getEventMessage(e, zh)).toBe(
      '仓库回报发货被拒：运单号 JD0001 已属于子单 2612000000000017，需运营与仓库核对',
    );
    expect(getEventMessage(e, en)).toContain('waybill JD0001 already belongs to sub-order 2612000000000017');
  });

  it('never shows a refund entry by its code', () => {
    const types = [
      'REFUNDS_CREATED',
      'REFUND_SUCCEEDED',
      'REFUND_FAILED',
      'REFUND_RETRIED',
      'REFUND_SETTLED_OFFLINE',
      'REFUND_DEAD_LETTERED',
      'REFUND_ANSWER_IGNORED',
    ];
    for (const t of [zh, en]) {
      for (const type of types) {
        const text = getEventMessage(event(type, { after: { ...refund, attempt: 1 } }), t);
        expect(text, type).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
      }
    }
  });
});

describe('getLogisticsMessage', () => {
  it('words the node, or a neutral line without one', () => {
    expect(getLogisticsMessage({ node: 'OUT_FOR_DELIVERY' }, zh)).toBe('派送中');
    expect(getLogisticsMessage({ node: null }, en)).toBe('Carrier update');
  });
});
