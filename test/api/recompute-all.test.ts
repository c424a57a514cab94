/**
 * Recomputation after a rules change in batches (`CaseService.recomputeAll`) against the per-case
 * path it replaced (`recompute` in one transaction per case, the code create, update and events
 * still use): on both databases, two organisations get the same cases in the same state (most on
 * an older rules version with some deadlines moved, added or removed, one never computed, some
 * already current, one whose facts no longer pass); one goes through the per-case path, the other
 * through recomputeAll in batches smaller than the work, and what each stored must be the same.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCase } from '../../bench/support/cases.ts';
import { RULES_VERSION } from '../../src/render/deadlines-json.ts';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import type { CaseRecord, CaseStore, Db } from '../../src/store/case-store.ts';
import { type Actor, CaseService, TrackerError } from '../../src/tracker/case-service.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';
import { mulberry32 } from '../support/rng.ts';

const TODAY = '2026-11-23';
const OLD_RULES = 'test-previous-rules';
const CASES = 14;
const BATCH = 4;

/** What a case's recomputation leaves, in a form that compares across organisations. */
async function stateOf(rt: Runtime, caseId: string) {
  const db = rt.store.db;
  const kase = await db
    .selectFrom('cases')
    .select(['rules_version', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const deadlines = await db
    .selectFrom('case_deadlines')
    .select(['deadline_id', 'due', 'kind', 'status', 'rules_version'])
    .where('case_id', '=', caseId)
    .orderBy('deadline_id')
    .orderBy('due')
    .execute();
  const changes = await db
    .selectFrom('deadline_changes')
    .select(['deadline_id', 'old_due', 'new_due', 'rules_version', 'authority', 'reviewed_at'])
    .where('case_id', '=', caseId)
    .orderBy('deadline_id')
    .execute();
  const audit = await db
    .selectFrom('audit_log')
    .select(['user_id', 'action'])
    .where('case_id', '=', caseId)
    .where('action', '=', 'case.recompute')
    .execute();
  return { rulesVersion: kase.rules_version, version: kase.version, deadlines, changes, audit };
}

for (const kind of databaseKinds) {
  describe(`recomputeAll in batches (${kind})`, () => {
    let fresh: FreshDatabase | undefined;
    let rt: Runtime;
    /** Case ids by organisation, the same case at the same index in each. */
    const ids: { a: string[]; b: string[] } = { a: [], b: [] };
    let current: Set<number>;

    /** The same synthetic cases in an organisation, as the API would have stored them. */
    async function seed(actor: Actor): Promise<string[]> {
      const r = mulberry32(7);
      const out: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const c = syntheticCase(r, TODAY, i);
        const created = await rt.cases.create(actor, { person: c.person, screening: c.screening });
        let version = created.version;
        for (const event of c.events) {
          const changed = await rt.cases.changeEvent(actor, created.id, version, { kind: 'add', event });
          version = changed.case.version;
        }
        out.push(created.id);
      }
      return out;
    }

    /** A rules change's leftovers, the same in both organisations (by index). */
    async function makeOld(caseIds: readonly string[]) {
      const db = rt.store.db;
      for (const [i, id] of caseIds.entries()) {
        if (current.has(i)) continue;
        await db
          .updateTable('cases')
          .set({ rules_version: i === 1 ? null : OLD_RULES })
          .where('id', '=', id)
          .execute();
        const stored = await rt.store.listDeadlines(db, id);
        const first = stored[0];
        if (!first) continue;
        if (i % 3 === 0) {
          // The older rules put one date a day later.
          await db
            .updateTable('case_deadlines')
            .set({ due: '2031-01-01', rules_version: OLD_RULES })
            .where('case_id', '=', id)
            .where('deadline_id', '=', first.deadlineId)
            .execute();
        } else if (i % 3 === 1) {
          // The older rules had no such deadline.
          await db.deleteFrom('case_deadlines').where('case_id', '=', id).execute();
        } else {
          // The older rules had a deadline the new ones do not.
          await db
            .insertInto('case_deadlines')
            .values({
              case_id: id,
              org_id: (await orgOf(id))!,
              deadline_id: 'bia_appeal',
              due: '2030-05-05',
              kind: 'deadline',
              status: 'upcoming',
              rules_version: OLD_RULES,
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }
      // One case whose facts no longer pass (an event after today): kept as it was.
      const broken = caseIds[2]!;
      const orgId = (await orgOf(broken))!;
      await rt.store.addEvent(db, orgId, broken, randomUUID(), {
        type: 'address_change',
        date: '2030-01-01',
      });
    }

    const orgOf = async (caseId: string) =>
      (await rt.store.db.selectFrom('cases').select('org_id').where('id', '=', caseId).executeTakeFirst())
        ?.org_id;

    /** The path recomputeAll replaced, verbatim: one transaction per case, in id order. */
    async function perCase(caseIds: readonly string[]) {
      const service = rt.cases as unknown as { recompute(tx: Db, record: CaseRecord): Promise<void> };
      for (const id of [...caseIds].sort()) {
        const orgId = (await orgOf(id))!;
        await rt.store.db.transaction().execute(async (tx) => {
          const record = (await rt.store.getCase(tx, orgId, id))!;
          if (record.rulesVersion === RULES_VERSION) return;
          try {
            await service.recompute(tx, record);
          } catch (err) {
            if (!(err instanceof TrackerError)) throw err;
            await rt.store.setRulesVersion(tx, [id], RULES_VERSION);
          }
          await rt.store.audit(tx, {
            orgId: record.orgId,
            userId: null,
            caseId: id,
            action: 'case.recompute',
          });
        });
      }
    }

    beforeAll(async () => {
      fresh = await freshDatabase(kind);
      rt = await openRuntime(
        readConfig({
          DATA_DIR: fresh.options.dataDir,
          ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
        }),
        { env: {}, today: () => TODAY },
      );
      const actors: Actor[] = [];
      for (const name of ['A', 'B']) {
        const org = await rt.accounts.createOrganisation({
          name: `Org ${name}`,
          adminEmail: `admin@${name.toLowerCase()}.test`,
          adminPassword: 'a long test password',
        });
        actors.push({ userId: org.userId, orgId: org.orgId, role: 'admin', clientCaseId: null });
      }
      ids.a = await seed(actors[0]!);
      ids.b = await seed(actors[1]!);
      current = new Set([5, 9]);
      await makeOld(ids.a);
      await makeOld(ids.b);
    }, 180_000);

    afterAll(async () => {
      await rt?.close();
      await fresh?.remove();
    });

    it('stores the same deadlines, changes and audit entries as a transaction per case', async () => {
      const untouched = await Promise.all(
        [...current].map(async (i) => ({
          i,
          computed: await rt.store.db
            .selectFrom('case_deadlines')
            .select(['deadline_id', 'due', 'computed_at'])
            .where('case_id', '=', ids.a[i]!)
            .orderBy('deadline_id')
            .orderBy('due')
            .execute(),
        })),
      );
      await perCase(ids.b);
      const progress: number[] = [];
      const done = await rt.cases.recomputeAll({ batchSize: BATCH, onProgress: (n) => progress.push(n) });
      const expected = CASES - current.size;
      expect(done).toBe(expected);
      // One call per batch, after it is committed.
      expect(progress).toEqual(
        Array.from({ length: Math.ceil(expected / BATCH) }, (_, k) => Math.min((k + 1) * BATCH, expected)),
      );
      let recorded = 0;
      for (let i = 0; i < CASES; i++) {
        const a = await stateOf(rt, ids.a[i]!);
        const b = await stateOf(rt, ids.b[i]!);
        expect({ i, ...a }).toEqual({ i, ...b });
        expect(a.rulesVersion).toBe(RULES_VERSION);
        expect(a.audit).toEqual(current.has(i) ? [] : [{ user_id: null, action: 'case.recompute' }]);
        recorded += a.changes.length;
      }
      // The comparison saw real work: dates moved, appeared and vanished; the broken case kept its deadlines.
      expect(recorded).toBeGreaterThanOrEqual(5);
      const changes = await rt.store.db
        .selectFrom('deadline_changes')
        .select(['old_due', 'new_due'])
        .where('case_id', 'in', ids.a)
        .execute();
      expect(changes.some((c) => c.old_due === null)).toBe(true);
      expect(changes.some((c) => c.new_due === null)).toBe(true);
      expect(changes.some((c) => c.old_due !== null && c.new_due !== null)).toBe(true);
      expect((await stateOf(rt, ids.a[2]!)).changes).toEqual([]);
      // Cases already on the current rules are not rewritten.
      for (const { i, computed } of untouched) {
        expect(
          await rt.store.db
            .selectFrom('case_deadlines')
            .select(['deadline_id', 'due', 'computed_at'])
            .where('case_id', '=', ids.a[i]!)
            .orderBy('deadline_id')
            .orderBy('due')
            .execute(),
        ).toEqual(computed);
      }
      // The audit trail lists a batch's cases in id order, as one transaction per case did.
      const trail = await rt.store.db
        .selectFrom('audit_log')
        .select('case_id')
        .where('action', '=', 'case.recompute')
        .where('org_id', '=', (await orgOf(ids.a[0]!))!)
        .orderBy('id')
        .execute();
      const order = trail.map((t) => t.case_id!);
      expect(order).toEqual([...order].sort());
      expect(await rt.cases.recomputeAll({ batchSize: BATCH })).toBe(0);
    });

    it('stops when the progress callback throws, keeping the batches committed, and goes on next time', async () => {
      const db = rt.store.db;
      await db.updateTable('cases').set({ rules_version: OLD_RULES }).where('id', 'in', ids.a).execute();
      const stop = new Error('stop here');
      await expect(
        rt.cases.recomputeAll({
          batchSize: BATCH,
          onProgress: () => {
            throw stop;
          },
        }),
      ).rejects.toBe(stop);
      const left = async () =>
        (await db.selectFrom('cases').select('id').where('rules_version', '=', OLD_RULES).execute()).length;
      expect(await left()).toBe(CASES - BATCH);
      expect(await rt.cases.recomputeAll({ batchSize: BATCH })).toBe(CASES - BATCH);
      expect(await left()).toBe(0);
    });

    it('keeps the cases before an unexpected error in its batch, as a transaction per case did, then stops', async () => {
      const db = rt.store.db;
      await db.updateTable('cases').set({ rules_version: OLD_RULES }).where('id', 'in', ids.a).execute();
      const order = [...ids.a].sort();
      // The sixth case in id order: the second of the second batch.
      const failing = order[BATCH + 1]!;
      const boom = new Error('not a refusal of the facts: a bug');
      const store = Object.create(rt.store) as CaseStore;
      store.listEventsOf = async (tx, caseIds) => {
        const events = await rt.store.listEventsOf(tx, caseIds);
        if (events.has(failing))
          events.set(
            failing,
            new Proxy([], {
              get() {
                throw boom;
              },
            }),
          );
        return events;
      };
      const service = new CaseService(store, () => TODAY);
      await expect(service.recomputeAll({ batchSize: BATCH })).rejects.toBe(boom);
      const recomputed = await db
        .selectFrom('cases')
        .select('id')
        .where('id', 'in', ids.a)
        .where('rules_version', '=', RULES_VERSION)
        .orderBy('id')
        .execute();
      expect(recomputed.map((r) => r.id)).toEqual(order.slice(0, BATCH + 1));
      expect(await rt.cases.recomputeAll({ batchSize: BATCH })).toBe(CASES - BATCH - 1);
    });
  });
}
