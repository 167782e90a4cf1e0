// Progress lines for long generator runs: rows per second and time left, at most one line
// a second per label (and always the last one), so a 30-minute run stays readable.

export type ProgressSink = (line: string) => void;

type LabelState = { started: number; lastPrinted: number; finished: boolean };

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const fmt = new Intl.NumberFormat('en-US');

/** Returns a `progress(label, done, total)` that prints to `sink` with rate and ETA. */
export function progressReporter(sink: ProgressSink, opts: { intervalMs?: number; now?: () => number } = {}) {
  const interval = opts.intervalMs ?? 1000;
  const now = opts.now ?? (() => performance.now());
  const states = new Map<string, LabelState>();
  return (label: string, done: number, total: number): void => {
    const t = now();
    let st = states.get(label);
    if (!st) {
      st = { started: t, lastPrinted: t, finished: false };
      states.set(label, st);
    }
    const finished = total > 0 && done >= total;
    if (st.finished || (!finished && t - st.lastPrinted < interval)) return;
    st.lastPrinted = t;
    st.finished = finished;
    const secs = Math.max((t - st.started) / 1000, 1e-3);
    const rate = done / secs;
    const pct = total > 0 ? ` (${Math.min(100, (100 * done) / total).toFixed(0)}%)` : '';
    const eta = finished ? `done in ${formatSeconds(secs)}` : total > 0 && rate > 0 ? `ETA ${formatSeconds((total - done) / rate)}` : '';
    sink(`  ${label}: ${fmt.format(done)}${total > 0 ? `/${fmt.format(total)}` : ''}${pct}, ${fmt.format(Math.round(rate))} rows/s${eta ? `, ${eta}` : ''}`);
  };
}
