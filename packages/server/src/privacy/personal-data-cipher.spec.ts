import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PersonalDataCipher,
  PersonalDataDecryptionError,
  PersonalDataKeyError,
  parsePersonalDataKey,
  personalDataCipher,
  usePersonalDataKey,
} from './personal-data-cipher.js';
import { testConfig } from '../testing/index.js';
import { blacklistEntry } from './personal-data-columns.js';

const key = randomBytes(32);
const cipher = new PersonalDataCipher(key);

/** `stored` with one byte of its decoded body (iv | tag | ciphertext) flipped at `at`. */
function flipped(stored: string, at: number): string {
  const raw = Buffer.from(stored.slice(3), 'base64');
  raw[at] = raw[at]! ^ 0x01;
  return `v1:${raw.toString('base64')}`;
}

describe('PersonalDataCipher', () => {
  it('round-trips phones, Chinese addresses and the empty string', () => {
    for (const plain of ['13812345678', '北京市朝阳区建国路８８号 3栋 A座 1201室', '', 'ä😀']) {
      const stored = cipher.encrypt(plain);
      expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
      expect(stored).not.toContain(plain || '\u0000');
      expect(cipher.decrypt(stored)).toBe(plain);
    }
  });

  it('uses a fresh IV for every value: one plaintext, different ciphertexts', () => {
    const stored = new Set(Array.from({ length: 50 }, () => cipher.encrypt('13812345678')));
    expect(stored.size).toBe(50);
    const ivs = new Set(
      [...stored].map((s) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex')),
    );
    expect(ivs.size).toBe(50);
  });

  it('detects tampering with the IV, the tag or the ciphertext', () => {
    const stored = cipher.encrypt('13812345678');
    for (const at of [0, 11, 12, 27, 28, 38]) {
      expect(() => cipher.decrypt(flipped(stored, at)), `byte ${at}`).toThrow(PersonalDataDecryptionError);
    }
    expect(() => cipher.decrypt('v1:AAAA')).toThrow(/truncated/);
  });

  it('refuses a value it did not write (plaintext left behind)', () => {
    expect(() => cipher.decrypt('13812345678')).toThrow(PersonalDataDecryptionError);
    expect(PersonalDataCipher.isEncrypted('13812345678')).toBe(false);
    expect(PersonalDataCipher.isEncrypted(cipher.encrypt('x'))).toBe(true);
  });

  it('cannot decrypt under another key: GCM authentication fails with a clear error', () => {
    const other = new PersonalDataCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('13812345678'))).toThrow(
      /cannot decrypt personal data: authentication failed \(a different OMS_PERSONAL_DATA_KEY/,
    );
  });

  it('blind-indexes deterministically, per key, with a key apart from the encryption key', () => {
    expect(cipher.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
    expect(new PersonalDataCipher(randomBytes(32)).blindIndex('13812345678')).not.toBe(
      cipher.blindIndex('13812345678'),
    );
  });

  it('indexes a phone and an address in their normalised forms', () => {
    expect(cipher.phoneIndex('+86 138-1234-5678')).toBe(cipher.phoneIndex('13812345678'));
    const place = { province: '北京市', city: '北京市', district: '朝阳区' };
    expect(cipher.addressIndex({ ...place, address: '建国路８８号-3栋，Ａ座' })).toBe(
      cipher.addressIndex({ ...place, address: '建国路 88号 3栋 a座' }),
    );
    expect(cipher.addressIndex({ ...place, address: '建国路88号' })).not.toBe(
      cipher.addressIndex({ ...place, address: '建国路89号' }),
    );
  });
});

describe('the master key', () => {
  const hex = key.toString('hex');

  it('reads 32 bytes as hex, base64 or base64url', () => {
    expect(parsePersonalDataKey(hex)).toEqual(key);
    expect(parsePersonalDataKey(key.toString('base64'))).toEqual(key);
    expect(parsePersonalDataKey(key.toString('base64url'))).toEqual(key);
    expect(parsePersonalDataKey(` ${hex}\n`)).toEqual(key);
  });

  it('refuses anything that is not 32 bytes', () => {
    for (const bad of [
      'secret',
      hex.slice(2),
      randomBytes(16).toString('base64'),
      randomBytes(48).toString('hex'),
    ]) {
      expect(() => parsePersonalDataKey(bad), bad).toThrow(PersonalDataKeyError);
    }
    expect(() => new PersonalDataCipher(randomBytes(16))).toThrow(PersonalDataKeyError);
  });

  it('is the one the process was given: what the columns write, another key cannot read', () => {
    try {
      usePersonalDataKey(key);
      const stored = personalDataCipher().encrypt('13812345678');
      expect(cipher.decrypt(stored)).toBe('13812345678');
      usePersonalDataKey(randomBytes(32));
      expect(() => personalDataCipher().decrypt(stored)).toThrow(PersonalDataDecryptionError);
      expect(() => usePersonalDataKey(randomBytes(16))).toThrow(PersonalDataKeyError);
    } finally {
      // The rest of the run reads personal data under the tests' key (test/support/test-key.ts).
      usePersonalDataKey(testConfig().personalDataKey);
    }
  });
});

describe('blacklist entries', () => {
  it('keep a phone or an address as its blind index with a masked display, an account as itself', () => {
    const phone = blacklistEntry('PHONE', '+86 138 1234 5678')!;
    expect(phone.display).toBe('138****5678');
    expect(phone.value).not.toContain('12345678');
    const address = blacklistEntry('ADDRESS', '北京市北京市朝阳区建国路88号3栋1单元')!;
    expect(address.display).toBe('北京市北京市****');
    expect(address.value).toBe(
      blacklistEntry('ADDRESS', '北京市 北京市 朝阳区 建国路８８号-3栋，1单元')!.value,
    );
    expect(blacklistEntry('ACCOUNT', ' u_1234 ')).toEqual({ value: 'u_1234', display: 'u_1234' });
    expect(blacklistEntry('PHONE', '12345')).toBeNull();
    expect(blacklistEntry('ADDRESS', ' ，')).toBeNull();
  });
});
