/**
 * The law core's public face. Pure: no I/O, no clock, no environment; the as-of date is an input.
 */
export { CITATIONS, type CitationId, citationLabel } from '../../law/citations.ts';
export { DEADLINES, type DeadlineId } from '../../law/deadlines.ts';
export { type Assessment, type AssessOptions, assess } from './assess.ts';
export { computeDeadlines, type DeadlineReport } from './deadlines/compute-deadlines.ts';
export type { Deadline, DeadlineStatus } from './deadlines/deadline.ts';
export type { CaseEvent, CaseFacts, EventType } from './facts/case-facts.ts';
export { EVENT_TYPES } from './facts/case-facts.ts';
export { FactsError } from './facts/errors.ts';
export { parseCaseFacts } from './facts/parse.ts';
export type { Screening } from './facts/screening.ts';
export { feesInForce } from './fees/fees.ts';
export { normalizeANumber } from './identifiers/a-number.ts';
export { nextQuestion, type Question, questionFor } from './interview/questions.ts';
export {
  EVENT_DETAILS,
  nextTimelineQuestion,
  type ReportableEvent,
  type TimelineQuestion,
} from './interview/timeline-questions.ts';
export { POSTURES, type Posture, type PostureState } from './posture/posture.ts';
export type { ReliefResult } from './relief/screen.ts';
export { RELIEF_STATUSES, type ReliefStatus, STATUS_RANK } from './relief/verdict.ts';
export { type ScreenedCase, screenCase } from './screen-case.ts';
export { type Holiday, holidaysOfYear } from './time/holidays.ts';
export type { Step } from './time/periods.ts';
export { addDays, daysBetween, formatDate, isIsoDate, type PlainDate, parseDate } from './time/plain-date.ts';
