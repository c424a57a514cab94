/**
 * The interview is driven by the engine: answering the next question until none is left ends,
 * never asks the same thing twice, and only asks what could change a result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, nextQuestion, parseCaseFacts, type Question } from '../../src/core/index.ts';

function answerFor(q: Question, pick: number): unknown {
  switch (q.answer.kind) {
    case 'yes_no':
      return pick % 2 === 0;
    case 'one_of':
      return q.answer.options[pick % q.answer.options.length];
    case 'some_of':
      return pick % 3 === 0 ? [] : [q.answer.options[pick % q.answer.options.length]];
    case 'convictions':
      return pick % 4 === 0
        ? [{ category: q.answer.categories[pick % q.answer.categories.length], sentenceYears: pick % 7 }]
        : [];
    case 'one_year_exceptions':
      return { changedCircumstances: pick % 2 === 0, extraordinaryCircumstances: false };
    case 'date':
      return '1990-01-01';
  }
}

describe('interview driven by missing facts', () => {
  it('ends, asks each question once, and every question could change a result', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100), { minLength: 60, maxLength: 60 }),
        fc.constantFrom('2024-01-10', '2026-06-01'),
        (picks, arrival) => {
          const screening: Record<string, unknown> = {};
          let person: Record<string, unknown> = {};
          const asked = new Set<string>();
          for (let i = 0; i < 60; i++) {
            const facts = {
              asOf: '2026-11-22',
              person,
              events: [{ type: 'arrival', date: arrival }],
              screening,
            };
            const a = assess(parseCaseFacts(facts));
            const q = nextQuestion(a.missingFacts);
            if (!q) return;
            expect(asked.has(q.id), `asked ${q.id} twice`).toBe(false);
            asked.add(q.id);
            expect(a.relief.some((r) => r.missingFacts.includes(q.id))).toBe(true);
            if (q.id === 'person.birthDate') person = { birthDate: '1990-01-01' };
            else if (q.id === 'criminalHistory.sentenceYears') {
              screening.criminalHistory = [{ category: 'aggravated_felony', sentenceYears: 6 }];
            } else screening[q.id] = answerFor(q, picks[i]!);
          }
          throw new Error('the interview did not end within 60 questions');
        },
      ),
      { numRuns: 60 },
    );
  });
});
