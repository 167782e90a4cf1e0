// Helpers for the benchmark: the machine, PostgreSQL detection, child processes, RSS, the table.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

export type Machine = { nproc: number; memoryGiB: number; cpu: string; node: string; os: string; postgres: string | null };

export function machine(postgres: string | null): Machine {
  let os: string = process.platform;
  try {
    const rel = readFileSync('/etc/os-release', 'utf8');
    os = /PRETTY_NAME="([^"]+)"/.exec(rel)?.[1] ?? os;
  } catch {
    /* not Linux */
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    /* no nproc */
  }
  return { nproc, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, os, postgres };
}

/** The server version when PostgreSQL answers at the URL within five seconds, else null. */
export async function postgresVersion(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    const r = await c.query<{ v: string }>("select current_setting('server_version') as v");
    return r.rows[0]?.v ?? null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Resident set size of a process in MiB (Linux /proc), or null. */
export function rssMiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `ms` until stopped; returns the peak. */
export function rssSampler(pid: number, ms = 200): { stop(): number | null } {
  let peak: number | null = null;
  const t = setInterval(() => {
    const v = rssMiB(pid);
    if (v !== null && (peak === null || v > peak)) peak = v;
  }, ms);
  return {
    stop() {
      clearInterval(t);
      return peak;
    },
  };
}

export type Child = { proc: ChildProcess; output: () => string; stop(): Promise<void> };

/**
 * Starts a child and resolves once a line of its stdout matches `ready` (or rejects after
 * `timeoutMs`); returns the matching line too.
 */
export function startChild(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd: string; ready: RegExp; timeoutMs: number }): Promise<Child & { line: string; seconds: number }> {
  const started = performance.now();
  const proc = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      proc.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${cmd} ${args.join(' ')} not ready after ${opts.timeoutMs / 1000}s:\n${out.slice(-2000)}`));
    }, opts.timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => opts.ready.test(l));
      if (line) {
        clearTimeout(timer);
        proc.stdout?.off('data', onData);
        proc.stdout?.on('data', (x: Buffer) => (out += x.toString()));
        resolve({ proc, output: () => out, stop, line, seconds: (performance.now() - started) / 1000 });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code} before it was ready:\n${out.slice(-2000)}`));
    });
  });
}

export type Line = {
  key: string;
  name: string;
  /** What Renshe did, in words with units. */
  measured: string;
  /** What the baseline did, in words with units. */
  baseline: string;
  /** Renshe ÷ baseline in the line's sense (higher is better unless stated). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  figures: Record<string, unknown>;
  note?: string;
};

export function notAvailable(key: string, name: string, why: string): Line {
  return { key, name, measured: `not available: ${why}`, baseline: '—', ratio: null, target: '—', met: null, figures: {}, note: why };
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function printTable(lines: Line[]): string {
  const rows = [['#', 'line', 'Renshe', 'baseline (same run)', 'ratio', 'target', 'met'], ...lines.map((l, i) => [String(i + 1), l.name, l.measured, l.baseline, l.ratio === null ? '—' : l.ratio.toFixed(2), l.target, l.met === null ? '—' : l.met ? 'yes' : 'NO'])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const text = rows.map((r, i) => r.map((cell, c) => pad(cell, widths[c])).join(' | ') + (i === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('-|-') : '')).join('\n');
  return text;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
