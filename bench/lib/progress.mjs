// Progress of a long step: one rewritten line on a terminal; plain lines (every 10%) when not a TTY or under CI.
const live = process.stdout.isTTY && !process.env.CI;

export function progress(label, total, unit = 'rows') {
  const started = performance.now();
  let done = 0;
  let shownAt = 0;
  let nextStep = 0.1;
  let printed = -1;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en');
    const pct = total ? ` ${((100 * done) / total).toFixed(0).padStart(3)}%` : '';
    return `  ${label}:${pct} ${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''} ${unit}, ${rate} ${unit}/s, ${seconds.toFixed(1)} s`;
  };
  return {
    add(n) {
      done += n;
      if (live) {
        const now = performance.now();
        if (now - shownAt > 250) {
          shownAt = now;
          process.stdout.write(`\r${line()}\x1b[K`);
        }
      } else if (total && done / total >= nextStep) {
        nextStep += 0.1;
        printed = done;
        console.log(line());
      }
    },
    end() {
      if (live) process.stdout.write(`\r${line()}\x1b[K\n`);
      else if (printed !== done) console.log(line());
      return (performance.now() - started) / 1000;
    },
  };
}
