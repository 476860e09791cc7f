// P8: the console's initial JS (what index.html loads eagerly, gzipped) and the order-detail page ready in Chromium
// (ready = the order number, its statuses and the timeline visible), median of a few loads after one warm-up.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { graphql } from '../lib/product.mjs';

const DIST = fileURLToPath(new URL('../../packages/admin-web/dist/', import.meta.url));
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The scripts index.html loads before anything runs: its module entry and the modules it preloads. */
export function initialJs() {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const files = new Set();
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) files.add(src);
  for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    files.add(href);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(`${DIST}${file.replace(/^\//, '')}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], rawKb: Math.round(raw / 1024), gzipKb: Math.round(gzip / 1024) };
}

export async function consoleScenario({ product, db }, loads = 5) {
  if (!existsSync(`${DIST}index.html`)) return { skipped: 'packages/admin-web/dist is not built' };
  const js = initialJs();
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { ...js, skipped: 'playwright-core is not installed' };
  }
  const { login } = await graphql(
    product.url,
    'mutation { login(username: "agent", password: "agent123") { token } }',
  );
  const { rows } = await db.query(
    `SELECT number FROM orders WHERE status = 'SPLIT' AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = orders.id)
     ORDER BY random() LIMIT $1`,
    [loads + 1],
  );
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'oms_session', value: login.token, url: product.url }]);
    const times = [];
    for (const { number } of rows) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${product.url}/orders/${number.trim()}`);
      await page.waitForFunction(
        (n) => {
          const { document } = globalThis; // runs in the page
          const visible = (el) => el && el.offsetParent !== null && el.textContent.trim() !== '';
          return (
            document.querySelector('[data-testid="order-number"]')?.textContent.includes(n) &&
            visible(document.querySelector('[data-testid="order-status"]')) &&
            visible(document.querySelector('[data-testid="suborder-status"]')) &&
            visible(document.querySelector('[data-testid="timeline-entry"]'))
          );
        },
        number.trim(),
        { timeout: 30_000, polling: 'raf' },
      );
      times.push(performance.now() - started);
      await page.close();
    }
    const measured = times.slice(1).sort((a, b) => a - b);
    return {
      ...js,
      readyMs: Math.round(measured[Math.floor(measured.length / 2)]),
      loads: measured.map(Math.round),
      warmUpMs: Math.round(times[0]),
    };
  } finally {
    await browser.close();
  }
}
