import { describe, expect, it } from 'vitest';
import { parsePaymentChannelsSearch, paymentChannelsUrl } from './urls';

describe('payment channels URL state', () => {
  it('round-trips the channel being edited, and ignores an unknown one', () => {
    expect(paymentChannelsUrl({ edit: 'ALIPAY' })).toBe('/admin/payment-channels?edit=ALIPAY');
    expect(parsePaymentChannelsSearch('edit=ALIPAY')).toEqual({ edit: 'ALIPAY' });
    expect(paymentChannelsUrl()).toBe('/admin/payment-channels');
    expect(parsePaymentChannelsSearch('')).toEqual({});
    expect(parsePaymentChannelsSearch('edit=PAYPAL')).toEqual({});
  });
});
