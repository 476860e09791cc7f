// P1 agent lookup (with P9, the server's RSS under it), P2 interception queue, P3 order list page 1 vs page 2,000:
// each through the product's GraphQL API with the console's own documents, beside its reference (the same data by
// the fewest hand-written SQL statements over a `pg` pool in a bare Node process, same concurrency, same run).
import { graphql } from '../lib/product.mjs';
import { consoleDocument, runLoad } from '../lib/measure.mjs';

export async function signIn(url, username, password) {
  const { login } = await graphql(
    url,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  return { authorization: `Bearer ${login.token}` };
}

const P1_REFERENCE = `
SELECT o.*,
  (SELECT json_agg(l ORDER BY l.line_no) FROM order_lines l WHERE l.order_id = o.id) AS lines,
  (SELECT json_agg(json_build_object('sub', s,
      'warehouse', (SELECT row_to_json(w) FROM warehouses w WHERE w.id = s.warehouse_id),
      'stays', (SELECT json_agg(json_build_object('stay', st, 'code', w.code, 'name', w.name) ORDER BY st.assigned_at)
                FROM sub_order_warehouses st JOIN warehouses w ON w.id = st.warehouse_id WHERE st.sub_order_id = s.id),
      'shipments', (SELECT json_agg(json_build_object('shipment', sh,
          'events', (SELECT json_agg(e ORDER BY e.occurred_at) FROM logistics_events e WHERE e.shipment_id = sh.id)))
        FROM shipments sh WHERE sh.sub_order_id = s.id)) ORDER BY s.id)
   FROM sub_orders s WHERE s.order_id = o.id) AS sub_orders,
  (SELECT json_agg(json_build_object('payment', p,
      'logs', (SELECT json_agg(g ORDER BY g.at) FROM payment_logs g WHERE g.order_id = o.id AND g.payment_id = p.id)))
   FROM payments p WHERE p.order_id = o.id) AS payments,
  (SELECT json_agg(ev ORDER BY ev.at, ev.id) FROM order_events ev WHERE ev.order_id = o.id) AS timeline,
  (SELECT json_agg(i) FROM interceptions i WHERE i.order_id = o.id) AS interceptions,
  (SELECT json_agg(r) FROM refunds r WHERE r.order_id = o.id) AS refunds,
  (SELECT json_agg(g) FROM gift_card_usages g WHERE g.order_id = o.id) AS gift_cards,
  (SELECT json_agg(u) FROM points_usages u WHERE u.order_id = o.id) AS points
FROM orders o WHERE o.number = $1`;

const P2_REFERENCE = `
SELECT (SELECT json_agg(w) FROM (SELECT id, code, name FROM warehouses ORDER BY code) w) AS warehouses,
  (SELECT json_agg(q) FROM (
     SELECT i.*, o.number AS order_number, s.number AS sub_order_number
     FROM interceptions i JOIN orders o ON o.id = i.order_id LEFT JOIN sub_orders s ON s.id = i.sub_order_id
     WHERE i.rule = $1 AND i.status = 'ACTIVE' ORDER BY i.raised_at, i.id LIMIT 51) q) AS page`;

const P3_REFERENCE = `
SELECT (SELECT json_agg(w) FROM (SELECT id, code, name FROM warehouses ORDER BY code) w) AS warehouses,
  (SELECT json_agg(q) FROM (
     SELECT o.id, o.number, o.status, o.source, o.type, o.held, o.created_at, o.receiver_name, o.receiver_phone,
       o.payable_fen,
       (SELECT json_agg(json_build_object('id', s.id, 'number', s.number, 'status', s.status))
        FROM sub_orders s WHERE s.order_id = o.id) AS sub_orders
     FROM orders o
     WHERE o.status = $1 AND o.source = $2 AND (o.created_at, o.id) < ($3::timestamptz, $4::bigint)
     ORDER BY o.created_at DESC, o.id DESC LIMIT 51) q) AS page`;

/** P1 (and P9 measured during it): order(number) with the console's order-detail document, random numbers. */
export async function lookupScenario(env) {
  const { product, db } = env;
  const { rows } = await db.query('SELECT number FROM orders ORDER BY random() LIMIT 5000');
  const numbers = rows.map((r) => r.number.trim());
  const headers = await signIn(product.url, 'agent', 'agent123');
  const query = consoleDocument('orders/detail/OrderDetailPage.graphql');
  const ours = await runLoad(
    { kind: 'graphql', url: product.url, headers, query, variables: numbers.map((number) => ({ number })) },
    env,
    { rss: true },
  );
  const reference = await runLoad(
    {
      kind: 'sql',
      databaseUrl: product.databaseUrl,
      sql: P1_REFERENCE,
      params: numbers.map((n) => [n]),
      expectRows: true,
    },
    env,
  );
  return { ours, reference };
}

/** P2: the interception queue's first page of 50, oldest first, for the rule with most ACTIVE holds. */
export async function queueScenario(env) {
  const { product, db } = env;
  const { rows } = await db.query(
    `SELECT rule, count(*)::int AS n, (SELECT count(*)::int FROM interceptions WHERE status = 'ACTIVE') AS active
     FROM interceptions WHERE status = 'ACTIVE' GROUP BY rule ORDER BY n DESC LIMIT 1`,
  );
  const { rule, n, active } = rows[0];
  const headers = await signIn(product.url, 'manager', 'manager123');
  const query = consoleDocument('interceptions/queue/QueueView.graphql');
  const ours = await runLoad(
    {
      kind: 'graphql',
      url: product.url,
      headers,
      query,
      variables: [{ filter: { status: 'ACTIVE', rule } }],
    },
    env,
  );
  const reference = await runLoad(
    { kind: 'sql', databaseUrl: product.databaseUrl, sql: P2_REFERENCE, params: [[rule]] },
    env,
  );
  return { ours, reference, rule, activeForRule: n, activeHolds: active };
}

/** P3: the order list with two filters, page 1 against page 2,000 (or the last full page of a smaller set). */
export async function listScenario(env) {
  const { product, db } = env;
  const filter = { status: 'SPLIT', source: 'SELF_OPERATED' };
  const { rows } = await db.query('SELECT count(*)::int AS n FROM orders WHERE status = $1 AND source = $2', [
    filter.status,
    filter.source,
  ]);
  const page = Math.max(2, Math.min(2000, Math.floor(rows[0].n / 50)));
  const headers = await signIn(product.url, 'manager', 'manager123');
  const query = consoleDocument('orders/list/OrderListPage.graphql');
  // Walk the cursor once (a lighter document over the same connection field) to the page wanted.
  const walkStarted = performance.now();
  let after = null;
  for (let p = 1; p < page; p++) {
    const { orders } = await graphql(
      product.url,
      'query($filter: OrderFilter, $after: String) { orders(filter: $filter, first: 50, after: $after) { pageInfo { endCursor } } }',
      { filter, after },
      headers,
    );
    after = orders.pageInfo.endCursor;
  }
  const walkSeconds = Math.round((performance.now() - walkStarted) / 100) / 10;
  const first = await runLoad(
    { kind: 'graphql', url: product.url, headers, query, variables: [{ filter, after: null }] },
    env,
  );
  const deep = await runLoad(
    { kind: 'graphql', url: product.url, headers, query, variables: [{ filter, after }] },
    env,
  );
  const { rows: edge } = await db.query(
    `SELECT created_at, id::text FROM orders WHERE status = $1 AND source = $2
     ORDER BY created_at DESC, id DESC OFFSET $3 LIMIT 1`,
    [filter.status, filter.source, (page - 1) * 50 - 1],
  );
  const sql = (createdAt, id) => ({
    kind: 'sql',
    databaseUrl: product.databaseUrl,
    sql: P3_REFERENCE,
    params: [[filter.status, filter.source, createdAt, id]],
  });
  const referenceFirst = await runLoad(sql('infinity', '0'), env);
  const referenceDeep = await runLoad(sql(edge[0].created_at, edge[0].id), env);
  return { first, deep, referenceFirst, referenceDeep, page, matching: rows[0].n, walkSeconds, filter };
}
