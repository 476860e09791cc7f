import type { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { requestHash } from '../ingest/request-hash.js';

/** How long a finished call's key answers retries (Stripe keeps keys 24 hours); after that the key is free again. */
export const IDEMPOTENCY_KEY_HOURS = 24;
/**
 * A claim still IN_PROGRESS after this long belongs to a process that died mid-call (no call of ours runs that long:
 * statements stop at 30 s, idle transactions at 30 s): the next call with the key takes it over and runs afresh.
 */
export const ABANDONED_CLAIM_MINUTES = 5;

/** Keys past their time, deleted by the worker's cron so the table stays the size of a day's retries. */
export const EXPIRE_IDEMPOTENCY_KEYS_SQL = `DELETE FROM idempotency_keys
  WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;

/**
 * Runs a staff mutation at most once per idempotency key (docs/reliability.md, Stripe's model): the first call's answer
 * (`replay`, small and serialisable) is stored and a retry with the same key and input gets it back without doing
 * anything again; the same key with other input is IDEMPOTENCY_KEY_REUSED; the same key while the first call still
 * runs is IDEMPOTENCY_IN_PROGRESS. A call that fails frees its key, so a retry runs afresh; a claim left by a process
 * that died is taken over after ABANDONED_CLAIM_MINUTES, and a finished key is free again after IDEMPOTENCY_KEY_HOURS.
 * Keys are per staff member.
 */
export async function withIdempotency<R>(
  db: DataSource,
  staff: StaffPrincipal,
  operation: string,
  key: string | null | undefined,
  input: unknown,
  run: () => Promise<R>,
): Promise<R> {
  if (key === null || key === undefined) return run();
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > 128) throw badInput('idempotencyKey', '1–128 characters');
  const hash = requestHash({ operation, input });
  const claimed: { key: string }[] = await db.query(
    `INSERT INTO idempotency_keys (staff_id, key, operation, request_hash, status) VALUES ($1, $2, $3, $4, 'IN_PROGRESS')
     ON CONFLICT (staff_id, key) DO UPDATE
       SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash, status = 'IN_PROGRESS',
           response = NULL, created_at = now()
       WHERE idempotency_keys.created_at < now() - CASE idempotency_keys.status
         WHEN 'DONE' THEN make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})
         ELSE make_interval(mins => ${ABANDONED_CLAIM_MINUTES}) END
     RETURNING key`,
    [staff.id, trimmed, operation, hash],
  );
  if (!claimed.length) {
    const [earlier] = (await db.query(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE staff_id = $1 AND key = $2',
      [staff.id, trimmed],
    )) as {
      request_hash: string;
      status: string;
      response: R;
    }[];
    if (!earlier) return withIdempotency(db, staff, operation, key, input, run);
    if (earlier.request_hash !== hash)
      throw domainError('IDEMPOTENCY_KEY_REUSED', `idempotencyKey ${trimmed} was used with other input.`);
    if (earlier.status !== 'DONE')
      throw domainError('IDEMPOTENCY_IN_PROGRESS', `A call with idempotencyKey ${trimmed} is still running.`);
    return earlier.response;
  }
  try {
    const result = await run();
    await db.query(
      "UPDATE idempotency_keys SET status = 'DONE', response = $3 WHERE staff_id = $1 AND key = $2",
      [staff.id, trimmed, JSON.stringify(result)],
    );
    return result;
  } catch (error) {
    await db.query('DELETE FROM idempotency_keys WHERE staff_id = $1 AND key = $2', [staff.id, trimmed]);
    throw error;
  }
}
