import { isAuditAction, type AuditAction, type StaffRole } from '@oms/schema';
import { badInput } from '../../errors/domain-error.js';
import type { ServiceDeps } from '../helpers/deps.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';

/** What the audit log can be narrowed to (docs/api.md `auditLog`); every field optional, all of them combined. */
export interface AuditFilter {
  /** the staff member who acted */
  readonly staffId?: string | null;
  /** the same, by username (the console's filter: managers cannot list staff ids) */
  readonly username?: string | null;
  /** an order number, or a sub-order number standing for its order */
  readonly orderNumber?: string | null;
  readonly action?: AuditAction | null;
  /** from this instant on (included) */
  readonly from?: Date | null;
  /** up to this instant (excluded) */
  readonly to?: Date | null;
}

/** One audit row with who acted, as the viewer shows it. */
export interface AuditRow {
  readonly id: string;
  readonly staffId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly action: AuditAction;
  readonly orderNumber: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string;
  readonly at: Date;
  readonly address: string | null;
}

/** The most a filter may name, before any statement runs. */
const MAX_USERNAME = 64;
/** A page's cursor: the row's time in microseconds since the epoch (exact, as PostgreSQL keeps it) and its id. */
const CURSOR = /^(\d{1,17})\.(\d{1,18})$/;

/**
 * The audit log (docs/roles.md "Audit"), newest first, keyset-paged on (at, id) and filtered by staff member, order,
 * action and time; each filter has an index of its own that keeps that order (migration 1765400000000), so a page
 * costs the same at any depth.
 */
export class AuditLogService {
  constructor(private readonly deps: ServiceDeps) {}

  async page(filter: AuditFilter, first: number, after: string | null) {
    const where: string[] = [];
    const parameters: unknown[] = [first + 1];
    const bind = (value: unknown) => `$${parameters.push(value)}`;

    if (filter.staffId != null) {
      if (!/^\d{1,18}$/.test(filter.staffId)) throw badInput('staffId', 'is not a staff id');
      where.push(`a.staff_id = ${bind(filter.staffId)}`);
    }
    if (filter.username != null && filter.username.trim() !== '') {
      const username = filter.username.trim();
      if (username.length > MAX_USERNAME) throw badInput('username', `at most ${MAX_USERNAME} characters`);
      where.push(`a.staff_id = (SELECT id FROM staff WHERE username = ${bind(username)})`);
    }
    if (filter.orderNumber != null && filter.orderNumber.trim() !== '') {
      const orderNumber = await this.parentNumber(filter.orderNumber.trim());
      if (orderNumber === null) return { nodes: [] as AuditRow[], cursors: [], hasNextPage: false };
      where.push(`a.order_number = ${bind(orderNumber)}`);
    }
    if (filter.action != null) {
      if (!isAuditAction(filter.action)) throw badInput('action', 'is not an audit action');
      where.push(`a.action = ${bind(filter.action)}`);
    }
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime())
      throw badInput('to', 'must be later than from');
    if (filter.from) where.push(`a.at >= ${bind(filter.from)}`);
    if (filter.to) where.push(`a.at < ${bind(filter.to)}`);
    if (after) {
      const match = CURSOR.exec(after);
      if (!match) throw badInput('after', 'not a cursor this list gave out');
      where.push(
        `(a.at, a.id) < (timestamptz 'epoch' + ${bind(match[1])}::bigint * interval '1 microsecond', ${bind(match[2])}::bigint)`,
      );
    }

    const rows = (await this.deps.db.query(
      `SELECT a.id::text AS id, a.staff_id::text AS "staffId", s.username, s.display_name AS "displayName", a.role,
         a.action, a.order_number AS "orderNumber", a.before, a.after, a.reason, a.at, a.address,
         (extract(epoch FROM a.at) * 1000000)::bigint::text AS "atMicros"
       FROM audit_log a JOIN staff s ON s.id = a.staff_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.at DESC, a.id DESC
       LIMIT $1`,
      parameters,
    )) as (AuditRow & { atMicros: string })[];
    const nodes = rows.slice(0, first);
    return {
      nodes: nodes.map(({ atMicros: _atMicros, ...row }) => row as AuditRow),
      cursors: nodes.map((row) => `${row.atMicros}.${row.id}`),
      hasNextPage: rows.length > first,
    };
  }

  /** The order number audit rows carry for `number` (a sub-order stands for its order), or null when none exists. */
  private async parentNumber(number: string): Promise<string | null> {
    const parsed = checkOrderNumber(number);
    if (parsed.kind === 'ORDER') return parsed.number;
    const [row] = (await this.deps.db.query(
      `SELECT o.number FROM sub_orders s JOIN orders o ON o.id = s.order_id WHERE s.number = $1 AND s.shard = $2`,
      [parsed.number, parsed.shard],
    )) as { number: string }[];
    return row?.number ?? null;
  }
}
