import { fenToYuan, yuanToFen } from '@/shared/money';

/** A rule's thresholds as the server sends them (`RiskRule.params`, JSON): name → whole number. */
export type RuleParams = Readonly<Record<string, number>>;

/** The numeric thresholds in a `params` JSON value, in the server's order; anything else is left out. */
export function ruleParams(json: unknown): RuleParams {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

/** Amount thresholds are kept in fen and typed in yuan. */
export function isMoneyParam(name: string): boolean {
  return name.endsWith('Fen');
}

/** A threshold as its field shows it. */
export function paramText(name: string, value: number): string {
  return isMoneyParam(name) ? fenToYuan(value) : String(value);
}

/** A field's text as the threshold the server takes (a whole number ≥ 0), or undefined when it is not one. */
export function parseParam(name: string, text: string): number | undefined {
  if (isMoneyParam(name)) return yuanToFen(text);
  return /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The thresholds whose fields differ from what the server has, ready for `updateRiskRule`'s `params`. */
export function changedParams(
  current: RuleParams,
  edits: Readonly<Record<string, string>>,
): { params: Record<string, number>; invalid: string[] } {
  const params: Record<string, number> = {};
  const invalid: string[] = [];
  for (const [name, text] of Object.entries(edits)) {
    const value = parseParam(name, text);
    if (value === undefined) invalid.push(name);
    else if (value !== current[name]) params[name] = value;
  }
  return { params, invalid };
}
