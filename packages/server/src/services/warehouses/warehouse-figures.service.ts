import { domainError } from '../../errors/domain-error.js';
import { SubOrderEntity } from '../../entities/index.js';
import type { ServiceDeps } from '../helpers/deps.js';
import { decodeCursor, encodeCursor } from '../helpers/cursors.js';

/** How long sub-orders of one warehouse spent in one status, on one day (Asia/Shanghai). */
export interface StateTiming {
  readonly warehouseCode: string;
  readonly day: string;
  readonly status: string;
  readonly count: number;
  readonly p50Seconds: number;
  readonly p90Seconds: number;
}

const TIMINGS_SQL = `
  WITH changes AS (
    SELECT e.sub_order_id, e.at, e.after->>'status' AS status,
           lead(e.at) OVER (PARTITION BY e.sub_order_id ORDER BY e.at, e.id) AS left_at
    FROM order_events e
    WHERE e.type IN ('SUB_ORDER_CREATED', 'STATUS_CHANGED') AND e.sub_order_id IS NOT NULL
      AND e.at >= $1::timestamptz - interval '7 days' AND e.at < $2
  )
  SELECT w.code AS "warehouseCode", to_char(c.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.status,
         count(*)::int AS count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.left_at - c.at))::float8 AS "p50Seconds",
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.left_at - c.at))::float8 AS "p90Seconds"
  FROM changes c
  JOIN sub_orders s ON s.id = c.sub_order_id
  JOIN warehouses w ON w.id = s.warehouse_id
  WHERE c.left_at IS NOT NULL AND c.at >= $1 AND c.at < $2
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

/** Ops' figures: time in each state per warehouse and day, from the event history (docs/domain.md §8), and late sub-orders. */
export class WarehouseFiguresService {
  constructor(private readonly deps: ServiceDeps) {}

  /** p50/p90 of the time spent in each status, per warehouse and day, for states entered in [from, to). */
  async timings(from: Date, to: Date): Promise<StateTiming[]> {
    if (!(from < to)) throw domainError('BAD_USER_INPUT', 'from: must be before to', { field: 'from' });
    if (to.getTime() - from.getTime() > 92 * 86_400_000)
      throw domainError('BAD_USER_INPUT', 'to: at most 92 days after from', { field: 'to' });
    return this.deps.db.query(TIMINGS_SQL, [from, to]);
  }

  /** Late sub-orders, latest first, keyset-paged on (late_minutes, id). */
  async late(
    warehouseCode: string | null,
    first: number,
    after: string | null,
  ): Promise<{ nodes: SubOrderEntity[]; cursors: string[]; hasNextPage: boolean }> {
    const query = this.deps.db
      .getRepository(SubOrderEntity)
      .createQueryBuilder('s')
      .where('s.late_minutes IS NOT NULL');
    if (warehouseCode)
      query.andWhere('s.warehouse_id = (SELECT id FROM warehouses WHERE code = :code)', {
        code: warehouseCode,
      });
    if (after) {
      const [minutes, id] = decodeCursor(after, ['int', 'id']);
      query.andWhere('(s.late_minutes, s.id) < (:minutes, :id)', { minutes, id });
    }
    const rows = await query
      .orderBy('s.late_minutes', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    return {
      nodes,
      cursors: nodes.map((s) => encodeCursor([s.lateMinutes!, s.id])),
      hasNextPage: rows.length > first,
    };
  }

  /** Open sub-orders per warehouse and status, with how many are late. */
  async load(): Promise<
    { warehouseCode: string; status: SubOrderEntity['status']; count: number; late: number }[]
  > {
    return this.deps.db.query(`
      SELECT w.code AS "warehouseCode", s.status, count(*)::int AS count, count(s.late_minutes)::int AS late
      FROM sub_orders s JOIN warehouses w ON w.id = s.warehouse_id
      WHERE s.status IN ('CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED', 'SHIPPED')
      GROUP BY 1, 2 ORDER BY 1, 2`);
  }

  /** Sub-orders by operational filters, newest first, keyset-paged on id. */
  async subOrders(
    filter: {
      status?: SubOrderEntity['status'] | null;
      warehouseCode?: string | null;
      outOfStock?: boolean | null;
      dispatchState?: SubOrderEntity['dispatchState'] | null;
      held?: boolean | null;
    },
    first: number,
    after: string | null,
  ): Promise<{ nodes: SubOrderEntity[]; cursors: string[]; hasNextPage: boolean }> {
    const query = this.deps.db.getRepository(SubOrderEntity).createQueryBuilder('s');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.warehouseCode)
      query.andWhere('s.warehouse_id = (SELECT id FROM warehouses WHERE code = :code)', {
        code: filter.warehouseCode,
      });
    if (filter.outOfStock != null)
      query.andWhere(filter.outOfStock ? 's.out_of_stock' : 'NOT s.out_of_stock');
    if (filter.held != null) query.andWhere(filter.held ? 's.held' : 'NOT s.held');
    if (filter.dispatchState)
      query.andWhere('s.dispatch_state = :dispatchState', { dispatchState: filter.dispatchState });
    if (after) {
      const [id] = decodeCursor(after, ['id']);
      query.andWhere('s.id < :id', { id });
    }
    const rows = await query
      .orderBy('s.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    return {
      nodes,
      cursors: nodes.map((s) => encodeCursor([s.id])),
      hasNextPage: rows.length > first,
    };
  }
}
