/**
 * Golden screening scenarios: worked examples of what each relief's status should be, each citing
 * its source, decided from RULES.md and docs/screening-rules.md (never copied from this code).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, parseCaseFacts } from '../../src/core/index.ts';
import { assessmentJson } from '../../src/render/assessment-json.ts';
import { loadGoldenCases } from './golden-cases.ts';

interface ScreeningExpect {
  readonly relief?: Record<string, { status?: string; bars?: string[]; missingFactsInclude?: string[] }>;
  readonly missingFactsExclude?: Record<string, string[]>;
  readonly warningsInclude?: string[];
  readonly nextStepsInclude?: string[];
  readonly withdrawalChannel?: string | null;
  readonly posture?: string;
}

const files = loadGoldenCases(join(import.meta.dirname, 'screening'));

describe('golden screening scenarios', () => {
  it('has at least 80 scenarios, each citing a source, with unique ids', () => {
    const all = files.flatMap((f) => f.cases);
    expect(all.length).toBeGreaterThanOrEqual(80);
    for (const c of all) expect(c.source, c.id).toMatch(/\S/);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  for (const { file, cases } of files) {
    describe(file, () => {
      for (const c of cases) {
        it(`${c.id}: ${c.title ?? ''}`, () => {
          const want = c.expect as unknown as ScreeningExpect;
          const out = assessmentJson(assess(parseCaseFacts(c.input)));
          if (want.posture !== undefined) expect(out.posture).toBe(want.posture);
          for (const [id, w] of Object.entries(want.relief ?? {})) {
            const got = out.relief.find((r) => r.id === id);
            expect(got, id).toBeDefined();
            if (w.status !== undefined)
              expect({ id, status: got!.status }, c.note ?? '').toEqual({ id, status: w.status });
            for (const bar of w.bars ?? []) expect(got!.bars, `${id} bars`).toContain(bar);
            for (const f of w.missingFactsInclude ?? [])
              expect(got!.missingFacts, `${id} asks ${f}`).toContain(f);
          }
          for (const [id, facts] of Object.entries(want.missingFactsExclude ?? {})) {
            const got = out.relief.find((r) => r.id === id)!;
            for (const f of facts) expect(got.missingFacts, `${id} must not ask ${f}`).not.toContain(f);
          }
          for (const code of want.warningsInclude ?? [])
            expect(out.warnings.map((w) => w.code)).toContain(code);
          for (const step of want.nextStepsInclude ?? [])
            expect(out.nextSteps.map((s) => s.id)).toContain(step);
          if (want.withdrawalChannel !== undefined && want.withdrawalChannel !== null) {
            expect(out.withdrawal?.channel).toBe(want.withdrawalChannel);
          }
        });
      }
    });
  }
});
