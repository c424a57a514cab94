/**
 * Whatever arrives as case facts, the core either accepts it or refuses it with a FactsError
 * naming a path; it never crashes with anything else (the CLI turns FactsError into exit code 2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, FactsError, parseCaseFacts } from '../../src/core/index.ts';

const EVENT_TYPES = [
  'arrival',
  'asylum_filed',
  'nta_filed',
  'hearing_notice',
  'ij_decision',
  'appeal_waived',
  'bia_appeal_filed',
  'bia_decision',
  'in_absentia_order',
  'motion_to_reopen_filed',
  'motion_decision',
  'address_change',
  'asylum_granted',
  'withdrawal',
  'petition_for_review_filed',
  'ead_clock_stopped',
  'departure',
  'unknown_thing',
  '__proto__',
];
const dateLike = fc.oneof(
  fc
    .integer({ min: 1890, max: 2110 })
    .chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.string(),
  fc.constant('2026-02-30'),
);
const eventArb = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    date: dateLike,
    forum: fc.constantFrom('uscis', 'immigration_court', 'IJ', 'BIA', 'nowhere'),
    outcome: fc.constantFrom('granted', 'denied', 'dismissed', 'sustained', 'remanded', 'maybe'),
    hearingDate: dateLike,
    hearing: fc.constantFrom('master', 'individual', 'party'),
    voluntaryDeparture: fc.oneof(fc.boolean(), fc.record({ days: fc.integer({ min: -5, max: 200 }) })),
    returnDate: dateLike,
  },
  { requiredKeys: ['type', 'date'] },
);

function check(input: unknown): void {
  try {
    assess(parseCaseFacts(input));
  } catch (err) {
    expect(err).toBeInstanceOf(FactsError);
    expect((err as FactsError).message.length).toBeGreaterThan(5);
  }
}

describe('hostile input', () => {
  it('refuses any JSON value that is not case facts with a FactsError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => check(value)),
      { numRuns: 500 },
    );
  });

  it('accepts or refuses near-valid cases, never crashing', () => {
    fc.assert(
      fc.property(dateLike, fc.array(eventArb, { maxLength: 8 }), (asOf, events) => check({ asOf, events })),
      { numRuns: 2000 },
    );
  });

  it('does not let __proto__ keys pollute objects', () => {
    check(
      JSON.parse(
        '{"asOf":"2026-01-01","events":[],"__proto__":{"polluted":true},"screening":{"__proto__":{"x":1}}}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
