// The one table `pnpm bench` prints (and latest.json carries): scenario, ours, reference, ratio, p50/p99, RSS, goal,
// met, and for a missed goal the bottleneck measured (CPU cores of server / PostgreSQL / load generator, PostgreSQL
// transactions per request).
const fmt = (n) => (n === undefined || n === null ? '—' : Number(n).toLocaleString('en'));
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const yes = (ok) => (ok ? 'yes' : 'NO');

function bottleneck(run) {
  if (!run?.cpu) return '';
  const { server, postgres, loadGenerator } = run.cpu.cores;
  const parts = [`cores: server ${server}, PostgreSQL ${postgres}, load generator ${loadGenerator}`];
  if (run.pgTransactionsPerRequest !== undefined)
    parts.push(`${run.pgTransactionsPerRequest} PG transactions/request`);
  if (run.errors) parts.push(`${run.errors} errors (${run.firstError})`);
  return parts.join('; ');
}

const latency = (ours, ref) => `${ours.p50Ms}/${ours.p99Ms}${ref ? ` (${ref.p50Ms}/${ref.p99Ms})` : ''}`;

function readRow(id, title, s, extra = '') {
  if (!s) return null;
  const { ours, reference } = s;
  const k = ratio(ours.rps, reference.rps);
  const met = k >= 0.5 && ours.p99Ms <= 2 * reference.p99Ms && !ours.errors;
  const notes = [extra, `ref: ${bottleneck(reference)}`, met ? '' : `ours: ${bottleneck(ours)}`]
    .filter(Boolean)
    .join(' · ');
  return [
    `${id} ${title}`,
    `${fmt(ours.rps)}/s`,
    `${fmt(reference.rps)}/s`,
    k,
    latency(ours, reference),
    '',
    '≥ 0.5 × ref; p99 ≤ 2 × ref p99',
    yes(met),
    notes,
  ];
}

export function buildTable({ scenarios: all }) {
  const rows = [];
  const s = {};
  for (const [id, value] of Object.entries(all)) {
    if (value?.failed) rows.push([id, '—', '—', '', '', '', '', 'NO', `failed: ${value.failed}`]);
    else s[id] = value;
  }
  rows.push(readRow('P1', 'agent lookup', s.P1));
  if (s.P1) {
    const o = s.P1.ours;
    rows.push([
      'P9 server RSS under P1',
      `${o.rssPeakMb} MB peak`,
      '—',
      '',
      '',
      `${o.rssPeakMb} peak / ${o.rssMedianMb} median`,
      'RSS ≤ 300 MB',
      yes(o.rssPeakMb <= 300),
      '',
    ]);
  }
  rows.push(
    readRow(
      'P2',
      'interception queue',
      s.P2,
      s.P2 && `rule ${s.P2.rule}: ${fmt(s.P2.activeForRule)} of ${fmt(s.P2.activeHolds)} active holds`,
    ),
  );
  if (s.P3) {
    const { first, deep, referenceFirst, referenceDeep, page, walkSeconds } = s.P3;
    const k = ratio(deep.p99Ms, first.p99Ms);
    const met = k <= 1.5 && !first.errors && !deep.errors;
    rows.push([
      `P3 order list, 2 filters, page ${page} vs 1`,
      `p99 ${deep.p99Ms} ms (page ${page}), ${fmt(deep.rps)}/s`,
      `p99 ${first.p99Ms} ms (page 1), ${fmt(first.rps)}/s`,
      k,
      `${latency(deep)} vs ${latency(first)}`,
      '',
      'p99(page 2000) ≤ 1.5 × p99(page 1)',
      yes(met),
      [
        `SQL keyset p99: page 1 ${referenceFirst.p99Ms} ms, page ${page} ${referenceDeep.p99Ms} ms`,
        `walk to page ${page}: ${walkSeconds} s`,
        met ? '' : `page ${page}: ${bottleneck(deep)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  if (s.P7) {
    const p = s.P7;
    const exact = p.stockMismatchesAfter === 0 && p.stockMismatchesAfterReference === 0;
    const met = p.seconds <= 10 && exact && p.failed === 0;
    rows.push([
      `P7 bulk reassign ${fmt(p.subOrders)} sub-orders (${p.calls} call)`,
      `${p.seconds} s`,
      `${p.referenceSeconds} s (SQL, one transaction)`,
      ratio(p.seconds, p.referenceSeconds),
      '',
      '',
      '≤ 10 s, stock exact',
      yes(met),
      `${p.failed} refused${p.firstFailure ? ` (${p.firstFailure.code}: ${p.firstFailure.message})` : ''}; stock mismatches before/after/after ref: ${p.stockMismatchesBefore}/${p.stockMismatchesAfter}/${p.stockMismatchesAfterReference}`,
    ]);
  }
  if (s.P8) {
    const p = s.P8;
    rows.push(
      p.skipped && p.gzipKb === undefined
        ? ['P8 console', '—', '—', '', '', '', '≤ 350 KB / ≤ 1 s', '—', p.skipped]
        : [
            'P8 console: initial JS gzip / detail ready',
            `${p.gzipKb} KB / ${p.readyMs ?? '—'} ms`,
            '—',
            '',
            p.loads ? `loads ${p.loads.join(', ')} ms` : '',
            '',
            '≤ 350 KB / ≤ 1 s',
            yes(p.gzipKb <= 350 && p.readyMs <= 1000),
            `${p.files.length} eager files, ${p.rawKb} KB raw${p.skipped ? `; ${p.skipped}` : ''}`,
          ],
    );
  }
  if (s.P4) {
    const p = s.P4;
    const ref = p.reference;
    rows.push([
      'P4 ingest (create + pay)',
      `${fmt(p.ordersPerSecond)} orders/s`,
      ref ? `${fmt(ref.ordersPerSecond)} orders/s (same rows by SQL, 1 transaction each)` : '—',
      ref ? ratio(p.ordersPerSecond, ref.ordersPerSecond) : '',
      latency(p, ref),
      '',
      '≥ 500/s; ≥ 0.3 × ref',
      yes(p.met),
      [
        `${p.dispatched}/${p.orders} dispatched end to end (${p.dispatchedPerSecondEndToEnd}/s), ${p.failures} failures`,
        ref &&
          `ref: ${ref.rowsPerOrder} rows/order, ${ref.failures} failures, ${ref.retries} deadlocks retried`,
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  if (s.P5) {
    const p = s.P5;
    const ref = p.reference;
    const stored = (run) =>
      `${run.stored}/${run.newEvents} stored, ${run.lost} lost, ${run.failures} failures`;
    rows.push([
      'P5 carrier pushes',
      `${fmt(p.eventsPerSecond)} events/s`,
      ref ? `${fmt(ref.eventsPerSecond)} events/s (SQL, 1 transaction per push)` : '—',
      ref ? ratio(p.eventsPerSecond, ref.eventsPerSecond) : '',
      latency(p, ref),
      '',
      '≥ 3,000 events/s; none lost or doubled',
      yes(p.met),
      [`${p.pushes} pushes: ${stored(p)}`, ref && `ref: ${stored(ref)}`].filter(Boolean).join(' · '),
    ]);
  }
  if (s.P6) {
    const p = s.P6;
    rows.push([
      'P6 order numbers',
      `${fmt(p.numbersPerSecond)}/s`,
      '—',
      '',
      '',
      '',
      '≥ 1,000,000/s; no duplicates',
      yes(p.met),
      `${p.duplicates} duplicates across ${p.processes} × 1M`,
    ]);
  }
  if (s.P12) {
    const p = s.P12;
    rows.push([
      'P12 refunds settled end to end',
      `${fmt(p.settledPerSecond)} refunds/s`,
      '—',
      '',
      `cancel ${p.cancelP50Ms}/${p.cancelP99Ms}`,
      '',
      '≥ 200 refunds/s; none lost, none settled twice',
      yes(p.met),
      `${p.settled}/${p.refunds} settled in ${p.seconds} s (cancels took ${p.cancelSeconds} s), ${p.lost} lost, ${p.settledTwice} settled twice, ${p.sentTwice} sent twice; answers ${JSON.stringify(p.answers)} · cores: server ${p.cores.server}, PostgreSQL ${p.cores.postgres}, load generator and channel ${p.cores.loadGenerator}`,
    ]);
  }
  return rows.filter(Boolean);
}
