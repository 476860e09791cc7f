import { API_KEY_NAME_MAX_LENGTH, isApiKeyScope, nameProblem, type ApiKeyScope } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { hashSecret, newSecret } from '../../auth/tokens.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit } from '../helpers/history.js';
import { checkedReason, checkedRowId, optionalReason } from './checks.js';

/** A new integration key (docs/api.md `createApiKey`). */
export interface CreateApiKeyRequest {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly reason?: string | null;
}

/** Revoking one key (`revokeApiKey`). */
export interface RevokeApiKeyRequest {
  readonly apiKeyId: string;
  readonly reason: string;
}

/** A key as the list shows it: never its secret nor the secret's hash. */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly scopes: ApiKeyScope[];
  readonly keyPrefix: string | null;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly revokedReason: string | null;
  readonly lastUsedAt: Date | null;
}

/** Where every key is generated: `oms_k_` and 32 random bytes (base64url). */
const KEY_PREFIX = 'oms_k_';
/** How much of a new key is kept in the clear to tell keys apart: the marker and four random characters. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 4;

const VIEW_SQL = `
  SELECT k.id::text AS id, k.name, k.scopes, k.key_prefix AS "keyPrefix", k.created_at AS "createdAt",
    c.username AS "createdBy", k.revoked_at AS "revokedAt", r.username AS "revokedBy",
    k.revoked_reason AS "revokedReason", k.last_used_at AS "lastUsedAt"
  FROM api_keys k LEFT JOIN staff c ON c.id = k.created_by LEFT JOIN staff r ON r.id = k.revoked_by`;

/**
 * Integration keys as ADMIN keeps them (docs/administration.md): a new key is shown once and stored as its SHA-256
 * hash; a revoked key is refused from its next request on (the request path reads the key's row every time, nothing
 * caches it). Each change is one transaction with its audit row, which never holds the key or its hash.
 */
export class ApiKeysService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Every key, live ones first, newest first. */
  list(): Promise<ApiKeyView[]> {
    return this.deps.db.query(`${VIEW_SQL} ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id DESC`);
  }

  /** Makes a key with the given scopes; the key itself is in the answer and nowhere else, ever. */
  async create(
    staff: StaffPrincipal,
    request: CreateApiKeyRequest,
    address: string | null,
  ): Promise<{ apiKey: ApiKeyView; key: string }> {
    const name = request.name.trim();
    const nameIssue = nameProblem(name, API_KEY_NAME_MAX_LENGTH);
    if (nameIssue) throw badInput('name', nameIssue);
    if (request.scopes.length === 0) throw badInput('scopes', 'at least one scope');
    request.scopes.forEach((scope, i) => {
      if (!isApiKeyScope(scope)) throw badInput(`scopes[${i}]`, `${String(scope)} is not a scope`);
    });
    const scopes = [...new Set(request.scopes)];
    const reason = optionalReason(request.reason) ?? `new key ${name}`;
    const key = newSecret(KEY_PREFIX);
    return inTransaction(this.deps, async ({ manager }) => {
      const [inserted] = (await manager.query(
        `INSERT INTO api_keys (name, key_hash, key_prefix, scopes, created_at, created_by)
         VALUES ($1, $2, $3, $4, now(), $5) RETURNING id::text AS id`,
        [name, hashSecret(key), key.slice(0, SHOWN_PREFIX_LENGTH), scopes, staff.id],
      )) as { id: string }[];
      const id = inserted!.id;
      await recordAudit(manager, {
        staff,
        action: 'CREATE_API_KEY',
        after: { apiKeyId: id, name, scopes },
        reason,
        address,
      });
      return { apiKey: await view(manager, id), key };
    });
  }

  /** Stops a key at once; revoking a revoked key changes nothing. */
  async revoke(staff: StaffPrincipal, request: RevokeApiKeyRequest, address: string | null) {
    const apiKeyId = checkedRowId('apiKeyId', request.apiKeyId);
    const reason = checkedReason(request.reason);
    return inTransaction(this.deps, async ({ manager }) => {
      const [key] = (await manager.query('SELECT name, revoked_at FROM api_keys WHERE id = $1 FOR UPDATE', [
        apiKeyId,
      ])) as { name: string; revoked_at: Date | null }[];
      if (!key) throw domainError('NOT_FOUND', `No API key ${apiKeyId}.`);
      if (key.revoked_at) return view(manager, apiKeyId);
      await manager.query(
        'UPDATE api_keys SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = $1',
        [apiKeyId, staff.id, reason],
      );
      await recordAudit(manager, {
        staff,
        action: 'REVOKE_API_KEY',
        before: { apiKeyId, name: key.name, active: true },
        after: { apiKeyId, name: key.name, active: false },
        reason,
        address,
      });
      return view(manager, apiKeyId);
    });
  }
}

async function view(manager: EntityManager, id: string): Promise<ApiKeyView> {
  const [row] = (await manager.query(`${VIEW_SQL} WHERE k.id = $1`, [id])) as ApiKeyView[];
  return row!;
}
