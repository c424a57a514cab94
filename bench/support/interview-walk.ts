/**
 * One person's way through the web interview, step by step, timing the law-core calls the browser
 * makes for each step: `answer()` (which replays the log through the core to accept or refuse the
 * answer) and then `interviewState()` (the next render of the question page). Pure, so the same
 * file runs in Node and, bundled, in Chromium (web.bench.ts).
 *
 * The case: arrived without inspection in March 2024, in court from April 2024, a master hearing,
 * an immigration judge's denial on 2026-11-02, nothing since; then every screening question the
 * engine asks, answered (never "I don't know", so the walk is as long as it gets).
 */
import { answer, type Entry, interviewState, NONE } from '../../src/web/interview.ts';

export const AS_OF = '2026-11-23';

export interface StepTiming {
  readonly step: string;
  /** Median over blocks of the mean time of one step's calls, in milliseconds. */
  readonly ms: number;
}

const TIMELINE: readonly Entry[] = [
  {
    q: 'timeline.arrival',
    at: 'not_filed',
    value: { type: 'arrival', date: '2024-03-01', details: { manner: 'entry_without_inspection' } },
  },
  { q: 'timeline.next', at: 'not_filed', value: { type: 'nta_filed', date: '2024-04-15', details: {} } },
  {
    q: 'timeline.next',
    at: 'in_removal_proceedings',
    value: {
      type: 'hearing_notice',
      date: '2024-06-03',
      details: { hearing: 'master', hearingDate: '2024-09-10' },
    },
  },
  {
    q: 'timeline.next',
    at: 'in_removal_proceedings',
    value: { type: 'ij_decision', date: '2026-11-02', details: { outcome: 'denied' } },
  },
  { q: 'timeline.next', at: 'ij_decision', value: NONE },
];

/** An answer of the kind the question page would give. */
function screeningAnswer(state: ReturnType<typeof interviewState>): Entry | null {
  if (state.step.kind !== 'screening') return null;
  const { id, answer: kind } = state.step.question;
  switch (kind.kind) {
    case 'yes_no':
      return { q: id, value: true };
    case 'one_of':
      return { q: id, value: kind.options[0] };
    case 'some_of':
      return { q: id, value: [kind.options[0]] };
    case 'date':
      return { q: id, value: id === 'person.birthDate' ? '1990-05-01' : '2025-02-14' };
    case 'convictions':
      return { q: id, value: [] };
    case 'one_year_exceptions':
      return { q: id, value: { changedCircumstances: false, extraordinaryCircumstances: true } };
  }
}

/**
 * Walks the interview; each step's calls are repeated `blocks` x `perBlock` times (they are pure),
 * so a coarse browser clock (100 µs without cross-origin isolation) still gives a fair figure.
 */
export function walkInterview(now: () => number, blocks = 7, perBlock = 10): StepTiming[] {
  const timings: StepTiming[] = [];
  let entries: Entry[] = [];
  let state = interviewState(entries, AS_OF);
  for (let i = 0; i < 60; i++) {
    const entry = i < TIMELINE.length ? TIMELINE[i]! : screeningAnswer(state);
    if (!entry) break;
    const means: number[] = [];
    let next: Entry[] = entries;
    for (let b = 0; b < blocks; b++) {
      const t0 = now();
      for (let k = 0; k < perBlock; k++) {
        const r = answer(entries, entry, AS_OF);
        if (!r.ok) throw new Error(`the walk's answer to ${entry.q} was refused: ${r.message}`);
        next = r.entries;
        state = interviewState(next, AS_OF);
      }
      means.push((now() - t0) / perBlock);
    }
    means.sort((a, b) => a - b);
    timings.push({ step: entry.q, ms: means[Math.floor(means.length / 2)]! });
    entries = next;
  }
  if (state.step.kind !== 'done') throw new Error(`the walk stopped before the end, at ${state.step.kind}`);
  return timings;
}
