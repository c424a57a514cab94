/**
 * Crash safety: a client writes cases and events as fast as it can while the real server process
 * is killed with SIGKILL at random moments, 20 times on each database. After every restart each
 * write the server acknowledged is there, and the database is consistent: every case's version
 * counts its changes, and its stored deadlines are what the law core computes from its stored
 * events (a write is all or nothing, never half done).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { mulberry32 } from '../support/rng.ts';
import {
  freshOrgDatabase,
  type ServerProcess,
  type Session,
  signIn,
  startServerProcess,
} from './server-process.ts';

const KILLS = 20;

/** What the server said it stored: each case and how many events it acknowledged for it. */
type Acknowledged = Map<string, number>;

/**
 * Creates cases and adds events to them until the server stops answering. Every 2xx answer is
 * recorded before the next request, so `acked` holds exactly what the server acknowledged.
 */
async function writeUntilKilled(
  url: string,
  s: Session,
  acked: Acknowledged,
  round: number,
  onFirstAck: () => void,
): Promise<void> {
  const base = `${url}/api/v1/orgs/${s.orgId}/cases`;
  try {
    for (let i = 0; ; i++) {
      const created = await fetch(base, {
        method: 'POST',
        headers: s.headers,
        body: JSON.stringify({ person: { name: `Crash ${round}.${i}` } }),
      });
      if (created.status !== 201) throw new Error(`create answered ${created.status}`);
      const c = (await created.json()) as { id: string; version: number };
      acked.set(c.id, 0);
      onFirstAck();
      let version = c.version;
      const events = [
        { type: 'arrival', date: '2025-06-02', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2025-08-01' },
        { type: 'ij_decision', date: '2026-10-01', outcome: 'denied' },
      ];
      for (const event of events) {
        const res = await fetch(`${base}/${c.id}/events`, {
          method: 'POST',
          headers: s.headers,
          body: JSON.stringify({ version, event }),
        });
        if (res.status !== 201) throw new Error(`add event answered ${res.status}: ${await res.text()}`);
        version = ((await res.json()) as { case: { version: number } }).case.version;
        acked.set(c.id, acked.get(c.id)! + 1);
      }
    }
  } catch (err) {
    // The only way out is the server going away mid-request; anything else is a real failure.
    if (!(err instanceof TypeError)) throw err;
  }
}

interface StoredCase {
  readonly id: string;
  readonly version: number;
  readonly events: readonly unknown[];
  readonly deadlines: readonly { deadlineId: string; due: string }[];
}

async function checkConsistent(url: string, s: Session, acked: Acknowledged): Promise<number> {
  const base = `${url}/api/v1/orgs/${s.orgId}/cases`;
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const list = (await (
      await fetch(`${base}?pageSize=100&page=${page}`, { headers: s.headers })
    ).json()) as {
      cases: { id: string }[];
    };
    ids.push(...list.cases.map((c) => c.id));
    if (list.cases.length < 100) break;
  }
  const missing = [...acked.keys()].filter((id) => !ids.includes(id));
  expect(missing, 'acknowledged cases lost').toEqual([]);
  for (const id of ids) {
    const stored = (await (await fetch(`${base}/${id}`, { headers: s.headers })).json()) as StoredCase;
    // Version 1 at creation, one more per event added: a half-applied change would break this.
    expect(stored.version, `case ${id} version`).toBe(1 + stored.events.length);
    expect(stored.events.length, `case ${id} events`).toBeGreaterThanOrEqual(acked.get(id) ?? 0);
    const assessed = await fetch(`${base}/${id}/assessment`, { headers: s.headers });
    expect(assessed.status, `case ${id} assessment`).toBe(200);
    const fresh = (await assessed.json()) as {
      deadlines: { id: string; due?: string | null }[];
    };
    const computed = fresh.deadlines
      .filter((d) => typeof d.due === 'string')
      .map((d) => `${d.id}@${d.due}`)
      .sort();
    const kept = stored.deadlines.map((d) => `${d.deadlineId}@${d.due}`).sort();
    expect(kept, `case ${id} stored deadlines`).toEqual(computed);
  }
  return ids.length;
}

for (const kind of databaseKinds) {
  describe(`crash safety (${kind})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    }, 60_000);

    it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments`, async () => {
      const database = await freshOrgDatabase(kind, {
        // The consistency check assesses every case, far more than a person would in a minute.
        EXPENSIVE_REQUESTS_PER_MINUTE: '100000',
      });
      cleanups.push(() => database.remove());
      const { env } = database;

      // Seeded, so a failure can be replayed with the same kill times.
      const random = mulberry32(kind === 'pglite' ? 7 : 11);
      const acked: Acknowledged = new Map();
      let server: ServerProcess | undefined;
      cleanups.push(async () => server?.stop(0));
      for (let round = 0; round < KILLS; round++) {
        server = await startServerProcess(env);
        const session = await signIn(server.url);
        if (round % 5 === 0) await checkConsistent(server.url, session, acked);
        // The kill comes at a random moment once writes are flowing, however slow the machine is.
        let flowing: () => void = () => {};
        const started = new Promise<void>((r) => {
          flowing = r;
        });
        const writing = writeUntilKilled(server.url, session, acked, round, () => flowing());
        await Promise.race([
          started,
          writing.then(() => {
            throw new Error('the writer stopped before the server was killed');
          }),
        ]);
        await new Promise((r) => setTimeout(r, Math.floor(random() * 500)));
        server.child.kill('SIGKILL');
        await writing;
        await server.stop(0);
      }
      server = await startServerProcess(env);
      const cases = await checkConsistent(server.url, await signIn(server.url), acked);
      expect(acked.size).toBeGreaterThanOrEqual(KILLS);
      expect(cases).toBeGreaterThanOrEqual(acked.size);
      await server.stop();
    }, 600_000);
  });
}
