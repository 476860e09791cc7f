import { InterceptionEntity } from '../../entities/index.js';
import { hydrate } from '../../database/select-entities.js';
import type { ServiceDeps } from '../helpers/deps.js';
import { decodeCursor, encodeCursor } from '../helpers/cursors.js';

/** The manager's queue filters (docs/api.md `InterceptionFilter`). */
export interface InterceptionQueueFilter {
  status?: InterceptionEntity['status'] | null;
  rule?: InterceptionEntity['rule'] | null;
  warehouseCode?: string | null;
  minAmountFen?: number | null;
}

/** The interception queue: oldest first, keyset-paged on (raised_at, id). */
export class InterceptionQueueService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * One page in one statement: the holds with their order's and sub-order's numbers (the queue is a manager's
   * working list, refreshed all day, so it is written as SQL rather than built per request).
   */
  async page(filter: InterceptionQueueFilter, first: number, after: string | null) {
    const parameters: unknown[] = [filter.status ?? 'ACTIVE'];
    const where = ['i.status = $1'];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.rule) where.push(`i.rule = ${bind(filter.rule)}`);
    if (filter.minAmountFen != null) where.push(`i.amount_fen >= ${bind(filter.minAmountFen)}`);
    if (filter.warehouseCode) {
      where.push(
        `EXISTS (SELECT 1 FROM sub_orders ws JOIN warehouses w ON w.id = ws.warehouse_id
                 WHERE ws.order_id = i.order_id AND w.code = ${bind(filter.warehouseCode)})`,
      );
    }
    if (after) {
      const [at, id] = decodeCursor(after, ['time', 'id']);
      where.push(`(i.raised_at, i.id) > (${bind(at)}::timestamptz, ${bind(id)}::bigint)`);
    }
    const rows: { row: Record<string, unknown>; order_number: string; sub_order_number: string | null }[] =
      await this.deps.db.query(
        `SELECT to_jsonb(i) AS row, o.number AS order_number, s.number AS sub_order_number
         FROM interceptions i
         JOIN orders o ON o.id = i.order_id
         LEFT JOIN sub_orders s ON s.id = i.sub_order_id
         WHERE ${where.join(' AND ')}
         ORDER BY i.raised_at, i.id
         LIMIT ${bind(first + 1)}`,
        parameters,
      );
    const metadata = this.deps.db.getMetadata(InterceptionEntity);
    const page = rows.slice(0, first);
    const nodes = page.map((r) => hydrate(metadata, r.row) as InterceptionEntity);
    return {
      nodes,
      orderNumbers: new Map(nodes.map((n, k) => [n.orderId, page[k]!.order_number])),
      subOrderNumbers: new Map(
        nodes.flatMap((n, k) => (n.subOrderId ? [[n.subOrderId, page[k]!.sub_order_number!] as const] : [])),
      ),
      cursors: nodes.map((n) => encodeCursor([n.raisedAt, n.id])),
      hasNextPage: rows.length > first,
    };
  }
}
