import type { AddressParts } from './mask.js';

const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/**
 * The canonical form of a full address for blind-index matching (docs/reliability.md): the ADDRESS_VELOCITY rule and
 * the address blacklist compare these. NFKC folds full-width digits and letters (１２号 → 12号), letters are
 * lower-cased, and whitespace, punctuation and symbols are dropped, so "北京市 朝阳区，建国路８８号-3栋" and
 * "北京市朝阳区建国路88号3栋" match.
 */
export function normalizeAddress(parts: AddressParts): string {
  const whole = `${parts.province}${parts.city}${parts.district}${parts.address}`;
  return whole.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}
