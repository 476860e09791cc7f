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

describe('getLogisticsMessage', () => {
  it('words the node, or a neutral line without one', () => {
    expect(getLogisticsMessage({ node: 'OUT_FOR_DELIVERY' }, zh)).toBe('派送中');
    expect(getLogisticsMessage({ node: null }, en)).toBe('Carrier update');
  });
});
