/**
 * A PROTOTYPE, for comparison only: the same recomputation as `CaseService.recomputeAll` (deadlines
 * from the law core, what moved recorded with its authority, cases whose facts no longer pass marked
 * and kept, one audit entry per case), but a thousand cases per round of statements instead of
 * about ten statements per case, and the next batch read by keyset (`id > last`) instead of
 * rescanning from the start. The server does not use it; the recompute benchmark runs it after the
 * real path to show what batching would give on the same machine and data.
 *
 * It reads the tables directly (it has the field key), so it must follow case-store.ts's contexts.
 */
import { type Kysely, sql } from 'kysely';
import { DEADLINES } from '../../law/deadlines.ts';
import {
  citationLabel,
  computeDeadlines,
  FactsError,
  formatDate,
  parseCaseFacts,
} from '../../src/core/index.ts';
import type { FieldCrypto } from '../../src/server/security/field-crypto.ts';
import type { EventData, PersonDetails } from '../../src/store/case-store.ts';
import type { Database } from '../../src/store/schema.ts';

interface CaseRow {
  id: string;
  org_id: string;
  person_enc: string;
  screening_enc: string | null;
  rules_version: string | null;
}

const arrayLiteral = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

export async function bulkRecompute(
  db: Kysely<Database>,
  crypto: FieldCrypto,
  today: string,
  rulesVersion: string,
  onProgress: (done: number) => void,
  batchSize = 1000,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  let pending: Promise<unknown> | undefined;
  for (;;) {
    const { rows } = await sql<CaseRow>`SELECT id, org_id, person_enc, screening_enc, rules_version FROM cases
      WHERE (rules_version IS NULL OR rules_version <> ${rulesVersion}) AND id > ${after}::uuid
      ORDER BY id LIMIT ${batchSize}`.execute(db);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    after = ids.at(-1)!;
    const [events, old] = await Promise.all([
      sql<{ id: string; case_id: string; data_enc: string }>`SELECT id, case_id, data_enc FROM case_events
        WHERE case_id = ANY(${ids}::uuid[]) AND removed_at IS NULL ORDER BY case_id, date, created_at`.execute(
        db,
      ),
      sql<{
        case_id: string;
        deadline_id: string;
        due: string;
      }>`SELECT case_id, deadline_id, due FROM case_deadlines
        WHERE case_id = ANY(${ids}::uuid[])`.execute(db),
    ]);
    const eventsOf = new Map<string, EventData[]>();
    for (const e of events.rows) {
      const list = eventsOf.get(e.case_id) ?? [];
      list.push(crypto.decrypt(e.data_enc, `case_events.data_enc:${e.id}`) as EventData);
      eventsOf.set(e.case_id, list);
    }
    const oldOf = new Map<string, Map<string, string>>();
    for (const d of old.rows) {
      const m = oldOf.get(d.case_id) ?? new Map<string, string>();
      m.set(d.deadline_id, String(d.due));
      oldOf.set(d.case_id, m);
    }
    const replaced: string[] = [];
    const dl = {
      c: [] as string[],
      o: [] as string[],
      i: [] as string[],
      d: [] as string[],
      k: [] as string[],
    };
    const dStatus: string[] = [];
    const ch = { c: [] as string[], o: [] as string[], i: [] as string[], a: [] as string[] };
    const chOld: (string | null)[] = [];
    const chNew: (string | null)[] = [];
    for (const row of rows) {
      const person = crypto.decrypt(row.person_enc, `cases.person_enc:${row.id}`) as PersonDetails;
      const screening = row.screening_enc
        ? (crypto.decrypt(row.screening_enc, `cases.screening_enc:${row.id}`) as Record<string, unknown>)
        : null;
      let report: ReturnType<typeof computeDeadlines>;
      try {
        report = computeDeadlines(
          parseCaseFacts({
            asOf: today,
            person: person.birthDate ? { birthDate: person.birthDate } : {},
            events: eventsOf.get(row.id) ?? [],
            ...(screening ? { screening } : {}),
          }),
        );
      } catch (err) {
        if (!(err instanceof FactsError)) throw err;
        continue; // kept as it was; only its rules version moves (below), as recomputeAll does
      }
      replaced.push(row.id);
      const after = new Map<string, string>();
      for (const d of report.deadlines) {
        const due = formatDate(d.due);
        after.set(d.id, due);
        dl.c.push(row.id);
        dl.o.push(row.org_id);
        dl.i.push(d.id);
        dl.d.push(due);
        dl.k.push(d.kind);
        dStatus.push(d.status);
      }
      if (row.rules_version !== null && row.rules_version !== rulesVersion) {
        const before = oldOf.get(row.id) ?? new Map<string, string>();
        for (const id of new Set([...before.keys(), ...after.keys()])) {
          if (before.get(id) === after.get(id)) continue;
          const authority = (
            report.deadlines.find((d) => d.id === id)?.authority ??
            DEADLINES.find((d) => d.id === id)?.authority ??
            []
          ).map((a) => citationLabel(a));
          ch.c.push(row.id);
          ch.o.push(row.org_id);
          ch.i.push(id);
          ch.a.push(arrayLiteral(authority));
          chOld.push(before.get(id) ?? null);
          chNew.push(after.get(id) ?? null);
        }
      }
    }
    const orgs = rows.map((r) => r.org_id);
    await pending;
    pending = db.transaction().execute(async (tx) => {
      if (replaced.length)
        await sql`DELETE FROM case_deadlines WHERE case_id = ANY(${replaced}::uuid[])`.execute(tx);
      if (dl.c.length)
        await sql`INSERT INTO case_deadlines (case_id, org_id, deadline_id, due, kind, status, rules_version)
          SELECT t.c::uuid, t.o::uuid, t.i, t.d::date, t.k, t.s, ${rulesVersion}
          FROM unnest(${dl.c}::text[], ${dl.o}::text[], ${dl.i}::text[], ${dl.d}::text[], ${dl.k}::text[], ${dStatus}::text[])
            AS t(c, o, i, d, k, s)
          ON CONFLICT DO NOTHING`.execute(tx);
      if (ch.c.length)
        await sql`INSERT INTO deadline_changes (case_id, org_id, deadline_id, old_due, new_due, rules_version, authority)
          SELECT t.c::uuid, t.o::uuid, t.i, t.od::date, t.nd::date, ${rulesVersion}, t.a::text[]
          FROM unnest(${ch.c}::text[], ${ch.o}::text[], ${ch.i}::text[], ${chOld}::text[], ${chNew}::text[], ${ch.a}::text[])
            AS t(c, o, i, od, nd, a)`.execute(tx);
      await sql`UPDATE cases SET rules_version = ${rulesVersion} WHERE id = ANY(${ids}::uuid[])`.execute(tx);
      await sql`INSERT INTO audit_log (org_id, user_id, case_id, action)
        SELECT t.o::uuid, NULL, t.c::uuid, 'case.recompute' FROM unnest(${orgs}::text[], ${ids}::text[]) AS t(o, c)`.execute(
        tx,
      );
    });
    pending.catch(() => {}); // awaited next turn or below
    done += rows.length;
    onProgress(done);
  }
  await pending;
  return done;
}
