/**
 * Recomputation after a rules change (issue #7): every case's deadlines recomputed by the law core
 * and stored, with what moved recorded for review, through the code the server runs for it:
 * `CaseService.recomputeAll` (at start on PGlite, as the `recompute_deadlines` job on PostgreSQL).
 *
 * Seeded cases (bench/support/cases.ts: encrypted person, screening and events, deadlines from the
 * law core) carry an older rules version, and about one deadline in sixteen is a day off, so the
 * run finds real changes to record. Between runs the same SQL puts the data back.
 *
 * Goal: 1,000,000 cases in PostgreSQL in under 60 s on 2 cores, memory flat (batches, never all).
 * Sizes: BENCH_RECOMPUTE_PG (1,000,000), BENCH_RECOMPUTE_PGLITE (100,000); runs: BENCH_RECOMPUTE_RUNS
 * or BENCH_RUNS (3); a run is stopped after BENCH_RECOMPUTE_MAX_SECONDS (600) and reported as such.
 * Then, for comparison, a batched prototype (bench/support/bulk-recompute.ts) on the same data;
 * BENCH_RECOMPUTE_PROTOTYPE=0 skips it.
 */
import { writeFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { RULES_VERSION } from '../src/render/deadlines-json.ts';
import type { FieldCrypto } from '../src/server/security/field-crypto.ts';
import { CaseStore, type Db } from '../src/store/case-store.ts';
import type { OpenedDatabase } from '../src/store/database.ts';
import type { Database } from '../src/store/schema.ts';
import { CaseService } from '../src/tracker/case-service.ts';
import { bulkRecompute } from './support/bulk-recompute.ts';
import {
  benchCrypto,
  benchKeyEnv,
  checkSeed,
  createBenchOrg,
  seedCases,
  vacuumAnalyze,
} from './support/cases.ts';
import { freshPgliteDir, openMigrated, startBenchPostgres } from './support/databases.ts';
import { postgresCpuMeter, processCpuSeconds, runTsChild } from './support/processes.ts';
import { envNumber, type Figure, median, Progress, RssSampler, runPart, runsFor } from './support/report.ts';

const PG_CASES = Math.round(envNumber('BENCH_RECOMPUTE_PG', 1_000_000));
const PGLITE_CASES = Math.round(envNumber('BENCH_RECOMPUTE_PGLITE', 100_000));
const RUNS = runsFor('BENCH_RECOMPUTE_RUNS', 3);
const MAX_SECONDS = envNumber('BENCH_RECOMPUTE_MAX_SECONDS', 600);
const PROTOTYPE = process.env.BENCH_RECOMPUTE_PROTOTYPE !== '0';
const GOAL_CASES = 1_000_000;
const GOAL_SECONDS = 60;
const GOAL_RATE = GOAL_CASES / GOAL_SECONDS;
/** A fixed "today", so every run computes the same statuses. */
const TODAY = '2026-11-23';
const PREVIOUS_RULES = 'bench-previous-rules';

class CapReached extends Error {}

/** The store the server uses, watched: time in the next-batch query. */
class ObservedStore extends CaseStore {
  batchQueries = 0;
  batchQuerySeconds = 0;

  override async lockCasesWithOtherRules(
    tx: Db,
    rulesVersion: string,
    afterId: string | null,
    limit: number,
  ) {
    const t0 = performance.now();
    try {
      return await super.lockCasesWithOtherRules(tx, rulesVersion, afterId, limit);
    } finally {
      this.batchQueries++;
      this.batchQuerySeconds += (performance.now() - t0) / 1000;
    }
  }
}

/** What a rules change leaves behind: cases on the old version, one deadline in sixteen a day off. */
async function makeRulesOld(db: Kysely<Database>, orgId: string, casesToo: boolean): Promise<void> {
  if (casesToo)
    await sql`UPDATE cases SET rules_version = ${PREVIOUS_RULES} WHERE org_id = ${orgId}::uuid`.execute(db);
  await sql`DELETE FROM deadline_changes WHERE org_id = ${orgId}::uuid`.execute(db);
  await sql`UPDATE case_deadlines d SET due = d.due + 1, rules_version = ${PREVIOUS_RULES}
    WHERE d.org_id = ${orgId}::uuid AND (hashtext(d.case_id::text || d.deadline_id) & 15) = 0
      AND NOT EXISTS (SELECT 1 FROM case_deadlines x
        WHERE x.case_id = d.case_id AND x.deadline_id = d.deadline_id AND x.due = d.due + 1)`.execute(db);
  await vacuumAnalyze(db);
}

interface RunResult {
  readonly seconds: number | null;
  readonly done: number;
  readonly ratePerSecond: number;
  readonly batchQuerySeconds: number;
  readonly batchQueries: number;
  readonly rss: ReturnType<RssSampler['stop']>;
  readonly changesRecorded: number;
  /** CPU seconds of this process (the law core, decryption, the driver; PGlite itself for PGlite). */
  readonly nodeCpuSeconds: number;
  /** CPU seconds of the PostgreSQL server, when it runs on this machine. */
  readonly postgresCpuSeconds: number | null;
}

async function recomputeOnce(
  opened: OpenedDatabase,
  crypto: FieldCrypto,
  orgId: string,
  total: number,
  label: string,
): Promise<RunResult> {
  const store = new ObservedStore(opened.db, crypto);
  const service = new CaseService(store, () => TODAY);
  const progress = new Progress(label, total);
  const pgCpu = opened.kind === 'postgres' ? await postgresCpuMeter(opened.db) : undefined;
  const pgCpuBefore = pgCpu?.();
  const cpuBefore = processCpuSeconds();
  const sampler = new RssSampler();
  const started = performance.now();
  const stopAt = started + MAX_SECONDS * 1000;
  let recomputed = 0;
  let capped = false;
  try {
    // Progress after each batch; also an RSS sample, as PGlite's queries can keep timers from running.
    recomputed = await service.recomputeAll({
      onProgress: (n) => {
        recomputed = n;
        progress.update(n);
        sampler.sample();
        if (performance.now() > stopAt) throw new CapReached('time cap reached');
      },
    });
  } catch (err) {
    if (!(err instanceof CapReached)) throw err;
    capped = true;
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = sampler.stop();
  const nodeCpuSeconds = processCpuSeconds() - cpuBefore;
  const postgresCpuSeconds = pgCpu && pgCpuBefore !== undefined ? pgCpu() - pgCpuBefore : null;
  progress.done();
  const changed = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM deadline_changes WHERE org_id = ${orgId}::uuid`.execute(opened.db);
  const left = await sql<{ n: string }>`SELECT count(*) AS n FROM cases
    WHERE org_id = ${orgId}::uuid AND rules_version IS DISTINCT FROM ${RULES_VERSION}`.execute(opened.db);
  if (!capped && Number(left.rows[0]!.n) !== 0)
    throw new Error(`recomputeAll returned with ${left.rows[0]!.n} cases not recomputed`);
  return {
    seconds: capped ? null : seconds,
    done: recomputed,
    ratePerSecond: recomputed / seconds,
    batchQuerySeconds: store.batchQuerySeconds,
    batchQueries: store.batchQueries,
    rss,
    changesRecorded: Number(changed.rows[0]!.n),
    nodeCpuSeconds,
    postgresCpuSeconds,
  };
}

/**
 * Whether memory stayed flat: the highest RSS in the last fifth of the run against the highest in
 * the second fifth (after start-up and JIT warm-up), so the garbage collector's sawtooth is
 * compared peak to peak. Samples are once a second.
 */
function flatness(timeline: readonly { s: number; mb: number }[]): string {
  if (timeline.length < 10) return 'too short a run to judge flatness.';
  const fifth = Math.floor(timeline.length / 5);
  const early = Math.max(...timeline.slice(fifth, 2 * fifth).map((t) => t.mb));
  const late = Math.max(...timeline.slice(-fifth).map((t) => t.mb));
  const flat = late <= early + Math.max(32, early * 0.15);
  return `highest RSS in the second fifth of the run ${early} MB, in the last fifth ${late} MB: ${flat ? 'flat' : 'it GREW'}.`;
}

type Kind = 'postgres' | 'pglite';
const nameOf = (kind: Kind) => (kind === 'postgres' ? 'PostgreSQL' : 'PGlite');

/** What the stages share, through the environment: where the database is, its key, its organisation. */
interface Stage {
  readonly kind: Kind;
  readonly count: number;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly keyEnv: NodeJS.ProcessEnv;
  readonly orgId?: string;
}

const stageFromEnv = (): Stage => JSON.parse(process.env.BENCH_RECOMPUTE_STAGE_INPUT!) as Stage;

const openStage = (stage: Stage) =>
  openMigrated(
    stage.databaseUrl
      ? { databaseUrl: stage.databaseUrl, dataDir: stage.dataDir }
      : { dataDir: stage.dataDir },
  );

/** Stage 1, its own process: an organisation and its cases, on the old rules. */
async function seedStage(stage: Stage) {
  const name = nameOf(stage.kind);
  const crypto = await benchCrypto(stage.keyEnv);
  const opened = await openStage(stage);
  try {
    const orgId = await createBenchOrg(opened.db, 'Bench organisation');
    const seedProgress = new Progress(`${name} seed`, stage.count);
    const seeded = await seedCases({
      db: opened.db,
      crypto,
      orgId,
      count: stage.count,
      today: TODAY,
      rulesVersion: PREVIOUS_RULES,
      onProgress: (n) => seedProgress.update(n),
    });
    seedProgress.done();
    await checkSeed(new CaseStore(opened.db, crypto), orgId);
    await makeRulesOld(opened.db, orgId, false);
    const size = await sql<{
      mb: number;
    }>`SELECT pg_database_size(current_database()) / 1048576 AS mb`.execute(opened.db);
    const databaseMb = Number(size.rows[0]!.mb);
    process.stdout.write(
      `${name}: seeded ${stage.count.toLocaleString('en-US')} cases, ${seeded.events.toLocaleString('en-US')} events, ` +
        `${seeded.deadlines.toLocaleString('en-US')} deadlines in ${seeded.seconds.toFixed(1)} s ` +
        `(${Math.round(stage.count / seeded.seconds).toLocaleString('en-US')} cases/s); database ${databaseMb} MB\n`,
    );
    return { orgId, seeded: { ...seeded, ids: undefined }, databaseMb };
  } finally {
    await opened.close();
  }
}

/** Stage 2, a fresh process (as a server starting after a rules change): the runs, then the prototype. */
async function recomputeStage(
  stage: Stage,
): Promise<{ figures: Figure[]; details: Record<string, unknown>; notes: string[] }> {
  const { kind, count } = stage;
  const orgId = stage.orgId!;
  const name = nameOf(kind);
  const crypto = await benchCrypto(stage.keyEnv);
  const notes: string[] = [];
  const opened = await openStage(stage);
  try {
    const runs: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) await makeRulesOld(opened.db, orgId, true);
      const result = await recomputeOnce(
        opened,
        crypto,
        orgId,
        count,
        `${name} recompute ${run + 1}/${RUNS}`,
      );
      runs.push(result);
      process.stdout.write(
        `${name} run ${run + 1}: ${result.seconds === null ? `stopped at the ${MAX_SECONDS} s cap` : `${result.seconds.toFixed(1)} s`}, ` +
          `${result.done.toLocaleString('en-US')} cases, ${Math.round(result.ratePerSecond).toLocaleString('en-US')} cases/s, ` +
          `batch query ${result.batchQuerySeconds.toFixed(1)} s over ${result.batchQueries} queries, ` +
          `RSS ${result.rss.startMb} -> peak ${result.rss.peakMb} -> ${result.rss.endMb} MB, ` +
          `CPU: Node ${result.nodeCpuSeconds.toFixed(1)} s${result.postgresCpuSeconds === null ? '' : `, PostgreSQL ${result.postgresCpuSeconds.toFixed(1)} s`}, ` +
          `${result.changesRecorded.toLocaleString('en-US')} changes recorded\n`,
      );
      if (result.seconds === null) {
        notes.push(`${name}: run ${run + 1} hit the ${MAX_SECONDS} s cap; later runs skipped.`);
        break;
      }
    }
    const countRows = async (table: 'case_deadlines' | 'deadline_changes') =>
      Number(
        (
          await sql<{
            n: string;
          }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE org_id = ${orgId}::uuid`.execute(opened.db)
        ).rows[0]!.n,
      );
    let prototype: { seconds: number; rate: number; peakMb: number; agrees: boolean | null } | undefined;
    if (PROTOTYPE) {
      const last = runs.at(-1)!;
      const reference =
        last.seconds === null
          ? null
          : { deadlines: await countRows('case_deadlines'), changes: last.changesRecorded };
      await makeRulesOld(opened.db, orgId, true);
      const progress = new Progress(`${name} batched prototype`, count);
      const sampler = new RssSampler();
      const t0 = performance.now();
      const done = await bulkRecompute(opened.db, crypto, TODAY, RULES_VERSION, (n) => progress.update(n));
      const seconds = (performance.now() - t0) / 1000;
      const rss = sampler.stop();
      progress.done();
      const agrees =
        reference === null
          ? null
          : reference.deadlines === (await countRows('case_deadlines')) &&
            reference.changes === (await countRows('deadline_changes'));
      prototype = { seconds, rate: done / seconds, peakMb: rss.peakMb, agrees };
      process.stdout.write(
        `${name} batched prototype: ${seconds.toFixed(1)} s, ${Math.round(done / seconds).toLocaleString('en-US')} cases/s, ` +
          `RSS peak ${rss.peakMb} MB${agrees === null ? '' : agrees ? ', same deadlines and changes as recomputeAll' : ', DIFFERENT counts from recomputeAll'}\n`,
      );
    }
    const finished = runs.filter((r) => r.seconds !== null);
    const rate = median(runs.map((r) => r.ratePerSecond));
    const seconds = finished.length === runs.length ? median(finished.map((r) => r.seconds!)) : null;
    const peak = Math.max(...runs.map((r) => r.rss.peakMb));
    const scaled = count !== GOAL_CASES;
    const goalSeconds = (GOAL_SECONDS * count) / GOAL_CASES;
    const figures: Figure[] = [
      {
        label: `${name}: recompute ${count.toLocaleString('en-US')} cases`,
        value: seconds,
        unit: 's',
        ...(kind === 'postgres'
          ? { goal: { value: goalSeconds, kind: 'max' as const, ...(scaled ? { source: 'scaled' } : {}) } }
          : {}),
        ...(seconds === null
          ? {
              note:
                `stopped at the ${MAX_SECONDS} s cap with ${runs[0]!.done.toLocaleString('en-US')} done; ` +
                `all would take >= ${Math.round(count / rate)} s` +
                (kind === 'postgres' ? ` (>= ${(count / rate / goalSeconds).toFixed(1)}x the goal)` : ''),
            }
          : {}),
      },
      {
        label: `${name}: cases/s`,
        value: Math.round(rate),
        unit: 'cases/s',
        ...(kind === 'postgres' ? { goal: { value: Math.round(GOAL_RATE), kind: 'min' as const } } : {}),
      },
      { label: `${name}: peak RSS of the process`, value: peak, unit: 'MB' },
    ];
    if (kind === 'postgres' && scaled)
      notes.push(
        `${name}: ${count.toLocaleString('en-US')} cases, not the goal's 1,000,000: the time goal is scaled to ${goalSeconds.toFixed(1)} s.`,
      );
    const first = runs[0]!;
    const perCase = (x: number) => Math.round((x * 1e6) / Math.max(1, first.done));
    const wall = first.seconds ?? MAX_SECONDS;
    const pgCpu = first.postgresCpuSeconds;
    notes.push(
      `${name}: RSS ${first.rss.startMb} MB at start, peak ${first.rss.peakMb} MB, ${first.rss.endMb} MB at the end of run 1; ` +
        flatness(first.rss.timeline),
      `${name}: per case ${perCase(wall)} µs of wall time: this process's CPU ${perCase(first.nodeCpuSeconds)} µs` +
        (pgCpu === null ? '' : `, PostgreSQL's CPU ${perCase(pgCpu)} µs`) +
        `; ${Math.round((100 * first.batchQuerySeconds) / wall)}% of the time in lockCasesWithOtherRules ` +
        `(the next-batch query, ${first.batchQueries} calls).`,
    );
    if (prototype) {
      figures.push({
        label: `${name}: batched PROTOTYPE (not the server's code), cases/s`,
        value: Math.round(prototype.rate),
        unit: 'cases/s',
        ...(kind === 'postgres' ? { goal: { value: Math.round(GOAL_RATE), kind: 'min' as const } } : {}),
      });
      notes.push(
        `${name}: the batched prototype (bench/support/bulk-recompute.ts: 1,000 cases per round of 6 statements, keyset paging) ` +
          `took ${prototype.seconds.toFixed(1)} s, ${(prototype.rate / rate).toFixed(1)}x recomputeAll's rate, peak RSS ${prototype.peakMb} MB` +
          (prototype.agrees === null
            ? '.'
            : prototype.agrees
              ? '; it stored the same number of deadlines and recorded changes.'
              : '; its counts of deadlines or changes DIFFER from recomputeAll: do not trust its figure.'),
      );
    }
    return {
      figures,
      notes,
      details: {
        cases: count,
        today: TODAY,
        maxSeconds: MAX_SECONDS,
        runs: runs.map((r) => ({
          ...r,
          rss: { ...r.rss, timeline: r.rss.timeline.filter((_, i) => i % 5 === 0) },
        })),
        prototype,
      },
    };
  } finally {
    await opened.close();
  }
}

type StageResult = Awaited<ReturnType<typeof recomputeStage>>;

/** One database: the parent owns it (a PostgreSQL server or a PGlite folder); the stages use it. */
async function benchDatabase(kind: Kind, count: number) {
  const name = nameOf(kind);
  const pgServer = kind === 'postgres' ? await startBenchPostgres() : undefined;
  const pgliteDir = kind === 'pglite' ? freshPgliteDir() : undefined;
  try {
    process.stdout.write(`${name}: ${pgServer?.description ?? `PGlite in ${pgliteDir!.dataDir}`}\n`);
    const stage: Stage = {
      kind,
      count,
      dataDir: pgliteDir?.dataDir ?? '/nonexistent',
      keyEnv: benchKeyEnv(),
      ...(pgServer ? { databaseUrl: pgServer.url } : {}),
    };
    const run = <T>(which: 'seed' | 'recompute', input: Stage) =>
      runTsChild<T>(
        import.meta.filename,
        { BENCH_RECOMPUTE_STAGE: which, BENCH_RECOMPUTE_STAGE_INPUT: JSON.stringify(input) },
        'BENCH_RECOMPUTE_OUT',
      );
    const seeded = await run<Awaited<ReturnType<typeof seedStage>>>('seed', stage);
    const result = await run<StageResult>('recompute', { ...stage, orgId: seeded.orgId });
    return {
      ...result,
      details: {
        database: pgServer?.description ?? 'PGlite (embedded)',
        seeded: seeded.seeded,
        databaseMb: seeded.databaseMb,
        ...result.details,
      },
    };
  } finally {
    await pgServer?.stop();
    pgliteDir?.remove();
  }
}

const stageName = process.env.BENCH_RECOMPUTE_STAGE;
if (stageName === 'seed' || stageName === 'recompute') {
  const stage = stageFromEnv();
  const result = stageName === 'seed' ? await seedStage(stage) : await recomputeStage(stage);
  writeFileSync(process.env.BENCH_RECOMPUTE_OUT!, JSON.stringify(result));
} else {
  await runPart('recompute', async () => {
    const pgRun = await benchDatabase('postgres', PG_CASES);
    const pgliteRun = await benchDatabase('pglite', PGLITE_CASES);
    return {
      part: 'recompute',
      figures: [...pgRun.figures, ...pgliteRun.figures],
      notes: [
        ...pgRun.notes,
        ...pgliteRun.notes,
        'Path measured: CaseService.recomputeAll, the code of the recompute_deadlines job and of start-up on PGlite: ' +
          'batches of 500 cases, each one transaction (cases locked and read by id > last id, their events, their ' +
          'stored deadlines, then one statement each for changes, deadlines, rules version and audit), the next ' +
          'batch read and computed while the previous one writes. Seeding runs in ' +
          'one process and the recomputation in a fresh one, as a server starting after a rules change; RSS is ' +
          'that Node process (PGlite included for PGlite), not the PostgreSQL server.',
      ],
      details: { postgres: pgRun.details, pglite: pgliteRun.details, runs: RUNS },
    };
  });
}
