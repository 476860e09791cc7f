import { MASK, maskPhone, normalizeAddress, normalizePhone, type AddressParts } from '@oms/schema';
import type { ValueTransformer } from 'typeorm';
import type { BlacklistKind } from '@oms/schema';
import { personalDataCipher } from './personal-data-cipher.js';

/**
 * How personal data is stored, in one place (ADR 0009): which columns hold ciphertext (the transformer below, on
 * the entity), what the blind-index columns hold (receiverIndexes), and what a blacklist entry stores
 * (blacklistEntry). Code that writes rows without TypeORM (the seed, the migration) calls the same functions.
 */

/** A text column stored encrypted: the entity holds the plaintext, the row `v1:…` (personalDataCipher). */
export const encryptedText: ValueTransformer = {
  to: (value: unknown) => (typeof value === 'string' ? personalDataCipher().encrypt(value) : value),
  from: (value: unknown) => (typeof value === 'string' ? personalDataCipher().decrypt(value) : value),
};

/** The stored (encrypted) form of one value, for rows written without TypeORM. */
export function encrypted(value: string): string {
  return encryptedText.to(value) as string;
}

/** A receiver's phone and address, as the blind-index columns need them. */
export interface ReceiverParts extends AddressParts {
  readonly phone: string;
}

/** The blind-index columns of an order's receiver: exact phone search, ADDRESS_VELOCITY and the blacklist. */
export function receiverIndexes(receiver: ReceiverParts): {
  receiverPhoneIndex: string;
  receiverAddressKey: string;
} {
  const cipher = personalDataCipher();
  return {
    receiverPhoneIndex: cipher.phoneIndex(receiver.phone),
    receiverAddressKey: cipher.addressIndex(receiver),
  };
}

/** A blacklist entry as stored: `value` is what screening compares, `display` what the managers' screen shows. */
export interface BlacklistEntryValues {
  readonly value: string;
  readonly display: string;
}

/** An address typed as one string, masked: at most its first six characters and never more than a third of it. */
function maskTypedAddress(address: string): string {
  const chars = Array.from(address.trim());
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 3))).join('') + MASK;
}

/**
 * A blacklist entry for what a manager typed, or null when it names nothing. A phone or an address is stored as the
 * blind index of its normalised form (an order's receiverPhoneIndex / receiverAddressKey) with a masked display; an
 * account id as itself.
 */
export function blacklistEntry(kind: BlacklistKind, typed: string): BlacklistEntryValues | null {
  const cipher = personalDataCipher();
  if (kind === 'PHONE') {
    const phone = normalizePhone(typed);
    return phone ? { value: cipher.phoneIndex(phone), display: maskPhone(phone) } : null;
  }
  if (kind === 'ADDRESS') {
    const parts = { province: '', city: '', district: '', address: typed };
    return normalizeAddress(parts)
      ? { value: cipher.addressIndex(parts), display: maskTypedAddress(typed) }
      : null;
  }
  const account = typed.trim();
  return account ? { value: account, display: account } : null;
}
