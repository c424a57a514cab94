/**
 * Law-core benchmark (issue: benchmarks and hardening): full evaluation of 100,000 varied
 * synthetic cases from a fixed seed — posture, every deadline, every relief with its missing
 * facts, next steps — on one core. Prints cases/s and per-case p50/p99 (bench/run.ts collects
 * them into bench/results.json). Not part of `npm test`: figures, not pass/fail.
 * BENCH_CASES (100,000); BENCH_LAW_CORE_RUNS or BENCH_RUNS (3).
 */
import { assess, parseCaseFacts } from '../src/core/index.ts';
import { mulberry32 } from '../test/support/rng.ts';
import { envNumber, median, percentile, runPart, runsFor } from './support/report.ts';

const CASES = Math.round(envNumber('BENCH_CASES', 100_000));
const RUNS = runsFor('BENCH_LAW_CORE_RUNS', 3);
const GOAL_PER_SECOND = 200_000;

function iso(day: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function syntheticCase(r: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(v: T) => (r() < 0.5 ? v : undefined);
  let day = Math.floor(r() * 3000);
  const events: Record<string, unknown>[] = [
    { type: 'arrival', date: iso(day), manner: pick(['admitted', 'paroled', 'entry_without_inspection']) },
  ];
  const path = Math.floor(r() * 6);
  const step = () => {
    day += 20 + Math.floor(r() * 200);
    return day;
  };
  if (path >= 1)
    events.push({
      type: 'asylum_filed',
      date: iso(step()),
      forum: path === 1 ? 'uscis' : 'immigration_court',
    });
  if (path >= 2) events.push({ type: 'nta_filed', date: iso(step()) });
  if (path >= 3)
    events.push({
      type: 'hearing_notice',
      date: iso(step()),
      hearingDate: iso(day + 90),
      hearing: pick(['master', 'individual']),
    });
  if (path >= 4)
    events.push({ type: 'ij_decision', date: iso(step()), outcome: pick(['granted', 'denied']) });
  if (path >= 5 && events.at(-1)!.outcome === 'denied') {
    events.push({ type: 'bia_appeal_filed', date: iso(day + 10) });
    day += 200;
    events.push({ type: 'bia_decision', date: iso(day), outcome: pick(['dismissed', 'remanded']) });
  }
  if (r() < 0.3) events.push({ type: 'address_change', date: iso(step()) });
  return {
    asOf: iso(day + Math.floor(r() * 60)),
    person: { birthDate: iso(-Math.floor(r() * 15000)) },
    events,
    screening: {
      fearOfReturn: maybe(r() < 0.8),
      protectedGround: maybe(pick(['race', 'religion', 'political_opinion', 'particular_social_group'])),
      harmBy: maybe(
        pick(['state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects']),
      ),
      harmSeverity: maybe(pick(['persecution', 'harassment_discrimination_only'])),
      tortureRisk: maybe(pick(['more_likely_than_not', 'possible', 'none'])),
      criminalHistory: maybe(
        r() < 0.9
          ? []
          : [
              {
                category: pick(['aggravated_felony', 'particularly_serious_crime', 'other']),
                sentenceYears: 2,
              },
            ],
      ),
      usCitizenSpouse: maybe(r() < 0.2),
      crimeVictimHelpfulToLawEnforcement: maybe(r() < 0.1),
    },
  };
}

await runPart('law-core', async () => {
  const r = mulberry32(20261122);
  const inputs = Array.from({ length: CASES }, () => JSON.parse(JSON.stringify(syntheticCase(r))) as unknown);
  const results: { casesPerSecond: number; p50Us: number; p99Us: number }[] = [];
  let checksum = 0;
  for (let run = 0; run < RUNS; run++) {
    const times = new Float64Array(CASES);
    const start = performance.now();
    for (let i = 0; i < CASES; i++) {
      const t0 = performance.now();
      const a = assess(parseCaseFacts(inputs[i]));
      times[i] = performance.now() - t0;
      checksum += a.deadlines.length + a.relief.length;
    }
    const seconds = (performance.now() - start) / 1000;
    times.sort();
    results.push({
      casesPerSecond: CASES / seconds,
      p50Us: percentile(times, 50) * 1000,
      p99Us: percentile(times, 99) * 1000,
    });
  }
  const casesPerSecond = Math.round(median(results.map((x) => x.casesPerSecond)));
  return {
    part: 'law-core',
    figures: [
      {
        label: `assess ${CASES.toLocaleString('en-US')} cases, one core`,
        value: casesPerSecond,
        unit: 'cases/s',
        goal: { value: GOAL_PER_SECOND, kind: 'min' },
      },
      {
        label: 'assess, p50 per case',
        value: Number(median(results.map((x) => x.p50Us)).toFixed(1)),
        unit: 'µs',
      },
      {
        label: 'assess, p99 per case',
        value: Number(median(results.map((x) => x.p99Us)).toFixed(1)),
        unit: 'µs',
      },
    ],
    notes: [`parseCaseFacts + assess per case, median of ${RUNS} runs; checksum ${checksum}.`],
    details: { benchmark: 'law-core.assess', cases: CASES, runs: RUNS, results, checksum },
  };
});
