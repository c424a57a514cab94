/**
 * Laws of the screening engine, checked on random cases (docs/screening-rules.md):
 * adding a bar never makes a relief more available; the order of events never matters; an
 * unknown answer never produces `barred` or `not_available` by itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type CaseFacts, parseCaseFacts, STATUS_RANK } from '../../src/core/index.ts';

const bool = fc.option(fc.boolean(), { nil: undefined });
const pick = <T>(...values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const screeningArb = fc.record(
  {
    fearOfReturn: bool,
    protectedGround: pick('race', 'religion', 'political_opinion', 'particular_social_group'),
    harmBy: pick('state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects'),
    harmSeverity: pick('persecution', 'harassment_discrimination_only'),
    tortureRisk: pick('more_likely_than_not', 'possible', 'none'),
    stateAcquiescence: bool,
    oneYearExceptions: fc.option(
      fc.record({ changedCircumstances: bool, extraordinaryCircumstances: bool }),
      { nil: undefined },
    ),
    unaccompaniedChild: bool,
    currentStatus: pick('in_status', 'out_of_status', 'paroled', 'no_status'),
    crimeVictimHelpfulToLawEnforcement: bool,
    traffickingVictim: bool,
    unmarried: bool,
    parentalAbuseNeglectAbandonment: bool,
    stateCourtOrder: bool,
    usCitizenSpouse: bool,
    lprParent: bool,
    goodMoralCharacter: bool,
    hardshipToQualifyingRelative: bool,
    newCountryConditionsEvidence: bool,
  },
  { requiredKeys: [] },
);

// A few realistic event histories, each consistent, to combine with random answers.
const histories: CaseFacts['events'][] = [
  [],
  [{ type: 'arrival', date: '2025-01-10', manner: 'entry_without_inspection' }],
  [
    { type: 'arrival', date: '2020-01-10', manner: 'admitted' },
    { type: 'asylum_filed', date: '2020-06-01', forum: 'uscis' },
  ],
  [
    { type: 'arrival', date: '2012-03-01', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2024-02-01' },
    { type: 'asylum_filed', date: '2024-05-01', forum: 'immigration_court' },
    { type: 'ij_decision', date: '2026-10-20', outcome: 'denied' },
  ],
  [
    { type: 'arrival', date: '2019-03-01', manner: 'paroled' },
    { type: 'nta_filed', date: '2021-02-01' },
    { type: 'in_absentia_order', date: '2022-02-01' },
  ],
];
const historyArb = fc.constantFrom(...histories);

function statuses(facts: unknown): Record<string, number> {
  const a = assess(parseCaseFacts(facts));
  return Object.fromEntries(a.relief.map((r) => [r.id, STATUS_RANK[r.status]]));
}

describe('screening laws', () => {
  it('adding a bar never makes any relief more available', () => {
    const barArb = fc.constantFrom<Record<string, unknown>>(
      { persecutorOfOthers: true },
      { firmResettlement: true },
      { securityOrTerrorismBar: true },
      { criminalHistory: [{ category: 'aggravated_felony', sentenceYears: 6 }] },
      { criminalHistory: [{ category: 'particularly_serious_crime' }] },
      { criminalHistory: [{ category: 'serious_nonpolitical_crime' }] },
      { reentryAfterUnlawfulPresence: true },
      { goodMoralCharacter: false },
    );
    fc.assert(
      fc.property(screeningArb, historyArb, barArb, (screening, events, bar) => {
        const before = statuses({
          asOf: '2026-11-22',
          person: { birthDate: '2008-05-05' },
          events,
          screening,
        });
        const after = statuses({
          asOf: '2026-11-22',
          person: { birthDate: '2008-05-05' },
          events,
          screening: { ...screening, ...bar },
        });
        for (const id of Object.keys(before)) expect(after[id], id).toBeLessThanOrEqual(before[id]!);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the order of events in the file', () => {
    fc.assert(
      fc.property(screeningArb, historyArb, fc.integer({ min: 0, max: 1000 }), (screening, events, seed) => {
        const shuffled = [...events].sort(
          (a, b) => ((a.date.charCodeAt(9) * seed) % 7) - ((b.date.charCodeAt(9) * seed) % 7),
        );
        const a = assess(parseCaseFacts({ asOf: '2026-11-22', events, screening }));
        const b = assess(parseCaseFacts({ asOf: '2026-11-22', events: shuffled.reverse(), screening }));
        expect(b.relief.map((r) => [r.id, r.status, r.missingFacts])).toEqual(
          a.relief.map((r) => [r.id, r.status, r.missingFacts]),
        );
        expect(b.deadlines.map((d) => [d.id, d.due])).toEqual(a.deadlines.map((d) => [d.id, d.due]));
        expect(b.report.posture.posture).toBe(a.report.posture.posture);
      }),
      { numRuns: 200 },
    );
  });

  it('never bars or rules out a relief because an answer is unknown', () => {
    fc.assert(
      fc.property(screeningArb, historyArb, (screening, events) => {
        const known = assess(parseCaseFacts({ asOf: '2026-11-22', events, screening }));
        // INTERPRETATION (docs/screening-rules.md): an unknown "unaccompanied child" answer is read
        // as an adult's for the one-year bar, since most applicants are adults; it is still asked.
        for (const key of Object.keys(screening).filter((k) => k !== 'unaccompaniedChild')) {
          const forgotten = { ...screening } as Record<string, unknown>;
          delete forgotten[key];
          const unknown = assess(parseCaseFacts({ asOf: '2026-11-22', events, screening: forgotten }));
          for (const r of unknown.relief) {
            const before = known.relief.find((k) => k.id === r.id)!;
            if (r.status === 'barred')
              expect(before.status, `${r.id} after forgetting ${key}`).toBe('barred');
            if (r.status === 'not_available')
              expect(['barred', 'not_available'], `${r.id} after forgetting ${key}`).toContain(before.status);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('asks only questions that change a result, and none when every answer is known', () => {
    const a = assess(parseCaseFacts({ asOf: '2026-11-22', events: [], screening: {} }));
    for (const r of a.relief)
      expect(['needs_more_facts', 'possible', 'likely', 'not_available']).toContain(r.status);
    expect(a.relief.find((r) => r.id === 'asylum')?.status).toBe('needs_more_facts');
    expect(a.missingFacts).toContain('fearOfReturn');
  });
});
