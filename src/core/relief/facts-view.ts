/** Three-valued readings of the screening answers: true, false, or undefined for unknown. */
import type { Conviction, Screening } from '../facts/screening.ts';
import type { Posture } from '../posture/posture.ts';
import { civilOf, type PlainDate } from '../time/plain-date.ts';
import type { ScreeningContext } from './verdict.ts';

export function grounds(s: Screening): readonly string[] | undefined {
  const g = s.protectedGround;
  if (g === undefined) return undefined;
  return typeof g === 'string' ? [g] : g;
}

/** Whether a conviction of `category` is on record; unknown when no history was given. */
export function convicted(s: Screening, category: Conviction['category']): boolean | undefined {
  if (s.criminalHistory === undefined) return undefined;
  return s.criminalHistory.some((c) => c.category === category);
}

/**
 * INA 241(b)(3)(B): aggravated felonies with an aggregate sentence of at least five years are a
 * particularly serious crime. Unknown when a sentence is missing and the known ones stay below five.
 */
export function aggravatedFelonySentenceAtLeastFive(s: Screening): boolean | undefined {
  const felonies = (s.criminalHistory ?? []).filter((c) => c.category === 'aggravated_felony');
  if (felonies.length === 0) return false;
  const total = felonies.reduce((sum, c) => sum + (c.sentenceYears ?? 0), 0);
  if (total >= 5) return true;
  return felonies.some((c) => c.sentenceYears === undefined) ? undefined : false;
}

export function outOfStatus(s: Screening): boolean | undefined {
  if (s.currentStatus === undefined) return undefined;
  return s.currentStatus === 'out_of_status' || s.currentStatus === 'no_status';
}

const REMOVAL_CASE: ReadonlySet<Posture> = new Set([
  'referred_to_court',
  'in_removal_proceedings',
  'ij_decision',
  'appeal_pending',
  'bia_decision',
  'petition_for_review_pending',
  'motion_pending',
  'final_order',
  'administratively_closed',
]);
const BEFORE_IJ_OR_BIA: ReadonlySet<Posture> = new Set([
  'referred_to_court',
  'in_removal_proceedings',
  'ij_decision',
  'appeal_pending',
  'motion_pending',
  'administratively_closed',
]);
const AFTER_DENIAL: ReadonlySet<Posture> = new Set([
  'ij_decision',
  'appeal_pending',
  'bia_decision',
  'petition_for_review_pending',
  'motion_pending',
]);

export const posture = (ctx: ScreeningContext): Posture => ctx.report.posture.posture;
export const hasRemovalCase = (ctx: ScreeningContext) => REMOVAL_CASE.has(posture(ctx));
export const beforeIjOrBia = (ctx: ScreeningContext) => BEFORE_IJ_OR_BIA.has(posture(ctx));
export const afterDenial = (ctx: ScreeningContext) => AFTER_DENIAL.has(posture(ctx));
/** In removal proceedings that have not ended in a final order. */
export const inProceedings = (ctx: ScreeningContext) =>
  beforeIjOrBia(ctx) || posture(ctx) === 'bia_decision' || posture(ctx) === 'petition_for_review_pending';

/**
 * `derive(ctx)`, worked out once per case when the context carries a `derived` store. Only for
 * facts that follow from the events, dates and deadlines, never from the screening answers: the
 * what-if trials evaluate each rule many times over the same events with one answer changed.
 */
export function fromEvents<T>(ctx: ScreeningContext, derive: (ctx: ScreeningContext) => T): T {
  if (ctx.derived === undefined) return derive(ctx);
  if (ctx.derived.has(derive)) return ctx.derived.get(derive) as T;
  const value = derive(ctx);
  ctx.derived.set(derive, value);
  return value;
}

export function deadline(ctx: ScreeningContext, id: string) {
  return ctx.report.deadlines.find((d) => d.id === id);
}

/** Age in whole years on `on` (a Feb 29 birthday is reached on Mar 1 in common years). */
export function ageOn(birth: PlainDate, on: PlainDate): number {
  const b = civilOf(birth);
  const o = civilOf(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age--;
  return age;
}
