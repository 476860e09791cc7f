// P12: refunds settled end to end. Paid orders (held before payment, so nothing is at a warehouse yet) are cancelled
// at fixed concurrency; each cancel's refunds leave through the outbox to a local payment channel on a real port,
// which takes them (200) and answers REFUND_SUCCEEDED through the product's webhook, signed, as a channel would.
// Measures refunds settled per second from the first cancel to the last settlement, and checks none was lost, none
// sent twice, none settled twice.
import { createHmac } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { cpuMeter, postmasterPid } from '../lib/cpu.mjs';
import { API_KEY, PROVINCES, SKUS } from '../lib/orders.mjs';
import { graphql, percentile, startProduct } from '../lib/product.mjs';

const SECRET = 'bench-payment-channel-secret';
const sign = (body) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

const CREATE = `mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }`;
const HOLD = `mutation($i: InterceptOrderInput!) { interceptOrder(input: $i) { order { number } } }`;
const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }`;
const CANCEL = `mutation($i: CancelOrderInput!) { cancelOrder(input: $i) { refunds { id } } }`;
const LOGIN = `mutation { login(username: "manager", password: "manager123") { token } }`;

/** A payment channel on a real port: takes each refund, then answers it through the product's webhook. */
function startChannel(productUrl) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const seen = new Map();
  const answers = { sent: 0, outcomes: {} };
  const answer = (message) =>
    new Promise((resolve) => {
      const body = JSON.stringify({
        eventId: `answer-${message.eventId}`,
        type: 'REFUND_SUCCEEDED',
        refundId: message.refundId,
        channelRefundNo: `BENCH${message.refundId}`,
        attempt: message.attempt,
        occurredAt: new Date().toISOString(),
      });
      const url = new URL(`/webhooks/payments/${message.method}`, productUrl);
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-oms-signature': sign(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            const outcome = res.statusCode === 200 ? JSON.parse(text).outcome : `HTTP ${res.statusCode}`;
            answers.outcomes[outcome] = (answers.outcomes[outcome] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', () => resolve());
      req.end(body);
      answers.sent++;
    });
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const valid = req.headers['x-oms-signature'] === sign(text);
      res.statusCode = valid ? 200 : 401;
      res.end('{"ok":true}');
      if (!valid) return;
      const message = JSON.parse(text);
      const key = `${message.refundId}:${message.attempt}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      void answer(message);
    });
  });
  return { server, seen, answers, agent };
}

export async function refundScenario({ orders = 600, concurrency = 16, port = 4430 } = {}) {
  const product = await startProduct({ port });
  const channel = startChannel(product.url);
  await new Promise((r) => channel.server.listen(0, '127.0.0.1', r));
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO payment_channels (method, endpoint_url, secret) VALUES ('ALIPAY', $1, $2)
     ON CONFLICT (method) DO UPDATE SET endpoint_url = EXCLUDED.endpoint_url, secret = EXCLUDED.secret`,
    [`http://127.0.0.1:${channel.server.address().port}/refunds`, SECRET],
  );
  const { login } = await graphql(product.url, LOGIN, {});
  const staff = { authorization: `Bearer ${login.token}` };

  // Set-up, not measured: paid orders held before payment (split, but dispatched nowhere).
  const numbers = [];
  let next = 0;
  const stamp = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < orders) {
        const i = next++;
        // Spread over the load catalogue and regions as P3's orders are: two skus, five regions' warehouses.
        const [province, city, district] = PROVINCES[i % PROVINCES.length];
        const { createOrder } = await graphql(
          product.url,
          CREATE,
          {
            i: {
              source: 'SELF_OPERATED',
              externalId: `bench-refund-${stamp}-${i}`,
              customer: { id: `bench-refund-c-${i}` },
              receiver: {
                name: '退款',
                phone: `137${String(10_000_000 + i).slice(-8)}`,
                province,
                city,
                district,
                address: `退款路 ${stamp}-${i} 号`,
              },
              lines: [
                { sku: SKUS[i % SKUS.length], title: '压测商品', quantity: 1, salePriceFen: 5_000 + i },
                { sku: SKUS[(i + 3) % SKUS.length], title: '压测商品二', quantity: 1, salePriceFen: 3_000 },
              ],
              freightFen: 0,
            },
          },
          API_KEY,
        );
        const { number, amounts } = createOrder.order;
        await graphql(product.url, HOLD, { i: { number, reason: '压测：付款前暂停' } }, staff);
        await graphql(
          product.url,
          PAY,
          {
            i: {
              orderNumber: number,
              method: 'ALIPAY',
              amountFen: amounts.payable.fen,
              transactionNo: `bench-refund-${number}`,
              status: 'SUCCEEDED',
              occurredAt: new Date().toISOString(),
            },
          },
          API_KEY,
        );
        numbers.push(number);
      }
    }),
  );

  // Measured: cancels at fixed concurrency, then until every refund they made has settled.
  const latencies = [];
  let refunds = 0;
  let failures = 0;
  const errors = new Set();
  let cursor = 0;
  const meter = cpuMeter({ serverPid: product.pid, postmaster: postmasterPid(join(product.dataDir, 'pg')) });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < numbers.length) {
        const number = numbers[cursor++];
        const t0 = performance.now();
        try {
          const { cancelOrder } = await graphql(
            product.url,
            CANCEL,
            { i: { number, reason: '压测取消' } },
            staff,
          );
          refunds += cancelOrder.refunds.length;
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures++;
          errors.add(String(error.message ?? error).slice(0, 200));
        }
      }
    }),
  );
  const cancelled = performance.now();
  const settledCount = async () =>
    Number(
      (await db.query("SELECT count(*) AS n FROM refunds WHERE reason = '压测取消' AND status = 'SUCCEEDED'"))
        .rows[0].n,
    );
  const until = Date.now() + 120_000;
  let settled = 0;
  while ((settled = await settledCount()) < refunds && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  const finished = performance.now();
  const cpu = meter.stop();
  const { rows: doubles } = await db.query(
    `SELECT count(*)::int AS n FROM (
       SELECT e.after->>'refundId' FROM order_events e WHERE e.type = 'REFUND_SUCCEEDED'
         AND e.after->>'refundId' IN (SELECT id::text FROM refunds WHERE reason = '压测取消')
       GROUP BY 1 HAVING count(*) > 1) d`,
  );
  const sentTwice = [...channel.seen.values()].filter((n) => n > 1).length;
  await db.end();
  await product.stop();
  channel.agent.destroy();
  await new Promise((r) => channel.server.close(r));
  const seconds = (finished - started) / 1000;
  const settledPerSecond = settled / seconds;
  return {
    scenario: 'P12-refunds',
    orders: numbers.length,
    refunds,
    settled,
    lost: refunds - settled,
    settledTwice: doubles[0].n,
    sentTwice,
    answers: channel.answers.outcomes,
    cancelFailures: failures,
    cancelErrors: [...errors],
    cancelSeconds: Math.round(((cancelled - started) / 1000) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    settledPerSecond: Math.round(settledPerSecond),
    cancelP50Ms: Math.round(percentile(latencies, 50)),
    cancelP99Ms: Math.round(percentile(latencies, 99)),
    cores: cpu.cores,
    goal: 200,
    met: settledPerSecond >= 200 && settled === refunds && doubles[0].n === 0 && failures === 0,
  };
}
