import type { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeAddress } from '@oms/schema';
import { PersonalDataCipher, personalDataCipher } from '../../privacy/personal-data-cipher.js';
import { blacklistEntry, encrypted, receiverIndexes } from '../../privacy/personal-data-columns.js';
import type { BlacklistKind } from '../../entities/risk-rule.entity.js';

const BATCH = 1_000;

interface PlainReceiver {
  id: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

/**
 * Receiver phone and street address encrypted at rest (docs/reliability.md "Personal data", ADR 0009): a blind-index
 * column for exact phone search replaces the index on the plaintext phone; receiver_address_key, which held
 * normalizeAddress() in the clear, now holds its blind index; blacklisted phones and addresses are kept as blind
 * indexes with a masked form for the managers' screen. Rows already in the database are encrypted here, in batches,
 * under the configured key (personalDataCipher: OMS_PERSONAL_DATA_KEY, or the development key outside production).
 */
export class PersonalDataAtRest1764700000000 implements MigrationInterface {
  name = 'PersonalDataAtRest1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE orders ADD COLUMN receiver_phone_index text;
      ALTER TABLE blacklist ADD COLUMN display text;
    `);
    let after = '0';
    for (;;) {
      const rows: PlainReceiver[] = await db.query(
        `SELECT id::text AS id, receiver_phone AS phone, receiver_province AS province, receiver_city AS city,
                receiver_district AS district, receiver_address AS address
         FROM orders o WHERE o.id > $1 ORDER BY o.id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const stored = rows
        .filter((r) => !PersonalDataCipher.isEncrypted(r.phone))
        .map((r) => ({
          id: r.id,
          phone: encrypted(r.phone),
          address: encrypted(r.address),
          ...receiverIndexes(r),
        }));
      if (stored.length === 0) continue;
      await db.query(
        `UPDATE orders o SET receiver_phone = v.phone, receiver_address = v.address,
           receiver_phone_index = v."receiverPhoneIndex", receiver_address_key = v."receiverAddressKey"
         FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, phone text, address text, "receiverPhoneIndex" text,
           "receiverAddressKey" text)
         WHERE o.id = v.id`,
        [JSON.stringify(stored)],
      );
    }

    // Blacklisted phones and addresses held their normalised form, which blacklistEntry accepts as typed input.
    const entries: { id: string; kind: BlacklistKind; value: string }[] = await db.query(
      'SELECT id::text AS id, kind, value FROM blacklist',
    );
    const rewritten = entries.map((e) => ({
      id: e.id,
      ...(blacklistEntry(e.kind, e.value) ?? { value: e.value, display: e.value }),
    }));
    if (rewritten.length > 0) {
      await db.query(
        `UPDATE blacklist b SET value = v.value, display = v.display
         FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, value text, display text) WHERE b.id = v.id`,
        [JSON.stringify(rewritten)],
      );
    }

    await db.query(`
      ALTER TABLE orders ALTER COLUMN receiver_phone_index SET NOT NULL;
      ALTER TABLE blacklist ALTER COLUMN display SET NOT NULL;
      DROP INDEX orders_receiver_phone_idx;
      CREATE INDEX orders_receiver_phone_index_idx ON orders (receiver_phone_index, created_at DESC, id DESC);
    `);
  }

  /**
   * Back to plaintext columns, decrypting with the configured key. Refused while the blacklist names a phone or an
   * address: only their keyed hashes are kept, so they cannot be turned back into what screening compared before.
   */
  async down(db: QueryRunner): Promise<void> {
    const [{ hashed }] = await db.query(
      "SELECT count(*)::int AS hashed FROM blacklist WHERE kind IN ('PHONE', 'ADDRESS')",
    );
    if (hashed > 0) {
      throw new Error(
        `${this.name} cannot be reverted: ${hashed} blacklist entries hold only the keyed hash of a phone or an address; remove them first`,
      );
    }
    const cipher = personalDataCipher();
    let after = '0';
    for (;;) {
      const rows: PlainReceiver[] = await db.query(
        `SELECT id::text AS id, receiver_phone AS phone, receiver_province AS province, receiver_city AS city,
                receiver_district AS district, receiver_address AS address
         FROM orders o WHERE o.id > $1 ORDER BY o.id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const plain = rows.map((r) => {
        const receiver = { ...r, phone: cipher.decrypt(r.phone), address: cipher.decrypt(r.address) };
        return {
          id: r.id,
          phone: receiver.phone,
          address: receiver.address,
          key: normalizeAddress(receiver),
        };
      });
      await db.query(
        `UPDATE orders o SET receiver_phone = v.phone, receiver_address = v.address, receiver_address_key = v.key
         FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, phone text, address text, key text) WHERE o.id = v.id`,
        [JSON.stringify(plain)],
      );
    }
    await db.query(`
      DROP INDEX orders_receiver_phone_index_idx;
      CREATE INDEX orders_receiver_phone_idx ON orders (receiver_phone);
      ALTER TABLE orders DROP COLUMN receiver_phone_index;
      ALTER TABLE blacklist DROP COLUMN display;
    `);
  }
}
