/**
 * The guided interview as data: a log of answers, replayed into the facts the law core reads.
 * The core decides what to ask (the timeline questions by posture, then `missingFacts`); this module
 * only keeps the answers, so going back is dropping the last one and changing one is replacing it.
 * Pure: the browser keeps the log, tests replay it in Node.
 */

import type { CaseEvent, CaseFacts } from '../core/facts/case-facts.ts';
import { FactsError } from '../core/facts/errors.ts';
import type { Screening } from '../core/facts/screening.ts';
import { nextQuestion, type Question } from '../core/interview/questions.ts';
import {
  EVENT_DETAILS,
  nextTimelineQuestion,
  type ReportableEvent,
  type TimelineQuestion,
} from '../core/interview/timeline-questions.ts';
import type { Posture } from '../core/posture/posture.ts';
import { type ScreenedCase, screenCase } from '../core/screen-case.ts';

export const UNKNOWN = 'unknown';
export const NONE = 'none';

export interface EventAnswer {
  readonly type: ReportableEvent;
  readonly date: string;
  readonly details: Readonly<Record<string, string>>;
}

/** An event of the case, or "none of these" at a posture. */
export interface TimelineEntry {
  readonly q: 'timeline.arrival' | 'timeline.next';
  readonly at: Posture;
  readonly value: EventAnswer | 'none';
}
/** A screening answer, or "I don't know". */
export interface AnswerEntry {
  readonly q: string;
  readonly value: unknown;
}
export type Entry = TimelineEntry | AnswerEntry;

export type Step =
  | { readonly kind: 'timeline'; readonly question: Exclude<TimelineQuestion, null>; readonly at: Posture }
  | { readonly kind: 'screening'; readonly question: Question }
  | { readonly kind: 'done' };

export interface InterviewState {
  readonly facts: CaseFacts;
  /** What each step needs: posture, deadlines, relief and the questions that matter. */
  readonly screened: ScreenedCase;
  readonly step: Step;
  /** Questions answered so far and a fair guess of how many are left, for the progress bar. */
  readonly answered: number;
  readonly remaining: number;
}

function isTimeline(e: Entry): e is TimelineEntry {
  return e.q === 'timeline.arrival' || e.q === 'timeline.next';
}

function eventOf(a: EventAnswer): CaseEvent {
  const event: Record<string, unknown> = { type: a.type, date: a.date };
  for (const [name, kind] of Object.entries(EVENT_DETAILS[a.type])) {
    const v = a.details[name];
    if (v !== undefined && v !== '' && (kind === 'date' || kind.includes(v))) event[name] = v;
  }
  return event as unknown as CaseEvent;
}

/** The facts the answers give, as of a date. */
export function factsOf(entries: readonly Entry[], asOf: string): CaseFacts {
  const events: CaseEvent[] = [];
  const screening: Record<string, unknown> = {};
  const person: { birthDate?: string } = {};
  for (const e of entries) {
    if (isTimeline(e)) {
      if (e.value !== NONE) events.push(eventOf(e.value as EventAnswer));
    } else if (e.value === UNKNOWN) {
      // Unknown is not "no": the fact stays missing.
    } else if (e.q === 'person.birthDate') person.birthDate = String(e.value);
    else if (e.q === 'criminalHistory.sentenceYears') {
      const years = e.value === '5_years_or_more' ? 5 : 1;
      const history = (screening.criminalHistory as { category: string; sentenceYears?: number }[]) ?? [];
      screening.criminalHistory = history.map((c) => ({ ...c, sentenceYears: years }));
    } else screening[e.q] = e.value;
  }
  return {
    asOf,
    ...(person.birthDate ? { person } : {}),
    events,
    screening: screening as Screening,
  };
}

/** Where the interview is: the facts so far, their assessment and the next question. */
export function interviewState(entries: readonly Entry[], asOf: string): InterviewState {
  const facts = factsOf(entries, asOf);
  const screened = screenCase(facts);
  const posture = screened.report.posture.posture;
  const reported = facts.events.map((e) => e.type);
  const settled = entries
    .filter(isTimeline)
    .filter((e) => e.value === NONE)
    .map((e) => e.at);
  const timeline = nextTimelineQuestion(posture, reported, settled);
  const asked = new Set(entries.map((e) => e.q));
  const open = screened.missingFacts.filter((f) => !asked.has(f) && f !== 'events.arrival');
  let step: Step;
  if (timeline) step = { kind: 'timeline', question: timeline, at: posture };
  else {
    const q = nextQuestion(open);
    step = q ? { kind: 'screening', question: q } : { kind: 'done' };
  }
  return {
    facts,
    screened,
    step,
    answered: entries.length,
    remaining: (timeline ? 2 : 0) + open.length,
  };
}

/**
 * Adds an answer. An answer the core cannot accept (an event dated before the one it follows, say)
 * is refused with the core's reason, and the log is left as it was.
 */
export function answer(
  entries: readonly Entry[],
  entry: Entry,
  asOf: string,
): { ok: true; entries: Entry[] } | { ok: false; code: string; message: string } {
  const next = [...entries, entry];
  try {
    interviewState(next, asOf);
    return { ok: true, entries: next };
  } catch (err) {
    if (err instanceof FactsError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** Replaces one answer (from the summary's "Change"); answers that no longer apply are kept, harmless. */
export function replaceAnswer(
  entries: readonly Entry[],
  index: number,
  entry: Entry,
  asOf: string,
): { ok: true; entries: Entry[] } | { ok: false; code: string; message: string } {
  const next = entries.map((e, i) => (i === index ? entry : e));
  try {
    interviewState(next, asOf);
    return { ok: true, entries: next };
  } catch (err) {
    if (err instanceof FactsError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** Entries kept when the log is read back from storage: anything malformed is dropped, not trusted. */
export function sanitizeEntries(raw: unknown): Entry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is Entry =>
      typeof e === 'object' && e !== null && typeof (e as { q?: unknown }).q === 'string' && 'value' in e,
  );
}
