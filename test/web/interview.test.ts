/**
 * The web interview's answer log, replayed in Node: the timeline questions follow the case's
 * posture, "I don't know" leaves a fact unknown, going back drops exactly one answer, and an
 * impossible date is refused without losing anything.
 */
import { describe, expect, it } from 'vitest';
import { answer, type Entry, factsOf, interviewState, NONE, UNKNOWN } from '../../src/web/interview.ts';

const AS_OF = '2026-11-23';

function must(r: ReturnType<typeof answer>): Entry[] {
  if (!r.ok) throw new Error(r.message);
  return r.entries;
}

describe('the interview log', () => {
  it('asks the arrival first, then only what can follow the posture', () => {
    let log: Entry[] = [];
    let s = interviewState(log, AS_OF);
    expect(s.step).toMatchObject({ kind: 'timeline', question: { id: 'timeline.arrival' } });

    log = must(
      answer(
        log,
        {
          q: 'timeline.arrival',
          at: 'not_filed',
          value: { type: 'arrival', date: '2024-03-01', details: {} },
        },
        AS_OF,
      ),
    );
    s = interviewState(log, AS_OF);
    // Nothing filed yet: an appeal cannot be the next thing that happened.
    expect(s.step.kind).toBe('timeline');
    const options =
      s.step.kind === 'timeline' && s.step.question.id === 'timeline.next' ? s.step.question.options : [];
    expect(options).toContain('asylum_filed');
    expect(options).not.toContain('bia_appeal_filed');

    log = must(
      answer(
        log,
        {
          q: 'timeline.next',
          at: 'not_filed',
          value: { type: 'nta_filed', date: '2024-04-15', details: {} },
        },
        AS_OF,
      ),
    );
    log = must(
      answer(
        log,
        {
          q: 'timeline.next',
          at: 'in_removal_proceedings',
          value: { type: 'ij_decision', date: '2026-11-02', details: { outcome: 'denied' } },
        },
        AS_OF,
      ),
    );
    s = interviewState(log, AS_OF);
    expect(s.screened.report.posture.posture).toBe('ij_decision');
    // 30 days after Monday 2026-11-02 is Wednesday 2026-12-02 (8 CFR 1003.38(b)); 2026-12-02 is
    // day 20,789 counted from 1970-01-01.
    const appeal = s.screened.deadlines.find((d) => d.id === 'bia_appeal');
    expect(appeal?.due).toBe(Date.UTC(2026, 11, 2) / 86_400_000);

    log = must(answer(log, { q: 'timeline.next', at: 'ij_decision', value: NONE }, AS_OF));
    s = interviewState(log, AS_OF);
    expect(s.step.kind).toBe('screening');
  });

  it('keeps an unknown answer unknown, and moves on to another question', () => {
    const start: Entry[] = [
      { q: 'timeline.arrival', at: 'not_filed', value: { type: 'arrival', date: '2025-01-10', details: {} } },
      { q: 'timeline.next', at: 'not_filed', value: NONE },
    ];
    const s = interviewState(start, AS_OF);
    if (s.step.kind !== 'screening') throw new Error('expected a screening question');
    const first = s.step.question.id;
    const next = must(answer(start, { q: first, value: UNKNOWN }, AS_OF));
    expect((factsOf(next, AS_OF).screening as Record<string, unknown>)[first]).toBeUndefined();
    const after = interviewState(next, AS_OF);
    expect(after.step.kind === 'screening' ? after.step.question.id : null).not.toBe(first);
  });

  it('refuses an event dated after today and keeps the log as it was', () => {
    const log: Entry[] = [
      { q: 'timeline.arrival', at: 'not_filed', value: { type: 'arrival', date: '2025-01-10', details: {} } },
    ];
    const r = answer(
      log,
      { q: 'timeline.next', at: 'not_filed', value: { type: 'nta_filed', date: '2027-01-01', details: {} } },
      AS_OF,
    );
    expect(r.ok).toBe(false);
    expect(log).toHaveLength(1);
  });

  it('ends: answering every question "I don\'t know" reaches the summary', () => {
    let log: Entry[] = [
      { q: 'timeline.arrival', at: 'not_filed', value: { type: 'arrival', date: '2025-01-10', details: {} } },
      { q: 'timeline.next', at: 'not_filed', value: NONE },
    ];
    for (let i = 0; i < 100; i++) {
      const s = interviewState(log, AS_OF);
      if (s.step.kind === 'done') return;
      if (s.step.kind !== 'screening') throw new Error('unexpected timeline question');
      log = must(answer(log, { q: s.step.question.id, value: UNKNOWN }, AS_OF));
    }
    throw new Error('the interview did not end');
  });
});
