import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { workerCounters } from '../jobs/worker.js';

/** The process's Prometheus registry and the instruments the code records into. */
export function createMetrics(db: DataSource) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestSeconds = new Histogram({
    name: 'oms_graphql_request_seconds',
    help: 'GraphQL request latency by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const webhookResults = new Counter({
    name: 'oms_webhook_results_total',
    help: 'Webhook deliveries by source and outcome',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'oms_outbox_dead_letters_total',
    help: 'Outbox messages dead-lettered by this process since it started',
    registers: [registry],
    collect() {
      this.set(workerCounters.deadLetters);
    },
  });
  new Gauge({
    name: 'oms_outbox_messages',
    help: 'Outbox messages by status (PENDING is the queue depth)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows: { status: string; n: number }[] = await db.query(
        'SELECT status, count(*)::int AS n FROM outbound_messages GROUP BY status',
      );
      for (const row of rows) this.set({ status: row.status }, row.n);
    },
  });
  new Gauge({
    name: 'oms_orders',
    help: 'Orders by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows: { status: string; n: number }[] = await db.query(
        'SELECT status, count(*)::int AS n FROM orders GROUP BY status',
      );
      for (const row of rows) this.set({ status: row.status }, row.n);
    },
  });
  return { registry, requestSeconds, webhookResults };
}

/** The instruments of this process. */
export type Metrics = ReturnType<typeof createMetrics>;
