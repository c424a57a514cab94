/**
 * Golden deadline cases: the public examples from shared/law/examples.json and our own, each a
 * worked example computed by hand from RULES.md (never copied from this code's output).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, parseCaseFacts } from '../../src/core/index.ts';
import { deadlinesReportJson } from '../../src/render/deadlines-json.ts';
import { loadGoldenCases } from './golden-cases.ts';

const dir = join(import.meta.dirname, 'deadlines');
const files = loadGoldenCases(dir);

describe('golden deadline cases', () => {
  it('keeps the copy of the public examples identical to shared/law/examples.json when it is beside the repo', () => {
    const shared = join(import.meta.dirname, '../../../shared/law/examples.json');
    const copy = readFileSync(join(dir, 'shared-examples.json'), 'utf8');
    if (existsSync(shared)) expect(JSON.parse(copy)).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
    expect(JSON.parse(copy).examples.length).toBeGreaterThanOrEqual(19);
  });

  it('has at least 60 cases of our own besides the public examples, each citing a source', () => {
    const own = files.filter((f) => f.file !== 'shared-examples.json').flatMap((f) => f.cases);
    expect(own.length).toBeGreaterThanOrEqual(60);
    for (const c of own) expect(c.source, c.id).toMatch(/\S/);
    expect(new Set(own.map((c) => c.id)).size).toBe(own.length);
  });

  for (const { file, cases } of files) {
    describe(file, () => {
      for (const c of cases) {
        it(`${c.id}: ${c.title ?? c.topic ?? ''}`, () => {
          const report = deadlinesReportJson(computeDeadlines(parseCaseFacts(c.input)));
          if (c.expect.posture !== undefined) expect(report.posture, 'posture').toBe(c.expect.posture);
          for (const want of c.expect.deadlines ?? []) {
            const got = report.deadlines.filter((d) => d.id === want.id);
            expect(got.length, `${want.id} is in the output`).toBeGreaterThan(0);
            const match = got.find((d) => want.due === undefined || d.due === want.due) ?? got[0]!;
            const picked: Record<string, string> = { id: match.id };
            if (want.due !== undefined) picked.due = match.due;
            if (want.kind !== undefined) picked.kind = match.kind;
            if (want.status !== undefined) picked.status = match.status;
            expect(picked, `${want.id} (${c.note ?? c.expect.note ?? ''})`).toEqual(want);
          }
          for (const id of c.expect.absent ?? []) {
            expect(
              report.deadlines.map((d) => d.id),
              `${id} must be absent`,
            ).not.toContain(id);
          }
        });
      }
    });
  }
});
