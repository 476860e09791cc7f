import type { TFunction } from 'i18next';
import { zhCN } from '@/app/i18n/zh-CN';
import { fenToYuan, formatMoney } from '@/shared/money';

/** One figure a screening rule recorded when it fired, worded for people. */
export interface EvidenceItem {
  /** the rule that recorded it, worded, when the evidence is grouped by rule */
  readonly group: string | null;
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

type Words = (key: string) => string;

function label(t: Words, key: string): string {
  return Object.hasOwn(zhCN.queue.evidence, key) ? t(`queue.evidence.${key}`) : key;
}

function value(t: Words, key: string, raw: unknown): string {
  if (typeof raw === 'number' && key.endsWith('Fen')) return formatMoney({ yuan: fenToYuan(raw) });
  if (Array.isArray(raw)) return raw.map((v) => value(t, key, v)).join('、');
  if (typeof raw === 'string' && key === 'matched' && Object.hasOwn(zhCN.enum.blacklistKind, raw)) {
    return t(`enum.blacklistKind.${raw}`);
  }
  if (raw === null || raw === undefined) return '—';
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function figures(t: Words, record: Record<string, unknown>, group: string | null): EvidenceItem[] {
  return Object.entries(record).map(([key, raw]) => ({
    group,
    key,
    label: label(t, key),
    value: value(t, key, raw),
  }));
}

/**
 * An interception's evidence (JSON from the server) as short label–value items. Screening writes the figures of
 * every rule that fired, keyed by rule (`{ QUANTITY_LIMIT: { maxQuantityPerSku, limit } }`); staff holds write them
 * flat (`{ by }`). Known figures are named through the dictionary and amounts in fen shown as money; anything the
 * console does not know yet is shown as it came. `firstRule` (the hold's own rule) is listed first.
 */
export function evidenceItems(tf: TFunction, evidence: unknown, firstRule?: string): EvidenceItem[] {
  const t = tf as unknown as Words;
  if (!isRecord(evidence)) {
    return evidence === null || evidence === undefined
      ? []
      : [{ group: null, key: '', label: '', value: JSON.stringify(evidence) }];
  }
  const entries = Object.entries(evidence).sort(
    ([a], [b]) => Number(b === firstRule) - Number(a === firstRule),
  );
  return entries.flatMap(([key, raw]) =>
    Object.hasOwn(zhCN.enum.interceptionRule, key) && isRecord(raw)
      ? figures(t, raw, t(`enum.interceptionRule.${key}`))
      : figures(t, { [key]: raw }, null),
  );
}

/** The same on one line (`firstRule`'s figures first); the rule is named only when several rules left figures. */
export function compactEvidence(t: TFunction, evidence: unknown, firstRule?: string): string {
  const items = evidenceItems(t, evidence, firstRule);
  const groups = new Set(items.map((i) => i.group).filter(Boolean));
  const text = (item: EvidenceItem) => (item.label ? `${item.label} ${item.value}` : item.value);
  if (groups.size <= 1) return items.map(text).join(' · ');
  return [...groups]
    .map(
      (group) =>
        `${group}：${items
          .filter((i) => i.group === group)
          .map(text)
          .join(' · ')}`,
    )
    .join('；');
}
