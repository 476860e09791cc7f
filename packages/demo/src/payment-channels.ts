import type { PaymentMethod } from '@oms/schema';

/**
 * What the demo's payment channels look like, shared by the seed (seeded refunds) and the payment simulator (live
 * ones): the serial a channel gives a refund it made, and why a channel refuses one. The channel's answer carries both
 * (docs/api.md `POST /webhooks/payments/:channel`).
 */

/** The methods refunds go back through, with their own channel. */
export type RefundMethod = Exclude<PaymentMethod, 'COD'>;

/** `count` decimal digits from a source of random digits (the seed's seeded one, or Math.random for the simulator). */
export type Digits = (count: number) => string;

/** `yyyyMMdd` of an instant in Asia/Shanghai, as the channels date their serials. */
function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * A refund serial shaped like the channel's own: WeChat Pay's 29-digit `refund_id` starting 50, Alipay's dated
 * 28-digit serial, UnionPay's 21-digit `queryId`, a bank's dated serial, and the stored-value systems' own.
 */
export function channelRefundNo(method: RefundMethod, at: Date, digits: Digits): string {
  const day = shanghaiDay(at);
  switch (method) {
    case 'WECHAT_PAY':
      return `5030${digits(5)}${day}${digits(12)}`;
    case 'ALIPAY':
      return `${day}21${digits(18)}`;
    case 'UNIONPAY':
      return `${day.slice(2)}${digits(15)}`;
    case 'BANK_CARD':
      return `BR${day}${digits(12)}`;
    case 'GIFT_CARD':
      return `GCR${day}${digits(10)}`;
    case 'POINTS':
      return `PTR${day}${digits(10)}`;
  }
}

/** Why each channel refuses a refund now and then (the account it would go back to cannot take it). */
export const REFUND_FAILURE_REASONS: Readonly<Record<RefundMethod, readonly string[]>> = {
  ALIPAY: ['原支付账户已冻结', '买家支付宝账户已注销', '交易已超过可退款期限'],
  WECHAT_PAY: ['用户微信账户已注销', '原支付账户已冻结', '用户零钱账户异常，无法入账'],
  UNIONPAY: ['银行卡状态异常', '原卡已挂失', '账户已注销'],
  BANK_CARD: ['银行卡状态异常', '银行卡已注销', '收款账户户名不符'],
  GIFT_CARD: ['礼品卡已冻结', '礼品卡已过期'],
  POINTS: ['积分账户已冻结', '会员账户已注销'],
};

/** Digits from Math.random (the simulator's; the seed uses its own seeded generator). */
export function randomDigits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(Math.random() * 10));
  return out;
}
