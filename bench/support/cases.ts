/**
 * Synthetic cases in the store, seeded fast: the rows are what `CaseStore` writes (every sensitive
 * field sealed with AES-256-GCM under its row's context, blind indexes of names and A-numbers,
 * deadlines from the law core), but thousands go in per statement (`INSERT ... SELECT FROM
 * unnest(...)`), not one transaction per case through the API. Both databases run the same SQL.
 *
 * The contexts below mirror `src/store/case-store.ts`; `checkSeed` reads cases back through the
 * store, so a change there fails loudly here instead of benchmarking unreadable rows.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import {
  addDays,
  computeDeadlines,
  FactsError,
  formatDate,
  parseCaseFacts,
  parseDate,
} from '../../src/core/index.ts';
import { createFieldCrypto, type FieldCrypto } from '../../src/server/security/field-crypto.ts';
import { loadKeyring } from '../../src/server/security/keyring.ts';
import type { CaseStore, EventData, PersonDetails } from '../../src/store/case-store.ts';
import type { Database } from '../../src/store/schema.ts';
import { mulberry32 } from '../../test/support/rng.ts';
import { yieldToLoop } from './report.ts';

/** One key for the seeder and the server process it starts (REFUGIO_KEY). */
export function benchKeyEnv(): { REFUGIO_KEY: string; REFUGIO_KEY_ID: string } {
  return { REFUGIO_KEY: randomBytes(32).toString('base64'), REFUGIO_KEY_ID: 'bench' };
}

export async function benchCrypto(keyEnv: NodeJS.ProcessEnv): Promise<FieldCrypto> {
  return createFieldCrypto(await loadKeyring({ env: keyEnv, dataDir: '/nonexistent' }));
}

const GIVEN = [
  'María',
  'José',
  'Ahmad',
  'Fatima',
  'Nguyễn',
  'Olena',
  'Jean-Pierre',
  'Aisha',
  'Luis',
  'Tigist',
];
const FAMILY = ['García López', 'Hernández', 'Rahimi', 'Haile', 'Kowalczyk', 'Núñez', 'Petrenko', 'Diallo'];
const COUNTRIES = ['Guatemala', 'Honduras', 'Venezuela', 'Afghanistan', 'Eritrea', 'Haiti', 'Ukraine'];

export interface SyntheticCase {
  readonly person: PersonDetails;
  readonly screening: Record<string, unknown> | null;
  readonly events: EventData[];
}

/** A case whose events all happened before `today`: arrival up to ten years ago, then a path through court. */
export function syntheticCase(r: () => number, today: string, serial: number): SyntheticCase {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(v: T) => (r() < 0.5 ? v : undefined);
  // Days are offsets from today; events are at most yesterday (the core refuses future events).
  const base = parseDate(today);
  const end = -1;
  let day = end - 40 - Math.floor(r() * 3600);
  const iso = (d: number) => formatDate(addDays(base, Math.min(d, end)));
  const step = () => {
    day = Math.min(end, day + 20 + Math.floor(r() * 200));
    return day;
  };
  const events: EventData[] = [
    { type: 'arrival', date: iso(day), manner: pick(['admitted', 'paroled', 'entry_without_inspection']) },
  ];
  const path = Math.floor(r() * 6);
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
      hearingDate: formatDate(addDays(base, day + 30 + Math.floor(r() * 300))),
      hearing: pick(['master', 'individual']),
    });
  if (path >= 4)
    events.push({ type: 'ij_decision', date: iso(step()), outcome: pick(['granted', 'denied']) });
  if (path >= 5 && events.at(-1)!.outcome === 'denied' && day + 10 < end) {
    events.push({ type: 'bia_appeal_filed', date: iso(day + 10) });
    events.push({ type: 'bia_decision', date: iso(step()), outcome: pick(['dismissed', 'remanded']) });
  }
  if (r() < 0.3) events.push({ type: 'address_change', date: iso(step()) });
  const birthDate = r() < 0.8 ? iso(day - 6000 - Math.floor(r() * 15000)) : undefined;
  const person: PersonDetails = {
    name: `${pick(GIVEN)} ${pick(FAMILY)}`,
    ...(r() < 0.7 ? { aNumber: `A${String(200_000_000 + serial).padStart(9, '0')}` } : {}),
    ...(birthDate ? { birthDate } : {}),
    countryOfNationality: pick(COUNTRIES),
    ...(r() < 0.5 ? { address: `${1 + Math.floor(r() * 999)} Main Street, Apt ${serial % 50}` } : {}),
  };
  const screening =
    r() < 0.2
      ? null
      : Object.fromEntries(
          Object.entries({
            fearOfReturn: maybe(r() < 0.8),
            protectedGround: maybe(
              pick(['race', 'religion', 'political_opinion', 'particular_social_group']),
            ),
            harmBy: maybe(
              pick(['state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects']),
            ),
            harmSeverity: maybe(pick(['persecution', 'harassment_discrimination_only'])),
            tortureRisk: maybe(pick(['more_likely_than_not', 'possible', 'none'])),
            usCitizenSpouse: maybe(r() < 0.2),
          }).filter(([, v]) => v !== undefined),
        );
  return { person, screening, events };
}

/** The deadlines `CaseService` stores for a case (same mapping as its private `recompute`). */
export function deadlinesOf(c: SyntheticCase, today: string) {
  const report = computeDeadlines(
    parseCaseFacts({
      asOf: today,
      person: c.person.birthDate ? { birthDate: c.person.birthDate } : {},
      events: c.events,
      ...(c.screening ? { screening: c.screening } : {}),
    }),
  );
  return report.deadlines.map((d) => ({
    deadlineId: d.id,
    due: formatDate(d.due),
    kind: d.kind,
    status: d.status,
  }));
}

export interface SeedOptions {
  readonly db: Kysely<Database>;
  readonly crypto: FieldCrypto;
  readonly orgId: string;
  readonly count: number;
  readonly today: string;
  /** The rules version written on the cases and their deadlines. */
  readonly rulesVersion: string;
  readonly batchSize?: number;
  readonly seed?: number;
  /** Keep every case id (with its version, 1) for the API benchmark. */
  readonly collectIds?: boolean;
  readonly onProgress?: (done: number) => void;
}

export interface SeedResult {
  readonly cases: number;
  readonly events: number;
  readonly deadlines: number;
  /** Cases the law core refused (impossible sequences): kept without deadlines, as the tracker would not. */
  readonly refused: number;
  readonly seconds: number;
  readonly ids: string[];
}

export async function seedCases(o: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const r = mulberry32(o.seed ?? 20261130);
  const batchSize = o.batchSize ?? 2000;
  const nameTokens = new Map<string, string>();
  const tokensOf = (name: string) => {
    let t = nameTokens.get(name);
    if (t === undefined) {
      t = `{${o.crypto.nameTokens(name).join(',')}}`;
      nameTokens.set(name, t);
    }
    return t;
  };
  const nowMs = Date.now();
  const ids: string[] = [];
  let events = 0;
  let deadlines = 0;
  let refused = 0;
  let pending: Promise<unknown> | undefined;
  for (let start = 0; start < o.count; start += batchSize) {
    const n = Math.min(batchSize, o.count - start);
    const c = {
      id: [] as string[],
      p: [] as string[],
      s: [] as (string | null)[],
      a: [] as (string | null)[],
    };
    const names: string[] = [];
    const updated: string[] = [];
    const e = { id: [] as string[], case: [] as string[], type: [] as string[], date: [] as string[] };
    const eData: string[] = [];
    const d = { case: [] as string[], id: [] as string[], due: [] as string[], kind: [] as string[] };
    const dStatus: string[] = [];
    for (let i = 0; i < n; i++) {
      const serial = start + i;
      const sc = syntheticCase(r, o.today, serial);
      const id = randomUUID();
      if (o.collectIds) ids.push(id);
      c.id.push(id);
      c.p.push(o.crypto.encrypt(sc.person, `cases.person_enc:${id}`));
      c.s.push(sc.screening ? o.crypto.encrypt(sc.screening, `cases.screening_enc:${id}`) : null);
      c.a.push(sc.person.aNumber ? o.crypto.blindIndex(sc.person.aNumber, 'a_number') : null);
      names.push(tokensOf(sc.person.name));
      // Spread over the past year, so "most recently changed first" has something to sort.
      updated.push(new Date(nowMs - Math.floor(r() * 365 * 86_400_000)).toISOString());
      for (const ev of sc.events) {
        const eid = randomUUID();
        e.id.push(eid);
        e.case.push(id);
        e.type.push(ev.type);
        e.date.push(ev.date);
        eData.push(o.crypto.encrypt(ev, `case_events.data_enc:${eid}`));
      }
      let computed: ReturnType<typeof deadlinesOf> = [];
      try {
        computed = deadlinesOf(sc, o.today);
      } catch (err) {
        if (!(err instanceof FactsError)) throw err;
        refused++;
      }
      for (const dl of computed) {
        d.case.push(id);
        d.id.push(dl.deadlineId);
        d.due.push(dl.due);
        d.kind.push(dl.kind);
        dStatus.push(dl.status);
      }
    }
    events += e.id.length;
    deadlines += d.id.length;
    // One statement in flight while the next batch is generated and sealed.
    await pending;
    pending = o.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO cases (id, org_id, person_enc, screening_enc, a_number_index, name_index, rules_version, created_at, updated_at)
        SELECT t.id::uuid, ${o.orgId}::uuid, t.p, t.s, t.a, t.n::text[], ${o.rulesVersion}, t.u::timestamptz, t.u::timestamptz
        FROM unnest(${c.id}::text[], ${c.p}::text[], ${c.s}::text[], ${c.a}::text[], ${names}::text[], ${updated}::text[])
          AS t(id, p, s, a, n, u)`.execute(tx);
      await sql`INSERT INTO case_events (id, case_id, org_id, type, date, data_enc)
        SELECT t.id::uuid, t.c::uuid, ${o.orgId}::uuid, t.ty, t.d::date, t.x
        FROM unnest(${e.id}::text[], ${e.case}::text[], ${e.type}::text[], ${e.date}::text[], ${eData}::text[])
          AS t(id, c, ty, d, x)`.execute(tx);
      if (d.id.length)
        await sql`INSERT INTO case_deadlines (case_id, org_id, deadline_id, due, kind, status, rules_version)
          SELECT t.c::uuid, ${o.orgId}::uuid, t.i, t.d::date, t.k, t.s, ${o.rulesVersion}
          FROM unnest(${d.case}::text[], ${d.id}::text[], ${d.due}::text[], ${d.kind}::text[], ${dStatus}::text[])
            AS t(c, i, d, k, s)
          ON CONFLICT DO NOTHING`.execute(tx);
    });
    pending.catch(() => {}); // awaited at the next turn or below; avoids an unhandled rejection meanwhile
    o.onProgress?.(start + n);
    await yieldToLoop();
  }
  await pending;
  return { cases: o.count, events, deadlines, refused, seconds: (performance.now() - started) / 1000, ids };
}

/** Reads seeded cases back through the store: proves the rows are what the tracker itself writes. */
export async function checkSeed(store: CaseStore, orgId: string): Promise<void> {
  const { cases } = await store.listCases(store.db, orgId, { status: 'all', limit: 3, offset: 0 });
  if (cases.length === 0) throw new Error('seeding wrote no readable case');
  for (const c of cases) {
    const events = await store.listEvents(store.db, c.id);
    if (events.length === 0 || typeof events[0]!.event.type !== 'string')
      throw new Error(`seeded case ${c.id} has no readable events`);
  }
}

/** A fresh organisation row (no admin: the recompute benchmark needs none). */
export async function createBenchOrg(db: Kysely<Database>, name: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('organisations').values({ id, name }).execute();
  return id;
}

export async function vacuumAnalyze(db: Kysely<Database>): Promise<void> {
  await sql`VACUUM ANALYZE`.execute(db);
}
