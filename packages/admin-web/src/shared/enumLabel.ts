import type { TFunction } from 'i18next';
import { zhCN } from '@/app/i18n/zh-CN';

/** The groups of enum wordings in the dictionaries (`enum.orderStatus`, `enum.carrier`, …). */
export type EnumGroup = keyof typeof zhCN.enum;

/**
 * The wording of one enum value in the current language. A value the console does not know yet (the server
 * added one) is shown as it is rather than as a dictionary key.
 */
export function enumLabel(t: TFunction, group: EnumGroup, value: string): string {
  const known = Object.hasOwn(zhCN.enum[group], value);
  // No namespace separator: some values hold a colon (the scope `orders:create`).
  const translate = t as unknown as (key: string, options: { nsSeparator: false }) => string;
  return known ? translate(`enum.${group}.${value}`, { nsSeparator: false }) : value;
}
