/**
 * The HTTP API under load (issue #7): autocannon against a real server process (`src/server/main.ts`,
 * as `npm start` runs it) on 127.0.0.1, one organisation with 100,000 cases seeded through the
 * store's tables (bench/support/cases.ts), signed in with an API token.
 *
 * Endpoints: get a case (random case), list cases (a page of 50, pages 1-20), the deadlines
 * dashboard (30 days), add an event (each request a different case, so no version conflicts).
 * Reads run twice: held at 500 requests/s (autocannon's overallRate, spread over staggered
 * instances: see `fire`) for the goal, and unthrottled for the most the server gives; the write
 * runs unthrottled. Each on the embedded database (PGlite) and on PostgreSQL. Between
 * measurements the server drains what it still had queued (`settle`).
 *
 * Goal: p99 under 25 ms at 500 requests/s for reads on PostgreSQL.
 * Settings: BENCH_API_SECONDS (20) per measurement, BENCH_API_CASES (100,000), BENCH_API_RUNS
 * (1, not BENCH_RUNS: each measurement is already thousands of requests), BENCH_API_RATE (500),
 * BENCH_API_CONNECTIONS (10 unthrottled), BENCH_API_HELD_CONNECTIONS (50 at a held rate),
 * BENCH_API_SLICES (50 instances at a held rate), BENCH_API_DATABASES (postgres,pglite),
 * BENCH_API_ENDPOINTS (all four: "get case,list cases,dashboard,add event").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import { RULES_VERSION } from '../src/render/deadlines-json.ts';
import { todayIn } from '../src/server/config.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { AccountService } from '../src/tracker/account-service.ts';
import { startServerProcess } from '../test/server/server-process.ts';
import { benchCrypto, benchKeyEnv, checkSeed, seedCases, vacuumAnalyze } from './support/cases.ts';
import { freshPgliteDir, openMigrated, startBenchPostgres } from './support/databases.ts';
import {
  envNumber,
  type Figure,
  formatNumber,
  formatTable,
  median,
  Progress,
  percentile,
  runPart,
} from './support/report.ts';

const SECONDS = envNumber('BENCH_API_SECONDS', 20);
const CASES = Math.round(envNumber('BENCH_API_CASES', 100_000));
const RUNS = Math.max(1, Math.round(envNumber('BENCH_API_RUNS', 1)));
const RATE = envNumber('BENCH_API_RATE', 500);
const CONNECTIONS = Math.round(envNumber('BENCH_API_CONNECTIONS', 10));
/** Connections for a held rate, shared by the instances (each connection sends its share back to back). */
const HELD_CONNECTIONS = Math.round(envNumber('BENCH_API_HELD_CONNECTIONS', 50));
const DATABASES = (process.env.BENCH_API_DATABASES ?? 'postgres,pglite')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is 'postgres' | 'pglite' => s === 'postgres' || s === 'pglite');
const GOAL_P99_MS = 25;
const TIME_ZONE = 'America/New_York';
const WARMUP_SECONDS = 2;

const ALL_ENDPOINTS = ['get case', 'list cases', 'dashboard', 'add event'] as const;
type Endpoint = (typeof ALL_ENDPOINTS)[number];
/** BENCH_API_ENDPOINTS: a comma-separated subset, such as "get case,add event". */
const ENDPOINTS = ALL_ENDPOINTS.filter((e) =>
  (process.env.BENCH_API_ENDPOINTS ?? ALL_ENDPOINTS.join(','))
    .split(',')
    .map((x) => x.trim())
    .includes(e),
);
const READS: readonly Endpoint[] = ['get case', 'list cases', 'dashboard'];

interface Measurement {
  readonly endpoint: Endpoint;
  readonly mode: 'held' | 'max';
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly ok: number;
  readonly failed: number;
  readonly statuses: Record<string, number>;
}

interface Target {
  readonly base: string;
  readonly orgId: string;
  readonly token: string;
  readonly readIds: readonly string[];
  /** Cases not read yet by anyone, each taken once by an add-event request (version 1). */
  readonly writeIds: string[];
  readonly today: string;
}

function requestsFor(endpoint: Endpoint, t: Target) {
  const org = `/api/v1/orgs/${t.orgId}`;
  const randomCase = () => t.readIds[Math.floor(Math.random() * t.readIds.length)]!;
  switch (endpoint) {
    case 'get case':
      return [
        { method: 'GET', setupRequest: (r: object) => ({ ...r, path: `${org}/cases/${randomCase()}` }) },
      ];
    case 'list cases':
      return [
        {
          method: 'GET',
          setupRequest: (r: object) => ({
            ...r,
            path: `${org}/cases?pageSize=50&page=${1 + Math.floor(Math.random() * 20)}`,
          }),
        },
      ];
    case 'dashboard':
      return [{ method: 'GET', path: `${org}/deadlines?within=30d` }];
    case 'add event': {
      const body = JSON.stringify({ version: 1, event: { type: 'address_change', date: t.today } });
      return [
        {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          setupRequest: (r: object) => {
            const id = t.writeIds.pop();
            if (!id) throw new Error('the benchmark ran out of fresh cases for add event: seed more cases');
            return { ...r, path: `${org}/cases/${id}/events` };
          },
        },
      ];
    }
  }
}

interface Fired {
  readonly requestsPerSecond: number;
  readonly latencies: Float64Array;
  readonly ok: number;
  readonly failed: number;
  readonly statuses: Record<string, number>;
}

/** How many autocannon instances share a held rate, their starts spread over one second. */
const SLICES = Math.round(envNumber('BENCH_API_SLICES', 50));

/**
 * One measurement. autocannon's rate limit gives each connection a budget per second that it
 * spends at once, so one instance at 500/s sends 500 requests in a burst at every second's tick
 * (measured here: p99 286 ms where the same load spread out gave 4.5 ms). A held rate is therefore
 * spread over 50 instances of one connection each (10 req/s) started 20 ms apart: about one
 * request every 2 ms. Latencies are every response's own (autocannon's 'response' event), so
 * percentiles are exact and merge across instances; a rate the server cannot keep up shows as
 * fewer requests per second than asked.
 */
async function fire(endpoint: Endpoint, t: Target, seconds: number, rate?: number): Promise<Fired> {
  const slices = rate ? Math.max(1, Math.min(SLICES, Math.floor(rate / 4))) : 1;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  const running: Promise<Result>[] = [];
  for (let i = 0; i < slices; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000 / slices));
    const instance = autocannon({
      url: t.base,
      connections: rate ? Math.max(1, Math.round(HELD_CONNECTIONS / slices)) : CONNECTIONS,
      duration: seconds,
      timeout: 30,
      headers: { authorization: `Bearer ${t.token}` },
      requests: requestsFor(endpoint, t),
      ...(rate ? { overallRate: Math.max(1, Math.round(rate / slices)) } : {}),
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) ok++;
      else failed++;
    });
    running.push(instance);
  }
  const results = await Promise.all(running);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requestsPerSecond: results.reduce((n, r) => n + r.requests.average, 0),
    latencies: sorted,
    ok,
    failed: failed + errors,
    statuses,
  };
}

/**
 * Waits until the server has drained what the last measurement left queued (autocannon stops
 * sending at the deadline, but the server still answers what it had accepted): three quick
 * answers in a row from an endpoint that reads the database.
 */
async function settle(t: Target): Promise<void> {
  const until = performance.now() + 120_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const t0 = performance.now();
    const res = await fetch(`${t.base}/api/v1/me`, { headers: { authorization: `Bearer ${t.token}` } });
    await res.arrayBuffer();
    quick = performance.now() - t0 < 50 ? quick + 1 : 0;
    if (quick < 3) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function measurement(endpoint: Endpoint, mode: 'held' | 'max', r: Fired): Measurement {
  const p = (x: number) => (r.latencies.length ? Number(percentile(r.latencies, x).toFixed(1)) : Number.NaN);
  return {
    endpoint,
    mode,
    requestsPerSecond: r.requestsPerSecond,
    p50: p(50),
    p99: p(99),
    p999: p(99.9),
    ok: r.ok,
    failed: r.failed,
    statuses: r.statuses,
  };
}

function medianOf(ms: readonly Measurement[]): Measurement {
  const m = (f: (x: Measurement) => number) => median(ms.map(f));
  return {
    ...ms[0]!,
    requestsPerSecond: m((x) => x.requestsPerSecond),
    p50: m((x) => x.p50),
    p99: m((x) => x.p99),
    p999: m((x) => x.p999),
    ok: ms.reduce((s, x) => s + x.ok, 0),
    failed: ms.reduce((s, x) => s + x.failed, 0),
  };
}

/** Peak resident memory of a process (Linux), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function benchDatabase(kind: 'postgres' | 'pglite') {
  const name = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const keyEnv = benchKeyEnv();
  const crypto = await benchCrypto(keyEnv);
  const pgServer = kind === 'postgres' ? await startBenchPostgres() : undefined;
  const pgliteDir = kind === 'pglite' ? freshPgliteDir() : undefined;
  const dataDir = pgliteDir?.dataDir ?? mkdtempSync(join(tmpdir(), 'refugio-bench-api-'));
  const today = todayIn(TIME_ZONE)();
  try {
    // Seed through the store's tables, then close: PGlite allows one process per data directory.
    const opened = await openMigrated(pgServer ? { databaseUrl: pgServer.url, dataDir } : { dataDir });
    let target: Omit<Target, 'base'>;
    try {
      const accounts = new AccountService(opened.db, [14, 7, 3, 1]);
      const { orgId, userId } = await accounts.createOrganisation({
        name: 'Bench legal services',
        adminEmail: 'admin@bench.example',
        adminPassword: 'a long bench password',
      });
      const actor = await accounts.actorIn({ userId, email: 'admin@bench.example' }, orgId);
      const { token } = await accounts.createApiToken(actor, 'bench');
      const progress = new Progress(`${name} seed`, CASES);
      const seeded = await seedCases({
        db: opened.db,
        crypto,
        orgId,
        count: CASES,
        today,
        rulesVersion: RULES_VERSION,
        collectIds: true,
        onProgress: (n) => progress.update(n),
      });
      progress.done();
      await checkSeed(new CaseStore(opened.db, crypto), orgId);
      await vacuumAnalyze(opened.db);
      const due = await sql<{ n: string }>`SELECT count(*) AS n FROM case_deadlines
        WHERE kind = 'deadline' AND status <> 'met' AND due <= ${today}::date + 30`.execute(opened.db);
      process.stdout.write(
        `${name}: ${pgServer?.description ?? 'PGlite'}; seeded ${CASES.toLocaleString('en-US')} cases in ` +
          `${seeded.seconds.toFixed(1)} s; ${Number(due.rows[0]!.n).toLocaleString('en-US')} deadlines not met and due by ` +
          `today + 30 days, overdue included (the dashboard lists at most 1,000)\n`,
      );
      const ids = seeded.ids;
      // Reads use the first half; add event takes the second half, one case per request.
      target = {
        orgId,
        token,
        today,
        readIds: ids.slice(0, ids.length >> 1),
        writeIds: ids.slice(ids.length >> 1),
      };
    } finally {
      await opened.close();
    }

    const server = await startServerProcess({
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      REFUGIO_TIME_ZONE: TIME_ZONE,
      ...keyEnv,
      ...(pgServer ? { DATABASE_URL: pgServer.url } : {}),
    });
    const t: Target = { ...target, base: server.url };
    const measured: Measurement[] = [];
    let serverPeakMb: number | null = null;
    try {
      for (const endpoint of ENDPOINTS) {
        await fire(endpoint, t, WARMUP_SECONDS);
        await settle(t);
        const modes: ('held' | 'max')[] = READS.includes(endpoint) ? ['held', 'max'] : ['max'];
        for (const mode of modes) {
          const runs: Measurement[] = [];
          for (let run = 0; run < RUNS; run++) {
            const r = await fire(endpoint, t, SECONDS, mode === 'held' ? RATE : undefined);
            runs.push(measurement(endpoint, mode, r));
            await settle(t);
          }
          const m = medianOf(runs);
          measured.push(m);
          process.stdout.write(
            `${name} ${endpoint} ${mode === 'held' ? `held at ${RATE}/s` : 'unthrottled'}: ` +
              `${formatNumber(m.requestsPerSecond)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, p99.9 ${m.p999} ms` +
              `${m.failed ? `, ${m.failed} failed (${JSON.stringify(m.statuses)})` : ''}\n`,
          );
        }
      }
    } finally {
      serverPeakMb = peakRssMb(server.child.pid);
      await server.stop();
      if (measured.some((m) => m.failed))
        process.stdout.write(
          `${name}: server output (last lines):\n${server.output().split('\n').slice(-20).join('\n')}\n`,
        );
    }
    return { name, measured, serverPeakMb, description: pgServer?.description ?? 'PGlite (embedded)' };
  } finally {
    await pgServer?.stop();
    pgliteDir?.remove();
    if (!pgliteDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await runPart('api', async () => {
  const results = [];
  for (const kind of DATABASES) results.push(await benchDatabase(kind));
  const figures: Figure[] = [];
  const notes: string[] = [];
  const rows: string[][] = [];
  for (const r of results) {
    for (const m of r.measured) {
      rows.push([
        `${r.name} ${m.endpoint}`,
        m.mode === 'held' ? `held ${RATE}/s` : 'unthrottled',
        formatNumber(m.requestsPerSecond),
        String(m.p50),
        String(m.p99),
        String(m.p999),
        String(m.failed),
      ]);
      if (m.mode === 'held')
        figures.push({
          label: `${r.name}: ${m.endpoint} p99 at ${RATE} req/s`,
          value: m.p99,
          unit: 'ms',
          ...(r.name === 'PostgreSQL' ? { goal: { value: GOAL_P99_MS, kind: 'max' as const } } : {}),
        });
    }
    for (const m of r.measured.filter((x) => x.mode === 'max'))
      figures.push({
        label: `${r.name}: ${m.endpoint} unthrottled`,
        value: Math.round(m.requestsPerSecond),
        unit: 'req/s',
      });
    for (const m of r.measured.filter((x) => x.mode === 'held' && x.requestsPerSecond < RATE * 0.95))
      notes.push(
        `${r.name} ${m.endpoint}: the server gave only ${formatNumber(m.requestsPerSecond)} of the ${RATE} req/s asked; ` +
          'latencies are those of the requests sent, so at a real 500 req/s the wait would be longer still.',
      );
    for (const m of r.measured.filter((x) => x.failed))
      notes.push(
        `${r.name} ${m.endpoint} (${m.mode}): ${m.failed} requests failed: ${JSON.stringify(m.statuses)}.`,
      );
  }
  process.stdout.write(
    `\n${formatTable(['endpoint', 'load', 'req/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'failed'], rows)}\n`,
  );
  notes.push(
    `${SECONDS} s per measurement, ${RUNS} run(s) each (median), ${CONNECTIONS} connections unthrottled; ` +
      `a held rate spread over ${SLICES} autocannon instances of ${Math.max(1, Math.round(HELD_CONNECTIONS / SLICES))} connection(s), ` +
      'started evenly over one second; percentiles from every response. ' +
      `${CASES.toLocaleString('en-US')} cases in one organisation; server, database and autocannon share this machine's cores. ` +
      `Server peak RSS: ${results.map((r) => `${r.name} ${r.serverPeakMb ?? '?'} MB`).join(', ')}.`,
  );
  return {
    part: 'api',
    figures,
    notes,
    details: {
      seconds: SECONDS,
      cases: CASES,
      runs: RUNS,
      rate: RATE,
      connections: CONNECTIONS,
      databases: results.map((r) => ({
        name: r.name,
        description: r.description,
        serverPeakMb: r.serverPeakMb,
        measured: r.measured,
      })),
    },
  };
});
