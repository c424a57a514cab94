/**
 * `npm run bench`: the benchmark suite of issue #7, part by part, each in its own process (so one
 * part's memory never shows in another's figures), then one table of every figure against its
 * goal, and bench/results.json (a part run again replaces its previous figures; the others stay,
 * each with its own date and machine). Not part of `npm test`: figures, not pass/fail, so a
 * missed goal does not change the exit code; a part that crashes does.
 *
 *   npm run bench                     every part, in order
 *   npm run bench -- law-core api     only these parts
 *
 * Sizes and durations come from environment variables, listed at the top of each part's file
 * (BENCH_RUNS sets the runs of every part). The machine has few cores: run the full suite alone.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runTsChild } from './support/processes.ts';
import {
  figureRows,
  formatTable,
  machineLine,
  RESULTS_FILE,
  type StoredPart,
  saveResults,
} from './support/report.ts';

const PARTS = ['law-core', 'recompute', 'api', 'web', 'documents'] as const;
type Part = (typeof PARTS)[number];
const FILES: Record<Part, string> = {
  'law-core': 'law-core.bench.ts',
  recompute: 'recompute.bench.ts',
  api: 'api.bench.ts',
  web: 'web.bench.ts',
  documents: 'documents.bench.ts',
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length) {
  process.stderr.write(`unknown part(s): ${unknown.join(', ')}; the parts are: ${PARTS.join(', ')}\n`);
  process.exit(2);
}
const parts = PARTS.filter((p) => asked.length === 0 || asked.includes(p));

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
process.stdout.write(`${machineLine()}\nload average at start: ${load()}\nparts: ${parts.join(', ')}\n`);

const done: StoredPart[] = [];
const failed: string[] = [];
for (const part of parts) {
  try {
    done.push(await runTsChild<StoredPart>(join(import.meta.dirname, FILES[part]), {}, 'BENCH_RESULT_FILE'));
  } catch (err) {
    failed.push(part);
    process.stderr.write(`\n${part} failed: ${(err as Error).message}\n`);
  }
  // Save as we go: a long suite that fails late keeps what it measured.
  if (done.length) saveResults(done);
}

process.stdout.write(
  `\n=== summary ===\n${machineLine()}\nload average at the end: ${load()}\n\n` +
    `${formatTable(['part', 'figure', 'value', 'goal', 'ratio', 'verdict'], figureRows(done, true))}\n`,
);
for (const p of done) process.stdout.write(`${p.part}: ${p.seconds} s\n`);
process.stdout.write(`results: ${RESULTS_FILE}\n`);
if (failed.length) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
