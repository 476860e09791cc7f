import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { normalizeAddress, normalizePhone, type AddressParts } from '@oms/schema';

/**
 * Receiver phones and street addresses at rest (docs/reliability.md "Personal data", ADR 0009): AES-256-GCM with a random
 * 12-byte IV per value, stored as `v1:<base64 of iv | tag | ciphertext>`, and a keyed hash (HMAC-SHA256, the "blind
 * index") of the normalised phone and address for exact search, ADDRESS_VELOCITY and the blacklist. Both keys are
 * derived (HKDF-SHA256) from one 32-byte master key, `OMS_PERSONAL_DATA_KEY`.
 */

/** The environment variable that holds the master key: 32 bytes, base64 (standard or URL-safe) or hex. */
export const PERSONAL_DATA_KEY_VARIABLE = 'OMS_PERSONAL_DATA_KEY';

/** The format (and key generation) tag of a stored value; a rotated key would write `v2:`. */
const VERSION = 'v1';
const PREFIX = `${VERSION}:`;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('oms/personal-data');

/** A configured key that is not 32 bytes of base64 or hex, or a missing one. */
export class PersonalDataKeyError extends Error {
  override name = 'PersonalDataKeyError';
}

/** A stored value that cannot be decrypted: not ours, altered, or encrypted under another key. */
export class PersonalDataDecryptionError extends Error {
  override name = 'PersonalDataDecryptionError';
}

/** The 32 key bytes of `text` (64 hex digits, or base64 / base64url of 32 bytes). */
export function parsePersonalDataKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : null;
  if (bytes?.length !== 32) {
    throw new PersonalDataKeyError(
      `${PERSONAL_DATA_KEY_VARIABLE} must be 32 random bytes as base64 or hex (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return bytes;
}

function derive(master: Buffer, purpose: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', master, SALT, `${VERSION} ${purpose}`, 32)));
}

/** Encrypts and blind-indexes personal data under one master key. */
export class PersonalDataCipher {
  private readonly encryptionKey: KeyObject;
  private readonly indexKey: KeyObject;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32)
      throw new PersonalDataKeyError(`the personal-data key is ${masterKey.length} bytes, not 32`);
    this.encryptionKey = derive(masterKey, 'encryption');
    this.indexKey = derive(masterKey, 'blind index');
  }

  /** The cipher of a loaded configuration (its `personalDataKey`). */
  static fromConfig(config: { readonly personalDataKey: Buffer }): PersonalDataCipher {
    return new PersonalDataCipher(config.personalDataKey);
  }

  /** True when `stored` has the shape of a value this class wrote (it may still be under another key). */
  static isEncrypted(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  /** `v1:` + base64(iv | tag | ciphertext); a fresh random IV each time, so equal inputs give unequal outputs. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The plaintext of a value `encrypt` wrote; PersonalDataDecryptionError when it is not one or fails authentication. */
  decrypt(stored: string): string {
    if (!PersonalDataCipher.isEncrypted(stored))
      throw new PersonalDataDecryptionError(`not an encrypted personal-data value (expected "${PREFIX}…")`);
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES)
      throw new PersonalDataDecryptionError('encrypted personal-data value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new PersonalDataDecryptionError(
        `cannot decrypt personal data: authentication failed (a different ${PERSONAL_DATA_KEY_VARIABLE}, or the stored value was altered)`,
      );
    }
  }

  /** HMAC-SHA256 of `value` under the index key, base64url (43 characters): equal inputs, equal indexes. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('base64url');
  }

  /** The blind index of a phone in its normalised 11-digit form (as typed, trimmed, when it is not a mobile number). */
  phoneIndex(phone: string): string {
    return this.blindIndex(normalizePhone(phone) ?? phone.trim());
  }

  /** The blind index of normalizeAddress() of the whole address: what ADDRESS_VELOCITY and the blacklist compare. */
  addressIndex(parts: AddressParts): string {
    return this.blindIndex(normalizeAddress(parts));
  }
}

let processCipher: PersonalDataCipher | undefined;

/**
 * Makes `masterKey` this process's personal-data key: what the entity columns, the services, the seed and the
 * migration encrypt and index with. Whoever opens the database calls it first with its configuration's key
 * (startServer, the worker, the test kit, the bench).
 */
export function usePersonalDataKey(masterKey: Buffer): void {
  processCipher = new PersonalDataCipher(masterKey);
}

/** The cipher of this process (usePersonalDataKey); throws when no key was given, rather than guess one. */
export function personalDataCipher(): PersonalDataCipher {
  if (!processCipher)
    throw new PersonalDataKeyError(
      'no personal-data key in this process: call usePersonalDataKey(config.personalDataKey) before opening the database',
    );
  return processCipher;
}
