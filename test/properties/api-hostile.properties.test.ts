/**
 * Hostile input against every endpoint of the API, on both databases: fast-check sends each route
 * in the OpenAPI document wrong types, huge strings, deep nesting, impossible and out-of-range dates,
 * unknown event types, broken Unicode, prototype-pollution keys, bad queries and bad ids. Every
 * answer is a 2xx or a 4xx in the one error shape, never a 500; a refused request changes nothing
 * in the database; and no prototype is polluted.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/openapi.ts';
import type { Runtime } from '../../src/server/runtime.ts';
import { databaseKinds } from '../support/databases.ts';
import { type RuntimeWithOrgs, runtimeWithOrgs } from '../support/runtime.ts';

const RUNS = 250;

/** Tables a request could write to; a refused request must leave every count as it was. */
const TABLES = ['cases', 'case_events', 'case_notes', 'case_files', 'memberships', 'users', 'api_tokens'];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '2026-02-30',
    '1899-12-31',
    '2101-01-01',
    '0000-00-00',
    '\uD800',
    '\u0000',
    '\u202Eevil',
    '',
  ),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'A12345678', 'unknown_thing', 'arrival'),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);
/** Deep nesting, written as text: JSON.stringify itself would run out of stack. */
const deep = fc
  .integer({ min: 50, max: 20_000 })
  .map((n) => `${'{"a":['.repeat(n)}"bottom"${']}'.repeat(n)}`);
const polluting = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"person":{"name":"A","__proto__":{"polluted":true}}}',
  '{"version":1,"event":{"type":"arrival","date":"2025-01-01","__proto__":{"polluted":true}}}',
);
/** Bodies: near-valid shapes with bad values, anything at all, deep nesting, raw text. */
const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        person: fc.record(
          { name: hostileString, aNumber: hostileString, birthDate: hostileString },
          {
            requiredKeys: [],
          },
        ),
        version: fc.oneof(fc.integer(), hostileString),
        event: fc.record(
          { type: hostileString, date: hostileString, outcome: hostileString },
          { requiredKeys: [] },
        ),
        screening: fc.dictionary(hostileString, fc.anything({ maxDepth: 2 })),
        format: hostileString,
        details: fc.anything({ maxDepth: 3 }),
        body: hostileString,
        email: hostileString,
        password: hostileString,
        role: hostileString,
        passphrase: hostileString,
        bundle: hostileString,
        exhibits: fc.array(fc.record({ fileId: hostileString, description: hostileString }), {
          maxLength: 3,
        }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  deep,
  polluting,
  fc.string({ maxLength: 200 }),
);
const queryArb = fc.dictionary(
  fc.constantFrom('page', 'pageSize', 'q', 'within', 'status', 'asOf', 'name', 'version', '__proto__'),
  fc.oneof(hostileString, fc.integer().map(String), fc.constantFrom('-1', '1e9', '30d', '9999d', 'NaN')),
  { maxKeys: 3 },
);

/** A lone surrogate cannot go into a URL at all; the server gets the replacement character. */
function wellFormed(s: string): string {
  return s.replace(/\p{Cs}/gu, '\uFFFD');
}

interface Route {
  readonly method: string;
  readonly path: string;
}

for (const kind of databaseKinds) {
  describe(`every API endpoint under hostile input (${kind})`, () => {
    let setup: RuntimeWithOrgs | undefined;
    let rt: Runtime;
    let cookie = '';
    let csrf = '';
    const ids: Record<string, string> = {};

    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of TABLES)
        out[t] = Number(
          (await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(rt.store.db)).rows[0]!
            .n,
        );
      return out;
    };

    beforeAll(async () => {
      setup = await runtimeWithOrgs(kind, ['a'], {
        today: '2026-11-23',
        settings: { EXPENSIVE_REQUESTS_PER_MINUTE: '100000' },
      });
      rt = setup.rt;
      ({ cookie, csrf } = setup.sessions.a!);
      const orgId = setup.orgs.a!;
      ids.orgId = orgId;
      const created = await rt.app.request(`/api/v1/orgs/${orgId}/cases`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ person: { name: 'José Núñez', aNumber: 'A012345678' } }),
      });
      ids.caseId = ((await created.json()) as { id: string }).id;
    }, 120_000);

    afterAll(async () => {
      await setup?.close();
    });

    it('answers every request with a 2xx or a 4xx, and a refused one changes nothing', async () => {
      const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
      const routes: Route[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          // Signing out would end the session the rest of the run uses.
          .filter(() => path !== '/api/v1/auth/logout')
          .map((method) => ({ method: method.toUpperCase(), path })),
      );
      expect(routes.length).toBeGreaterThan(30);
      const param = (name: string) =>
        fc.oneof(
          fc.constant(ids[name] ?? 'withdrawal-letter'),
          hostileString.map((s) => encodeURIComponent(wellFormed(s.slice(0, 200)))),
          fc.uuid(),
        );
      const requestArb = fc.constantFrom(...routes).chain((route) =>
        fc.record({
          route: fc.constant(route),
          params: fc.tuple(
            ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => param(m[1]!)),
            fc.constant(''),
          ),
          query: queryArb,
          body: bodyArb,
          type: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/pdf'),
        }),
      );
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(requestArb, async ({ route, params, query, body, type }) => {
          let i = 0;
          const path = route.path.replace(/\{\w+\}/g, () => params[i++] as string);
          const search = new URLSearchParams(
            Object.entries(query).map(([k, v]) => [k, wellFormed(v)]),
          ).toString();
          const before = await counts();
          const res = await rt.app.request(`${path}${search ? `?${search}` : ''}`, {
            method: route.method,
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': type },
            ...(body !== undefined && route.method !== 'GET' ? { body } : {}),
          });
          const text = await res.text();
          expect(
            res.status,
            `${route.method} ${path} answered ${res.status}: ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.status >= 400) {
            refused++;
            const error = (JSON.parse(text) as { error: Record<string, unknown> }).error;
            expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
            expect(await counts(), `${route.method} ${path} was refused but wrote`).toEqual(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS, seed: kind === 'pglite' ? 20261130 : 20261201 },
      );
      // The run exercised refusals, not only the happy path.
      expect(refused).toBeGreaterThan(RUNS / 2);
    }, 300_000);
  });
}
