import { hashSecret, newSecret } from '../../auth/tokens.js';
import { SessionEntity } from '../../entities/index.js';
import type { ApiKeyPrincipal, StaffPrincipal } from '../../auth/principal.js';
import type { ServiceDeps } from '../helpers/deps.js';

// Refreshing last_seen_at on every request would turn each read into a write; a minute's slack is harmless
// against an idle expiry measured in hours.
const TOUCH_INTERVAL_MS = 60_000;

/** Sessions and API keys: opaque secrets stored hashed, with idle and absolute expiry. */
export class SessionService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Starts a new session for a staff member; returns the token (shown once) and its expiry. */
  async start(staffId: string, address: string | null): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecret('oms_s_');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.deps.config.sessionAbsoluteHours * 3_600_000);
    await this.deps.db.getRepository(SessionEntity).insert({
      tokenHash: hashSecret(token),
      staffId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      address,
    });
    return { token, expiresAt };
  }

  /** The staff member behind a live session token, or null (unknown, revoked, idle too long, expired, disabled). */
  async resolve(token: string): Promise<StaffPrincipal | null> {
    // Every staff request passes here: plain SQL (building it with the query builder cost more than running it).
    const [row] = (await this.deps.db.query(
      `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, st.id AS staff_id, st.username, st.display_name,
         st.role
       FROM sessions s JOIN staff st ON st.id = s.staff_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND st.disabled_at IS NULL`,
      [hashSecret(token)],
    )) as {
      session_id: string;
      last_seen_at: Date;
      expires_at: Date;
      staff_id: string;
      username: string;
      display_name: string;
      role: StaffPrincipal['role'];
    }[];
    if (!row) return null;
    const now = Date.now();
    const idleLimit = this.deps.config.sessionIdleMinutes * 60_000;
    if (row.expires_at.getTime() <= now || now - row.last_seen_at.getTime() > idleLimit) return null;
    if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.deps.db.getRepository(SessionEntity).update(row.session_id, { lastSeenAt: new Date(now) });
    }
    return {
      kind: 'staff',
      id: row.staff_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      sessionId: row.session_id,
    };
  }

  /** Ends a session; later requests with its token are anonymous. */
  async end(sessionId: string): Promise<void> {
    await this.deps.db.getRepository(SessionEntity).update(sessionId, { revokedAt: new Date() });
  }

  /**
   * The integration client behind an API key, or null (unknown or revoked). The row is read on every request and
   * nothing caches it, so a revoked key is refused from its next request on (docs/administration.md). When it was
   * last used is noted at most once a minute, like a session's last sight.
   */
  async resolveApiKey(key: string): Promise<ApiKeyPrincipal | null> {
    const [row] = (await this.deps.db.query(
      'SELECT id::text AS id, name, scopes, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1',
      [hashSecret(key)],
    )) as {
      id: string;
      name: string;
      scopes: ApiKeyPrincipal['scopes'];
      revoked_at: Date | null;
      last_used_at: Date | null;
    }[];
    if (!row || row.revoked_at) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.deps.db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
    }
    return { kind: 'apiKey', id: row.id, name: row.name, scopes: row.scopes };
  }
}
