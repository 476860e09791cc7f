import type { ServiceDeps } from '../helpers/deps.js';

/**
 * Per-warehouse SLA (docs/domain.md §8), in one statement: a dispatched sub-order must be accepted within the
 * warehouse's `sla_accept_minutes`; an accepted one must ship by the end of its cut-off day (paid before the
 * warehouse's cut-off, `cutoff_minute` minutes after midnight Asia/Shanghai: that day; at or after it: the next day;
 * `shipByDeadline` of packages/schema is the same rule). `late_minutes` says by how much it is late now, and the first
 * time a sub-order turns late its timeline says so. Shipped and final sub-orders are no longer flagged. The warehouse's
 * settings are read as they are now: a changed SLA or cut-off applies to its open sub-orders at the next run.
 */
export const FLAG_LATE_SQL = `
  WITH due AS (
    SELECT s.id, s.order_id, s.shard, s.late_minutes AS was_late,
      CASE
        WHEN s.status = 'DISPATCHED' THEN s.dispatched_at + make_interval(mins => w.sla_accept_minutes)
        ELSE (date_trunc('day', o.paid_at AT TIME ZONE 'Asia/Shanghai')
              + CASE WHEN (o.paid_at AT TIME ZONE 'Asia/Shanghai')::time < make_time(w.cutoff_minute / 60, w.cutoff_minute % 60, 0)
                     THEN interval '1 day' ELSE interval '2 days' END) AT TIME ZONE 'Asia/Shanghai'
      END AS deadline
    FROM sub_orders s
    JOIN warehouses w ON w.id = s.warehouse_id
    JOIN orders o ON o.id = s.order_id
    WHERE s.status IN ('DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED')
  ),
  flagged AS (
    UPDATE sub_orders s
    SET late_minutes = CASE WHEN due.deadline < now() THEN floor(extract(epoch FROM now() - due.deadline) / 60)::int END
    FROM due WHERE due.id = s.id
    RETURNING s.id, s.order_id, s.shard, s.late_minutes, due.was_late
  ),
  cleared AS (
    UPDATE sub_orders SET late_minutes = NULL
    WHERE late_minutes IS NOT NULL AND status NOT IN ('DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED')
    RETURNING id
  )
  INSERT INTO order_events (order_id, sub_order_id, shard, type, at, actor_type, actor_id, after)
  SELECT order_id, id, shard, 'SLA_BREACHED', now(), 'SYSTEM', 'sla-monitor', json_build_object('lateMinutes', late_minutes)
  FROM flagged WHERE late_minutes IS NOT NULL AND was_late IS NULL`;

/** Timeliness of warehouses: which sub-orders are late, and by how much. */
export class SlaService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Flags late sub-orders (and clears those no longer open), in one statement. */
  async flagLate(): Promise<void> {
    await this.deps.db.query(FLAG_LATE_SQL);
  }
}
