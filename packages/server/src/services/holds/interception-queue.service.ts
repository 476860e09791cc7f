import type { DataSource } from 'typeorm';
import { apiError } from '../../api/errors.js';
import { InterceptionEntity, OrderEntity } from '../../entities/index.js';

/** The manager's queue filters (api.md `InterceptionFilter`). */
export interface InterceptionQueueFilter {
  status?: InterceptionEntity['status'] | null;
  rule?: InterceptionEntity['rule'] | null;
  warehouseCode?: string | null;
  minAmountFen?: number | null;
}

/** The interception queue: oldest first, keyset-paged on (raised_at, id). */
export class InterceptionQueueService {
  constructor(private readonly db: DataSource) {}

  async page(filter: InterceptionQueueFilter, first: number, after: string | null) {
    const query = this.db
      .getRepository(InterceptionEntity)
      .createQueryBuilder('i')
      .where('i.status = :status', { status: filter.status ?? 'ACTIVE' });
    if (filter.rule) query.andWhere('i.rule = :rule', { rule: filter.rule });
    if (filter.minAmountFen != null) query.andWhere('i.amount_fen >= :min', { min: filter.minAmountFen });
    if (filter.warehouseCode) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM sub_orders s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.order_id = i.order_id AND w.code = :code)',
        { code: filter.warehouseCode },
      );
    }
    if (after) {
      const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
      if (!at || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(at)))
        throw apiError('BAD_USER_INPUT', 'after: not a cursor this list gave out', { field: 'after' });
      query.andWhere('(i.raised_at, i.id) > (:at, :id)', { at, id });
    }
    const rows = await query
      .orderBy('i.raised_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    const orders = nodes.length
      ? await this.db
          .getRepository(OrderEntity)
          .createQueryBuilder('o')
          .select(['o.id', 'o.number'])
          .where('o.id IN (:...ids)', { ids: [...new Set(nodes.map((n) => n.orderId))] })
          .getMany()
      : [];
    const numbers = new Map(orders.map((o) => [o.id, o.number]));
    const subOrderNumbers: { id: string; number: string }[] = nodes.some((n) => n.subOrderId)
      ? await this.db.query('SELECT id::text, number FROM sub_orders WHERE id = ANY($1::bigint[])', [
          nodes.filter((n) => n.subOrderId).map((n) => n.subOrderId),
        ])
      : [];
    return {
      nodes,
      orderNumbers: numbers,
      subOrderNumbers: new Map(subOrderNumbers.map((s) => [s.id, s.number])),
      cursors: nodes.map((n) => Buffer.from(`${n.raisedAt.toISOString()}|${n.id}`).toString('base64url')),
      hasNextPage: rows.length > first,
    };
  }
}
