// The bench data set: BENCH_ORDERS (default 1,000,000) orders shaped like the demo data, kept in
// bench/.data/<orders>-<version>/ and reused while its version matches (builder version, order count, migration
// files). Built by the demo seed's own generation (@oms/demo, packages/demo/src/seed/orders) and row definitions
// (writer.ts TABLES, rows.ts draftsOf/valuesOf), so a column added to the seed flows in here by itself.
//
// Generating 1M distinct stories takes ~4 min on this machine (20,000 in 4.7 s), so a pool of stories (BENCH_POOL,
// default 10,000) is generated once and each bench order is a copy of one of them, stamped with fresh ids, order and
// sub-order numbers, external ids, payment serials, waybills, outbox event ids and (for finished orders) times moved
// back up to a year. The copies are written with COPY (pg-copy-streams), one stream per table, with the secondary
// indexes dropped during the load and rebuilt afterwards, then VACUUM ANALYZE.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { encodeOrderNumber, encodeSubOrderNumber, permutationKeyFromSecret } from '@oms/schema';
import { startProduct } from './product.mjs';
import { progress } from './progress.mjs';

/** Bump when the builder writes different data. */
const BUILDER_VERSION = 5;
const MIGRATIONS = new URL('../../packages/server/src/database/migrations/', import.meta.url);
const DATA = new URL('../.data/', import.meta.url);
const DAY = 86_400_000;
/** Sub-order statuses that hold stock at their warehouse (reserved at the split, released when shipped or cancelled). */
const HOLDING = ['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED'];
const FINISHED = new Set(['DELIVERED', 'REJECTED', 'CANCELLED']);

export function datasetVersion(orders) {
  const migrations = readdirSync(MIGRATIONS)
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .sort();
  return createHash('sha256')
    .update(JSON.stringify([BUILDER_VERSION, orders, migrations]))
    .digest('hex')
    .slice(0, 12);
}

/**
 * Starts the product on the data set of `orders` orders, building the data set first unless a matching one exists.
 * Returns the running product and the data set's description (counts, build times).
 */
/**
 * Settles the outbox as a healthy system keeps it: every PENDING message marked SENT and its delivery job removed.
 * The copies of the seed's stories carry messages that were in flight when the story was told (now months old, and
 * the re-queue cron would send them all at once), and P7 leaves 20,000 reassign messages behind; delivering them
 * would load every later scenario with work none of them measures. Returns how many messages it settled.
 */
export async function settleOutbox(db) {
  const { rows } = await db.query(
    `WITH jobs AS (
       SELECT graphile_worker.complete_jobs(array_agg(id)) FROM graphile_worker.jobs
       WHERE task_identifier = 'deliver-outbound'),
     sent AS (
       UPDATE outbound_messages SET status = 'SENT', sent_at = coalesce(sent_at, created_at)
       WHERE status = 'PENDING' RETURNING 1)
     SELECT (SELECT count(*) FROM sent)::int AS settled, (SELECT count(*) FROM jobs)::int AS calls`,
  );
  // Thousands of jobs just deleted: without a vacuum the worker's job fetch scans their dead rows on every poll
  // (59 ms a poll was measured) until autovacuum comes round.
  await db.query('VACUUM ANALYZE graphile_worker._private_jobs, graphile_worker._private_job_queues');
  return rows[0].settled;
}

/** Starts the product on the data set's database with its outbox settled (settleOutbox). */
async function startOnDataset(port, dataDir) {
  const product = await startProduct({ port, dataDir });
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  try {
    const settled = await settleOutbox(db);
    if (settled) console.log(`data set: ${settled.toLocaleString('en')} outbox messages settled`);
  } finally {
    await db.end();
  }
  return product;
}

export async function openDataset({ orders, port }) {
  const name = `${orders}-${datasetVersion(orders)}`;
  const dir = new URL(`${name}/`, DATA);
  const marker = new URL('dataset.json', dir);
  const dbDir = new URL('db/', dir).pathname;
  if (existsSync(marker)) {
    console.log(`data set: reusing bench/.data/${name}`);
    const product = await startOnDataset(port, dbDir);
    return {
      product,
      pgDir: `${dbDir}pg`,
      dataset: { ...JSON.parse(readFileSync(marker, 'utf8')), reused: true },
    };
  }
  mkdirSync(DATA, { recursive: true });
  for (const old of readdirSync(DATA)) {
    if (old.startsWith(`${orders}-`)) rmSync(new URL(`${old}/`, DATA), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  console.log(`data set: building ${orders.toLocaleString('en')} orders in bench/.data/${name}`);
  const started = performance.now();
  const product = await startProduct({ port, dataDir: dbDir });
  try {
    const dataset = await build(product.databaseUrl, orders);
    dataset.buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    dataset.name = name;
    writeFileSync(marker, JSON.stringify(dataset, null, 2) + '\n');
    console.log(`data set: built in ${dataset.buildSeconds} s`);
    return { product, pgDir: `${dbDir}pg`, dataset: { ...dataset, reused: false } };
  } catch (error) {
    console.error(`the product's last output:\n${product.output().slice(-4000)}`);
    console.error(error);
    await product.stop();
    throw error;
  }
}

async function build(databaseUrl, total) {
  const { usePersonalDataKey } = await import('@oms/server');
  const {
    loadStartConfig,
    loadContext,
    tellings,
    SeedNumbers,
    pickTime,
    TABLES,
    columnsOf,
    writeBlacklist,
    draftsOf,
    valuesOf,
  } = await import('@oms/demo');
  const phases = {};
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => {}); // an idle connection closed when the product stops
  const db = { query: (sql, params) => pool.query(sql, params).then((r) => r.rows) };
  // Demo mode's configuration (its order-number and personal-data keys), as the product it builds for runs with.
  const config = loadStartConfig({ ...process.env, OMS_DEMO: 'on' });
  usePersonalDataKey(config.personalDataKey);

  // 1. The pool of stories, told by the seed.
  const poolSize = Math.min(total, Number(process.env.BENCH_POOL ?? 10_000));
  let t0 = performance.now();
  const numbers = new SeedNumbers(db, config.orderNumberSecret);
  await numbers.ensure(poolSize * 8 + 100);
  const ctx = await loadContext(db, config, poolSize, numbers);
  const stories = [];
  for (const scenario of tellings(ctx.rng)) {
    if (stories.length >= poolSize) break;
    if ((scenario.size?.(ctx) ?? 1) > poolSize - stories.length) continue;
    const [min, max] = scenario.age(ctx);
    stories.push(...scenario.build(ctx, pickTime(ctx.rng, ctx.now, min, max)));
  }
  phases.stories = seconds(t0);
  console.log(`  ${stories.length.toLocaleString('en')} stories told in ${phases.stories} s`);
  checkReservationRule(stories, ctx.stock.reservations());

  // 2. Each story as row templates: static text with slots for what each copy changes.
  t0 = performance.now();
  const tableIndex = new Map(TABLES.map(([name], i) => [name, i]));
  const tables = TABLES.map(([name, spec], ti) => ({
    name,
    columns: columnsOf(spec).map(([column, type]) => ({
      column,
      type,
      // The draft property of the same name (see writer.ts), whether it points at another copied row, and whether
      // its text may mention a value each copy changes.
      property: column.replace(/_([a-z])/g, (_, c) => c.toUpperCase()),
      target: column === 'id' ? ti : targetOf(column, name, tableIndex),
      searchable: type === 'text' || type === 'jsonb' || type === 'uuid',
    })),
  }));
  const poolCounters = tables.map(() => 1);
  const templates = stories.map((order) => compile(order, tables, poolCounters, draftsOf, valuesOf));
  stories.length = 0;
  phases.templates = seconds(t0);
  const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  console.log(`  templates in ${phases.templates} s (heap ${heapMb} MB)`);

  // The mix: 5% held with an ACTIVE interception, and enough split orders for ~1.3 sub-orders per order.
  const held = [];
  const multi = [];
  const single = [];
  templates.forEach((t, i) => (t.held ? held : t.subs >= 2 ? multi : single).push(i));
  const mean = (list) => list.reduce((s, i) => s + templates[i].subs, 0) / Math.max(1, list.length);
  const pHeld = held.length ? 0.05 : 0;
  const pMulti = Math.min(
    0.9,
    Math.max(0, (1.3 - pHeld * mean(held) - (1 - pHeld) * mean(single)) / (mean(multi) - mean(single))),
  );
  const rng = mulberry32(20_251_124);
  const pickStory = () => {
    const r = rng();
    const list = r < pHeld ? held : r < pHeld + pMulti && multi.length ? multi : single;
    return list[Math.floor(rng() * list.length)];
  };

  // 3. Sequence values for the copies' order and sub-order numbers, leased like the server leases them.
  const picks = new Int32Array(total);
  let numbersNeeded = 0;
  for (let i = 0; i < total; i++) {
    picks[i] = pickStory();
    numbersNeeded += 1 + templates[picks[i]].subs;
  }
  const blocks = (
    await db.query(
      `SELECT nextval('order_number_seq')::bigint * 10000 AS start FROM generate_series(1, $1)`,
      [Math.ceil(numbersNeeded / 10_000) + 1],
    )
  ).map((r) => Number(r.start));
  let sequenceIndex = 0;
  const nextSequence = () => {
    const j = sequenceIndex++;
    return blocks[Math.floor(j / 10_000)] + (j % 10_000);
  };
  const key = permutationKeyFromSecret(config.orderNumberSecret);

  // 4. Secondary indexes off during the load (BENCH_KEEP_INDEXES=1 keeps them), COPY per table, indexes back.
  const keepIndexes = process.env.BENCH_KEEP_INDEXES === '1';
  const indexes = keepIndexes
    ? []
    : await dropIndexes(
        pool,
        tables.map((t) => t.name),
      );
  // Fewer checkpoints (and full-page images) while gigabytes go in; set back afterwards.
  await pool.query("ALTER SYSTEM SET max_wal_size = '16GB'");
  await pool.query('SELECT pg_reload_conf()');
  t0 = performance.now();
  const clients = [];
  const streams = [];
  for (const table of tables) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // No foreign-key triggers while loading (the rows are consistent by construction) and no wait for each flush.
    await client.query('SET session_replication_role = replica; SET synchronous_commit = off');
    const list = table.columns.map((c) => `"${c.column}"`).join(', ');
    streams.push(client.query(copyStreams.from(`COPY ${table.name} (${list}) FROM STDIN`)));
    clients.push(client);
  }
  const buffers = tables.map(() => '');
  const rowCounts = tables.map(() => 0);
  const counters = tables.map(() => 1);
  const bases = new Float64Array(tables.length);
  const shown = progress('copying orders', total, 'orders');
  const flush = async (t) => {
    const chunk = buffers[t];
    buffers[t] = '';
    if (!streams[t].write(chunk)) await once(streams[t], 'drain');
  };
  for (let i = 0; i < total; i++) {
    const tpl = templates[picks[i]];
    for (let t = 0; t < tables.length; t++) {
      bases[t] = counters[t] - tpl.poolBase[t];
      counters[t] += tpl.counts[t];
      rowCounts[t] += tpl.counts[t];
    }
    const shift = tpl.finished && rng() < 0.9 ? Math.floor(rng() * 335 * DAY) : 0;
    const fresh = stampTokens(tpl, i, bases, nextSequence, key, tableIndex);
    for (let t = 0; t < tables.length; t++) {
      const rows = tpl.rows[t];
      if (!rows.length) continue;
      let out = buffers[t];
      for (const parts of rows) {
        for (const p of parts) {
          if (typeof p === 'string') out += p;
          else if (p.k === 0) out += bases[p.t] + p.v;
          else if (p.k === 1) out += shift === 0 ? p.iso : new Date(p.v - shift).toISOString();
          else if (p.k === 2) out += fresh[p.v];
          else out += replaceTokens(p.v, p.toks, tpl.tokens, fresh);
        }
      }
      buffers[t] = out;
      if (out.length > 1 << 20) await flush(t);
    }
    if ((i & 1023) === 1023) shown.add(1024);
  }
  shown.add(total & 1023);
  for (let t = 0; t < tables.length; t++) await flush(t);
  await Promise.all(
    streams.map(
      (s) =>
        new Promise((resolve, reject) => {
          s.on('finish', resolve);
          s.on('error', reject);
          s.end();
        }),
    ),
  );
  await Promise.all(clients.map((c) => c.end()));
  phases.copy = Math.round(shown.end() * 10) / 10;

  t0 = performance.now();
  await recreateIndexes(databaseUrl, indexes);
  phases.indexes = seconds(t0);

  // 5. Identity sequences past the copied ids, the blacklist, stock reserved as the open sub-orders hold it.
  t0 = performance.now();
  for (const table of tables) {
    await pool.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(1, (SELECT max(id) FROM ${table.name})))`,
      [table.name],
    );
  }
  await writeBlacklist(db, ctx.blacklist);
  await pool.query(
    `WITH held AS (
       SELECT s.warehouse_id, l.sku, sum(l.quantity)::int AS quantity
       FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id
       WHERE s.status = ANY($1) AND s.warehouse_id IS NOT NULL AND s.merchant_id IS NULL
       GROUP BY 1, 2)
     UPDATE stock SET reserved = held.quantity, on_hand = stock.on_hand + held.quantity
     FROM held WHERE stock.warehouse_id = held.warehouse_id AND stock.sku = held.sku`,
    [HOLDING],
  );
  await settleOutbox(pool);
  phases.stock = seconds(t0);
  await pool.query('ALTER SYSTEM RESET max_wal_size');
  await pool.query('SELECT pg_reload_conf()');
  t0 = performance.now();
  console.log('  VACUUM ANALYZE…');
  await pool.query('VACUUM ANALYZE');
  phases.vacuum = seconds(t0);
  const [{ size }] = await db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
  await pool.end();
  const rows = Object.fromEntries(tables.map((t, i) => [t.name, rowCounts[i]]));
  console.log(`  rows: ${JSON.stringify(rows)}; database ${size}; phases (s) ${JSON.stringify(phases)}`);
  return {
    orders: total,
    pool: stories.length,
    heldShare: pHeld,
    splitShare: Math.round(pMulti * 1000) / 1000,
    subOrdersPerOrder: Math.round((rows.sub_orders / total) * 100) / 100,
    rows,
    databaseSize: size,
    indexesRebuilt: indexes.length,
    phases,
    builtAt: new Date().toISOString(),
  };
}

const seconds = (t0) => Math.round((performance.now() - t0) / 100) / 10;

/** A small seeded PRNG for the copies' mix (the stories themselves use the seed's own). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed reserves stock as the server does; the bench recomputes `stock.reserved` by this rule: check it holds. */
function checkReservationRule(stories, reservations) {
  const byRule = new Map();
  for (const order of stories) {
    for (const sub of order.subOrders) {
      if (!HOLDING.includes(sub.status) || !sub.warehouse || sub.merchantId) continue;
      for (const i of sub.lineIndexes) {
        const k = `${sub.warehouse.id}|${order.lines[i].sku}`;
        byRule.set(k, (byRule.get(k) ?? 0) + order.lines[i].quantity);
      }
    }
  }
  const ledger = new Map(reservations.map((r) => [`${r.warehouse_id}|${r.sku}`, r.quantity]));
  const keys = new Set([...byRule.keys(), ...ledger.keys()]);
  const off = [...keys].filter((k) => (byRule.get(k) ?? 0) !== (ledger.get(k) ?? 0));
  if (off.length)
    console.warn(`  warning: stock rule differs from the seed's ledger on ${off.length} warehouse/sku pairs`);
}

const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (s) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s);

/** One value as COPY's text format spells it for the column's type. */
function cell(value, type) {
  if (value === null || value === undefined) return '\\N';
  if (type === 'jsonb') return escape(JSON.stringify(value));
  if (type.endsWith('[]'))
    return escape(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (type === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escape(String(value));
}

/** A column `<x>_id` pointing at a table the seed writes (order_id → orders …); reversal_of_id at its own table. */
function targetOf(column, table, tableIndex) {
  if (column === 'reversal_of_id') return tableIndex.get(table);
  if (!column.endsWith('_id')) return undefined;
  return tableIndex.get(`${column.slice(0, -3)}s`);
}

/**
 * A story as templates: for each table, each row as parts (static text, or a slot: 0 an id (offset from the copy's
 * base for that table), 1 a time, 2 a value that must be unique per copy, 3 text that mentions such values).
 */
function compile(order, tables, poolCounters, draftsOf, valuesOf) {
  const drafts = draftsOf(order);
  const poolBase = tables.map((t, i) => {
    const base = poolCounters[i];
    for (const row of drafts[t.name]) row.id = poolCounters[i]++;
    return base;
  });
  const counts = tables.map((t) => drafts[t.name].length);
  // The values each copy gets afresh; texts that mention them (timelines, evidence, waybills in contexts) follow.
  const tokens = [{ old: order.number, kind: 'order' }];
  for (const sub of order.subOrders) tokens.push({ old: sub.number, kind: 'sub' });
  tokens.push({ old: order.externalId, kind: 'external' });
  let n = 0;
  for (const p of order.payments)
    if (p.transactionNo) tokens.push({ old: p.transactionNo, kind: 'serial', n: n++ });
  for (const sub of order.subOrders)
    for (const sh of sub.shipments) tokens.push({ old: sh.trackingNumber, kind: 'serial', n: n++ });
  for (const m of order.outbound) tokens.push({ old: m.eventId, kind: 'uuid', n: n++ });
  for (const h of order.interceptions)
    tokens.push({ old: `"interceptionId":"${h.id}"`, kind: 'interception', id: h.id });
  const tokenAt = new Map(tokens.map((tok, i) => [tok.old, i]));
  const values = valuesOf(order);
  const rows = tables.map((table) => {
    const list = values[table.name];
    const out = new Array(list.length);
    for (let r = 0; r < list.length; r++) {
      const row = list[r];
      const parts = [];
      let text = '';
      for (let ci = 0; ci < table.columns.length; ci++) {
        const { property, type, target, searchable } = table.columns[ci];
        if (ci > 0) text += '\t';
        const value = row[property];
        let slot;
        if (target !== undefined && value !== null && value !== undefined) {
          slot = { k: 0, t: target, v: Number(value) };
        } else if (type === 'timestamptz' && value instanceof Date) {
          slot = { k: 1, v: value.getTime(), iso: value.toISOString() };
        } else {
          const c = cell(value, type);
          if (searchable && c.length >= 8) {
            const at = tokenAt.get(c);
            if (at !== undefined) slot = { k: 2, v: at };
            else {
              let toks;
              for (let j = 0; j < tokens.length; j++) {
                if (c.includes(tokens[j].old)) (toks ??= []).push(j);
              }
              if (toks) slot = { k: 3, v: c, toks };
            }
          }
          if (!slot) text += c;
        }
        if (slot) {
          if (text) parts.push(text);
          parts.push(slot);
          text = '';
        }
      }
      parts.push(`${text}\n`);
      out[r] = parts;
    }
    return out;
  });
  const finished =
    order.status === 'CANCELLED' ||
    order.status === 'CLOSED' ||
    (order.subOrders.length > 0 && !order.held && order.subOrders.every((s) => FINISHED.has(s.status)));
  return {
    rows,
    counts,
    poolBase,
    tokens,
    type: order.type,
    shard: order.shard,
    subs: order.subOrders.length,
    held: order.interceptions.some((h) => h.status === 'ACTIVE'),
    finished,
  };
}

const pad = (n, width) => String(n).padStart(width, '0');

/** Fresh values of a story's tokens for copy `i`: unique by construction (copy index and position in the copy). */
function stampTokens(tpl, i, bases, nextSequence, key, tableIndex) {
  const fresh = new Array(tpl.tokens.length);
  let orderNumber;
  tpl.tokens.forEach((tok, j) => {
    switch (tok.kind) {
      case 'order':
        orderNumber = encodeOrderNumber(
          { kind: 'ORDER', type: tpl.type, shard: tpl.shard, sequence: nextSequence() },
          key,
        );
        fresh[j] = orderNumber;
        break;
      case 'sub':
        fresh[j] = encodeSubOrderNumber(orderNumber, nextSequence(), key);
        break;
      case 'external':
        fresh[j] = `${tok.old.slice(0, tok.old.lastIndexOf('-'))}-B${i}`;
        break;
      case 'serial':
        // Keeps the carrier's or channel's shape: the last 9 digits become the copy and the position.
        fresh[j] = /\d{9}$/.test(tok.old)
          ? `${tok.old.slice(0, -9)}${pad(i, 7)}${pad(tok.n, 2)}`
          : `${tok.old}-${i}-${tok.n}`;
        break;
      case 'uuid':
        fresh[j] = `${pad(i.toString(16), 8)}-0000-4000-8000-${pad(tok.n.toString(16), 12)}`;
        break;
      case 'interception':
        fresh[j] = `"interceptionId":"${bases[tableIndex.get('interceptions')] + tok.id}"`;
        break;
    }
  });
  return fresh;
}

function replaceTokens(text, toks, tokens, fresh) {
  let out = text;
  for (const j of toks) out = out.replaceAll(tokens[j].old, fresh[j]);
  return out;
}

/** Drops the secondary indexes and unique constraints of `tables` (primary keys stay); returns how to rebuild them. */
async function dropIndexes(pool, tables) {
  const { rows } = await pool.query(
    `SELECT c.relname AS table, i.relname AS index, pg_get_indexdef(ix.indexrelid) AS def,
            con.conname AS constraint, pg_get_constraintdef(con.oid) AS condef, pg_relation_size(c.oid) AS size
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class c ON c.oid = ix.indrelid
     LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('u', 'x')
     WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace AND NOT ix.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = ix.indexrelid)`,
    [tables],
  );
  for (const r of rows) {
    if (r.constraint) await pool.query(`ALTER TABLE ${r.table} DROP CONSTRAINT "${r.constraint}"`);
    else await pool.query(`DROP INDEX "${r.index}"`);
  }
  return rows.map((r) =>
    r.constraint ? `ALTER TABLE ${r.table} ADD CONSTRAINT "${r.constraint}" ${r.condef}` : r.def,
  );
}

/** Rebuilds the dropped indexes on two connections (this machine has two cores). */
async function recreateIndexes(databaseUrl, statements) {
  if (!statements.length) return;
  const shown = progress('rebuilding indexes', statements.length, 'indexes');
  const queue = [...statements];
  await Promise.all(
    [0, 1].map(async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('error', () => {});
      await client.connect();
      await client.query("SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0");
      for (let sql = queue.shift(); sql; sql = queue.shift()) {
        await client.query(sql);
        shown.add(1);
      }
      await client.end();
    }),
  );
  shown.end();
}
