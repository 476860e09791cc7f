import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import { en } from './en';
import { zhCN, type Dictionary } from './zh-CN';

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

  it('give the check-digit message word for word in both languages', () => {
    expect(createI18n('zh-CN').t('errors.invalidOrderNumber')).toBe('订单号校验位错误，请核对');
    expect(createI18n('en').t('errors.invalidOrderNumber')).toBe(
      'Check digit wrong: please re-check the order number',
    );
  });

  it('default to Chinese', () => {
    localStorage.clear();
    expect(createI18n().language).toBe('zh-CN');
  });
});
