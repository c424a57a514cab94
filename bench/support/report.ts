/**
 * What every benchmark part shares: the machine it ran on, medians, a progress bar on stderr, a
 * peak-RSS sampler, and the report each part hands to the runner (bench/run.ts). A part run on its
 * own (`npx tsx bench/api.bench.ts`) prints the same and merges its figures into bench/results.json.
 *
 * Figures, not pass/fail: a missed goal is printed with its ratio and reason, never an exit code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, '..', 'results.json');

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly memoryGb: number;
  readonly platform: string;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
  };
}

export function machineLine(m: Machine = machine()): string {
  return `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform})`;
}

/** A goal a figure is held to: `max` means at most (latency, size, time), `min` at least (rate). */
export interface Goal {
  readonly value: number;
  readonly kind: 'max' | 'min';
  /** Where the goal comes from, when it is not the issue's own. */
  readonly source?: string;
}

export interface Figure {
  readonly label: string;
  /** null: not measured (skipped or failed; `note` says why). */
  readonly value: number | null;
  readonly unit: string;
  readonly goal?: Goal;
  readonly note?: string;
}

export interface PartReport {
  readonly part: string;
  readonly figures: readonly Figure[];
  /** Anything else worth keeping in results.json (sizes, runs, settings, breakdowns). */
  readonly details?: Record<string, unknown>;
  /** Sentences printed under the table: why a goal is missed, what was reduced, what was skipped. */
  readonly notes?: readonly string[];
}

export interface StoredPart extends PartReport {
  readonly machine: Machine;
  readonly at: string;
  readonly seconds: number;
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

/** Runs per figure: BENCH_RUNS for every part, or the part's own variable. */
export function runsFor(partVariable: string, fallback: number): number {
  return Math.max(1, Math.round(envNumber(partVariable, envNumber('BENCH_RUNS', fallback))));
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function ratioOf(f: Figure): number | null {
  if (f.value === null || !f.goal) return null;
  return f.value / f.goal.value;
}

export function verdict(f: Figure): string {
  if (f.value === null) return f.note ?? 'not measured';
  if (!f.goal) return '';
  const met = f.goal.kind === 'max' ? f.value <= f.goal.value : f.value >= f.goal.value;
  if (met) return 'met';
  const ratio = f.value / f.goal.value;
  return f.goal.kind === 'max'
    ? `missed: ${ratio.toFixed(2)}x the goal`
    : `missed: ${ratio.toFixed(2)}x of goal`;
}

export function formatNumber(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '-';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function figureRows(parts: readonly PartReport[], withPart: boolean): string[][] {
  return parts.flatMap((p) =>
    p.figures.map((f) => {
      const ratio = ratioOf(f);
      const row = [
        f.label,
        `${formatNumber(f.value)} ${f.unit}`,
        f.goal ? `${f.goal.kind === 'max' ? '<=' : '>='} ${formatNumber(f.goal.value)} ${f.unit}` : '',
        ratio === null ? '' : ratio.toFixed(2),
        verdict(f),
      ];
      return withPart ? [p.part, ...row] : row;
    }),
  );
}

export function printReport(report: PartReport): void {
  process.stdout.write(
    `\n${formatTable(['figure', 'value', 'goal', 'ratio', 'verdict'], figureRows([report], false))}\n`,
  );
  for (const note of report.notes ?? []) process.stdout.write(`  - ${note}\n`);
}

/** Merges parts into bench/results.json: a part run again replaces its previous figures. */
export function saveResults(parts: readonly StoredPart[]): void {
  let previous: { parts?: Record<string, StoredPart> } = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
    } catch {
      previous = {};
    }
  }
  const merged = { ...(previous.parts ?? {}) };
  for (const p of parts) merged[p.part] = p;
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ machine: machine(), updated: new Date().toISOString(), parts: merged }, null, 2)}\n`,
  );
}

/**
 * The body of every part file: prints what it measures, hands the report to the runner (through
 * BENCH_RESULT_FILE) or, run alone, prints the machine and saves results.json itself.
 */
export async function runPart(part: string, body: () => Promise<PartReport>): Promise<void> {
  const standalone = !process.env.BENCH_RESULT_FILE;
  if (standalone) process.stdout.write(`${machineLine()}\n`);
  process.stdout.write(`\n=== ${part} ===\n`);
  const started = performance.now();
  const report = await body();
  const stored: StoredPart = {
    ...report,
    machine: machine(),
    at: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  printReport(report);
  if (standalone) saveResults([stored]);
  else writeFileSync(process.env.BENCH_RESULT_FILE!, JSON.stringify(stored));
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, a plain line every 10% (and at least
 * every 15 s) otherwise, so logs of a CI run stay readable.
 */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastStep = -1;
  private lastLine = performance.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'cases',
  ) {}

  update(done: number): void {
    const now = performance.now();
    if (this.tty) {
      if (now - this.lastDraw < 200 && done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const fraction = Math.min(1, done / this.total);
      const filled = Math.round(fraction * width);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
      process.stderr.write(`\r${this.label} [${bar}] ${this.status(done, now)}\x1b[K`);
    } else {
      const step = Math.floor((done / this.total) * 10);
      if (step === this.lastStep && now - this.lastLine < 15_000) return;
      this.lastStep = step;
      this.lastLine = now;
      process.stderr.write(`${this.label}: ${this.status(done, now)}\n`);
    }
  }

  private status(done: number, now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? (this.total - done) / rate : Number.NaN;
    const pct = ((100 * done) / this.total).toFixed(1);
    return `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit} (${pct}%) ${Math.round(rate).toLocaleString('en-US')}/s, ${seconds.toFixed(0)} s${Number.isFinite(left) && done < this.total ? `, ~${left.toFixed(0)} s left` : ''}`;
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

/** Samples this process's RSS while something runs: peak, start, end, and a sample every second. */
export class RssSampler {
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  readonly startMb = rssMb();
  peakMb = this.startMb;
  readonly timeline: { s: number; mb: number }[] = [];
  private lastTimeline = -1;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const mb = rssMb();
    if (mb > this.peakMb) this.peakMb = mb;
    const s = Math.floor((performance.now() - this.startedAt) / 1000);
    if (s !== this.lastTimeline) {
      this.lastTimeline = s;
      this.timeline.push({ s, mb: Math.round(mb) });
    }
  }

  stop(): { startMb: number; peakMb: number; endMb: number; timeline: { s: number; mb: number }[] } {
    this.sample();
    clearInterval(this.timer);
    return {
      startMb: Math.round(this.startMb),
      peakMb: Math.round(this.peakMb),
      endMb: Math.round(rssMb()),
      timeline: this.timeline,
    };
  }
}

export function rssMb(): number {
  return process.memoryUsage.rss() / 2 ** 20;
}

/** Ticks the event loop so samplers and progress bars get a turn inside long synchronous loops. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
