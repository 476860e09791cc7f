import { API_KEY_SCOPES, DISABLED_REASONS } from '@oms/schema';
import { describe, expect, it } from 'vitest';
import {
  ActorType,
  AuditAction,
  BlacklistKind,
  CancelOutcome,
  CarrierCode,
  DispatchState,
  FulfilmentStatus,
  HoldDefaultAction,
  InterceptionRule,
  InterceptionStatus,
  InterceptOutcome,
  InvoiceType,
  LineAttribute,
  LogisticsNode,
  OrderSource,
  OrderStatus,
  OrderType,
  PaymentMethod,
  PaymentStatus,
  RefundDeliveryState,
  Region,
  RefundStatus,
  SearchMatchKind,
  StaffAction,
  StaffRole,
  Strand,
  WarehouseCapability,
} from '@/gql/schema';
import { enumLabel, type EnumGroup } from '@/shared/enumLabel';
import { createI18n } from './index';
import { en } from './en';
import { zhCN, type Dictionary } from './zh-CN';

/**
 * Every enum of the committed SDL the console shows, by the group of the dictionaries that words it, and the codes
 * that are not GraphQL enums (the reasons an action is disabled, from `@oms/schema`). A value the server adds fails
 * here until both languages word it, so a raw code never reaches the screen.
 */
const WORDED: Partial<Record<EnumGroup, readonly string[]>> = {
  interceptionStatus: Object.values(InterceptionStatus),
  interceptOutcome: Object.values(InterceptOutcome),
  cancelOutcome: Object.values(CancelOutcome),
  blacklistKind: Object.values(BlacklistKind),
  role: Object.values(StaffRole),
  orderStatus: Object.values(OrderStatus),
  fulfilmentStatus: Object.values(FulfilmentStatus),
  logisticsNode: Object.values(LogisticsNode),
  orderSource: Object.values(OrderSource),
  orderType: Object.values(OrderType),
  dispatchState: Object.values(DispatchState),
  paymentMethod: Object.values(PaymentMethod),
  paymentStatus: Object.values(PaymentStatus),
  refundStatus: Object.values(RefundStatus),
  refundDeliveryState: Object.values(RefundDeliveryState),
  actorType: Object.values(ActorType),
  strand: Object.values(Strand),
  staffAction: Object.values(StaffAction),
  disabledReason: DISABLED_REASONS,
  // Warehouse capabilities are worded as the line attributes they serve.
  lineAttribute: [...Object.values(LineAttribute), ...Object.values(WarehouseCapability)],
  carrier: Object.values(CarrierCode),
  interceptionRule: Object.values(InterceptionRule),
  holdDefaultAction: Object.values(HoldDefaultAction),
  invoiceType: Object.values(InvoiceType),
  auditAction: Object.values(AuditAction),
  // A scalar in the SDL (its values hold a colon): the scopes of @oms/schema.
  apiKeyScope: API_KEY_SCOPES,
  region: Object.values(Region),
};

function keysOf(dictionary: Dictionary, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('the dictionaries', () => {
  const zhKeys = keysOf(zhCN);
  const enKeys = keysOf(en);

  it('have exactly the same keys', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.length).toBe(zhKeys.length);
  });

  it('use the same placeholders for each key', () => {
    const lookup = (dictionary: Dictionary, key: string) =>
      key
        .split('.')
        .reduce<string | Dictionary>((node, part) => (node as Dictionary)[part]!, dictionary) as string;
    for (const key of zhKeys) {
      expect({ key, placeholders: placeholders(lookup(en, key)) }).toEqual({
        key,
        placeholders: placeholders(lookup(zhCN, key)),
      });
    }
  });

  it('have no empty wording', () => {
    const lookup = (dictionary: Dictionary, key: string) =>
      key
        .split('.')
        .reduce<string | Dictionary>((node, part) => (node as Dictionary)[part]!, dictionary) as string;
    for (const key of zhKeys) {
      expect(lookup(zhCN, key).trim(), key).not.toBe('');
      expect(lookup(en, key).trim(), key).not.toBe('');
    }
  });

  it('word every value of every enum the console shows, in both languages', () => {
    const missing = Object.entries(WORDED).flatMap(([group, values]) =>
      values.flatMap((value) =>
        [zhCN, en]
          .filter((dictionary) => !Object.hasOwn(dictionary.enum[group as EnumGroup], value))
          .map((dictionary) => `${dictionary === en ? 'en' : 'zh-CN'} enum.${group}.${value}`),
      ),
    );
    expect(missing).toEqual([]);
    const kinds = Object.values(SearchMatchKind).filter((kind) => !Object.hasOwn(zhCN.search.kind, kind));
    expect(kinds).toEqual([]);
  });

  it('give the check-digit message word for word in both languages', () => {
    expect(createI18n('zh-CN').t('errors.invalidOrderNumber')).toBe('订单号校验位错误，请核对');
    expect(createI18n('en').t('errors.invalidOrderNumber')).toBe(
      'Check digit wrong: please re-check the order number',
    );
  });

  it('word values that hold a colon (an API key scope), not as a namespace', () => {
    const { t } = createI18n('zh-CN');
    expect(enumLabel(t, 'apiKeyScope', 'orders:create')).toBe('创建订单');
    expect(enumLabel(createI18n('en').t, 'apiKeyScope', 'payments:record')).toBe('Record payments');
  });

  it('default to Chinese', () => {
    localStorage.clear();
    expect(createI18n().language).toBe('zh-CN');
  });
});
