import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { verifyBearerToken } from '../auth/signatures.js';
import { logger } from '../logging/logger.js';
import { domainCounters, processTallies } from '../metrics/domain-counters.js';

/**
 * Who may scrape `/metrics`: with a token (OMS_METRICS_TOKEN, required outside demo mode) only a request carrying
 * `Authorization: Bearer <token>`, anyone else gets 401; without one (demo mode) everyone.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token === undefined || verifyBearerToken(req.headers.authorization, token)) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="metrics"')
      .json({ error: 'GET /metrics needs Authorization: Bearer <OMS_METRICS_TOKEN>' });
  };
}

/** Expected failures that mean two writers met: someone else changed the row, or it is no longer in that state. */
export const CONFLICT_CODES: ReadonlySet<string> = new Set(['VERSION_CONFLICT', 'INVALID_TRANSITION']);

/**
 * The process's Prometheus registry and the instruments the code records into. Every gauge read at scrape time is
 * cheap at a million orders: no statement here scans a large table (orders come from the planner's statistics, the
 * outbox's dead letters from their partial index, the queue from graphile-worker's own small tables).
 */
export function createMetrics(db: DataSource) {
  // A gauge whose statement fails (database down, a missing grant) is left empty; the rest of the scrape still answers.
  const read = async <T>(metric: string, sql: string): Promise<T[]> => {
    try {
      return (await db.query(sql)) as T[];
    } catch (error) {
      logger.warn({ err: error, metric }, 'a metric could not be read');
      return [];
    }
  };
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const counter of Object.values(domainCounters)) registry.registerMetric(counter);
  const requestSeconds = new Histogram({
    name: 'oms_graphql_request_seconds',
    help: 'GraphQL request latency by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'oms_graphql_errors_total',
    help: 'GraphQL errors by operation and code (INTERNAL_SERVER_ERROR for unexpected ones)',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const conflicts = new Counter({
    name: 'oms_conflicts_total',
    help: 'Writes refused because another writer came first (VERSION_CONFLICT, INVALID_TRANSITION), by operation',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const webhookResults = new Counter({
    name: 'oms_webhook_results_total',
    help: 'Webhook deliveries by source and outcome',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });
  const reveals = new Counter({
    name: 'oms_personal_data_reveals_total',
    help: 'revealPersonalData calls by outcome (REVEALED or the refusal code)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'oms_outbox_dead_letters_total',
    help: 'Outbox messages dead-lettered by this process since it started',
    registers: [registry],
    collect() {
      this.set(processTallies.deadLetters);
    },
  });
  new Gauge({
    name: 'oms_outbox_dead_letters',
    help: 'Outbox messages in DEAD_LETTER now (all processes), waiting for a re-drive',
    registers: [registry],
    async collect() {
      const [row] = await read<{ n: number }>(
        'oms_outbox_dead_letters',
        "SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'DEAD_LETTER'",
      );
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: 'oms_refunds_needing_attention',
    help: 'Refunds waiting for a person now: FAILED by their channel, or PENDING with their delivery dead-lettered',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      // Both come from the partial index the failed-refunds list reads (refunds_attention_idx).
      const [row] = await read<{ failed: number; deadLetter: number }>(
        'oms_refunds_needing_attention',
        `SELECT count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
                count(*) FILTER (WHERE status <> 'FAILED')::int AS "deadLetter"
           FROM refunds WHERE status = 'FAILED' OR delivery_state = 'DEAD_LETTER'`,
      );
      this.set({ state: 'FAILED' }, row?.failed ?? 0);
      this.set({ state: 'DEAD_LETTER' }, row?.deadLetter ?? 0);
    },
  });
  new Gauge({
    name: 'oms_queue_jobs',
    help: 'graphile-worker jobs by task and state (waiting: due and unlocked; scheduled: due later; running: locked)',
    labelNames: ['task', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read<{ task: string; state: string; n: number }>(
        'oms_queue_jobs',
        `SELECT task_identifier AS task,
                CASE WHEN locked_at IS NOT NULL THEN 'running'
                     WHEN run_at > now() THEN 'scheduled'
                     ELSE 'waiting' END AS state,
                count(*)::int AS n
           FROM graphile_worker.jobs
          GROUP BY 1, 2`,
      );
      for (const row of rows) this.set({ task: row.task, state: row.state }, row.n);
    },
  });
  new Gauge({
    name: 'oms_orders_estimated_total',
    help: 'Orders, estimated from PostgreSQL statistics (pg_class.reltuples); absent before the first analyze',
    registers: [registry],
    async collect() {
      this.reset();
      const [row] = await read<{ n: string }>(
        'oms_orders_estimated_total',
        "SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'orders'::regclass AND reltuples >= 0",
      );
      if (row) this.set(Number(row.n));
    },
  });
  // Was `SELECT status, count(*) FROM orders GROUP BY status` on every scrape: a full scan at a million orders.
  // The planner's statistics give the same picture for free (row estimate × status frequency), as fresh as the
  // last (auto)analyze.
  new Gauge({
    name: 'oms_orders_estimated',
    help: "Orders by status, estimated from PostgreSQL statistics (reltuples × the most common values' frequencies)",
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await read<{ status: string; n: string }>(
        'oms_orders_estimated',
        `SELECT s.status, round(c.reltuples * s.freq)::bigint AS n
           FROM pg_class c
           JOIN pg_stats st ON st.schemaname = current_schema() AND st.tablename = 'orders' AND st.attname = 'status'
           CROSS JOIN LATERAL unnest(st.most_common_vals::text::text[], st.most_common_freqs) AS s(status, freq)
          WHERE c.oid = 'orders'::regclass AND c.reltuples >= 0`,
      );
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });
  return { registry, requestSeconds, graphqlErrors, conflicts, webhookResults, reveals };
}

/** The instruments of this process. */
export type Metrics = ReturnType<typeof createMetrics>;

const WEBHOOK_SOURCES: ReadonlySet<string> = new Set(['wms', 'kuaidi100', 'payments']);

/** The outcome of a webhook delivery from its answer: the service's outcome when it names one, else by status. */
function webhookOutcome(status: number, body: unknown): string {
  const named = (body as { outcome?: unknown } | null)?.outcome;
  if (status < 300 && typeof named === 'string' && /^[A-Z_]{1,40}$/.test(named)) return named;
  if (status < 300) return 'ACCEPTED';
  if (status === 401) return 'BAD_SIGNATURE';
  if (status === 404) return 'UNKNOWN';
  if (status === 413) return 'TOO_LARGE';
  if (status < 500) return 'BAD_REQUEST';
  return 'ERROR';
}

/** Mounted on /webhooks: counts each delivery by source (wms, kuaidi100) and outcome once it is answered. */
export function countWebhookResults(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const named =
      req.path
        .split('/')
        .filter(Boolean)
        .find((part) => part !== 'carriers') ?? '';
    // A bounded label: a path an attacker makes up is counted as `other`.
    const source = WEBHOOK_SOURCES.has(named) ? named : 'other';
    let body: unknown;
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      body = value;
      return json(value);
    };
    res.once('finish', () =>
      metrics.webhookResults.inc({ source, outcome: webhookOutcome(res.statusCode, body) }),
    );
    next();
  };
}
