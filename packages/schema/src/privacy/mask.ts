/** The part of an address shown to staff without a reveal: down to the district (docs/domain.md §10). */
export interface AddressParts {
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
}

/** The mask shown in place of hidden characters. */
export const MASK = '****';

/** `13812345678` → `138****5678`; anything else keeps at most its last 2 characters. */
export function maskPhone(phone: string): string {
  if (phone.length === 11) return `${phone.slice(0, 3)}${MASK}${phone.slice(7)}`;
  return phone.length <= 2 ? MASK : `${MASK}${phone.slice(-2)}`;
}

/** The street part of an address hidden; province, city and district kept. */
export function maskAddress(parts: AddressParts): AddressParts {
  return { ...parts, address: parts.address ? MASK : '' };
}

/** A card number shown as `**** 1234` (its last four digits only). */
export function maskCardNumber(cardNumber: string): string {
  const digits = cardNumber.replace(/\s/g, '');
  return `${MASK} ${digits.slice(-4)}`;
}

/** A person's name with only its first character: `张三丰` → `张**`. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A customer id with its middle hidden: `u_83920145` → `u_8****45`. */
export function maskCustomerId(id: string): string {
  if (id.length <= 4) return MASK;
  return `${id.slice(0, 3)}${MASK}${id.slice(-2)}`;
}
