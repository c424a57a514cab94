/**
 * Where a case stands, inferred from what has happened (RULES.md B and C; docs/deadline-rules.md).
 *
 * The walk is a small state machine over the sorted timeline; windows that close with time (the
 * 30-day BIA appeal, the 30-day petition for review) are applied at the end against the as-of
 * date, so the same events give the same posture whatever their order in the file.
 */
import type { TimedEvent, Timeline } from '../facts/timeline.ts';
import { daysAfter } from '../time/periods.ts';
import type { PlainDate } from '../time/plain-date.ts';

export const POSTURES = [
  'not_filed',
  'credible_fear',
  'affirmative_pending',
  'referred_to_court',
  'in_removal_proceedings',
  'ij_decision',
  'appeal_pending',
  'bia_decision',
  'petition_for_review_pending',
  'motion_pending',
  'final_order',
  'granted',
  'withdrawn',
  'administratively_closed',
] as const;
export type Posture = (typeof POSTURES)[number];

export interface PostureState {
  readonly posture: Posture;
  /** The event that put the case where it is. */
  readonly since?: TimedEvent;
  /** Which body has the case now. */
  readonly forum: 'none' | 'uscis' | 'immigration_court' | 'bia' | 'court_of_appeals';
  /** A removal order exists (final or not yet final). */
  readonly removalOrder: boolean;
  /** The motion that is pending, when posture is motion_pending. */
  readonly pendingMotionForum?: 'IJ' | 'BIA';
  /** Who appealed to the BIA, while an appeal is pending. */
  readonly appellant?: 'respondent' | 'dhs';
}

const START: PostureState = { posture: 'not_filed', forum: 'none', removalOrder: false };

const COURT_STAGES: ReadonlySet<Posture> = new Set([
  'referred_to_court',
  'in_removal_proceedings',
  'ij_decision',
  'administratively_closed',
]);

function inCourt(s: PostureState): boolean {
  return COURT_STAGES.has(s.posture) || (s.posture === 'motion_pending' && s.pendingMotionForum === 'IJ');
}

/** The posture after applying one event; pure. `before` is the state the motion interrupted. */
function step(s: PostureState, t: TimedEvent, stack: PostureState[]): PostureState {
  const e = t.event;
  switch (e.type) {
    case 'expedited_removal':
      return s.posture === 'not_filed'
        ? { posture: 'credible_fear', since: t, forum: 'uscis', removalOrder: false }
        : s;
    case 'credible_fear_determination':
      return s.posture === 'not_filed' || s.posture === 'credible_fear'
        ? { posture: 'credible_fear', since: t, forum: 'uscis', removalOrder: e.outcome === 'negative' }
        : s;
    case 'asylum_filed':
      if (e.forum === 'uscis') {
        return s.posture === 'not_filed' || s.posture === 'credible_fear' || s.posture === 'withdrawn'
          ? { posture: 'affirmative_pending', since: t, forum: 'uscis', removalOrder: false }
          : s;
      }
      return inCourt(s)
        ? s
        : { posture: 'in_removal_proceedings', since: t, forum: 'immigration_court', removalOrder: false };
    case 'uscis_referral':
      return { posture: 'referred_to_court', since: t, forum: 'immigration_court', removalOrder: false };
    case 'nta_filed':
    case 'hearing_notice':
      if (inCourt(s)) return s;
      if (s.posture === 'granted' || s.posture === 'final_order' || s.posture === 'appeal_pending') return s;
      return { posture: 'in_removal_proceedings', since: t, forum: 'immigration_court', removalOrder: false };
    case 'recalendared':
      return { posture: 'in_removal_proceedings', since: t, forum: 'immigration_court', removalOrder: false };
    case 'administrative_closure':
      return {
        posture: 'administratively_closed',
        since: t,
        forum: s.forum === 'bia' ? 'bia' : 'immigration_court',
        removalOrder: false,
      };
    case 'ij_decision':
      return e.outcome === 'granted'
        ? { posture: 'granted', since: t, forum: 'immigration_court', removalOrder: false }
        : { posture: 'ij_decision', since: t, forum: 'immigration_court', removalOrder: true };
    case 'in_absentia_order':
    case 'appeal_waived':
      return { posture: 'final_order', since: t, forum: 'none', removalOrder: true };
    case 'bia_appeal_filed': {
      // When the IJ granted, the appeal is DHS's unless the facts say otherwise.
      const appellant = e.appellant ?? (s.posture === 'granted' ? 'dhs' : 'respondent');
      return { posture: 'appeal_pending', since: t, forum: 'bia', removalOrder: s.removalOrder, appellant };
    }
    case 'bia_decision': {
      if (e.outcome === 'remanded')
        return {
          posture: 'in_removal_proceedings',
          since: t,
          forum: 'immigration_court',
          removalOrder: false,
        };
      const appellant = s.appellant ?? 'respondent';
      const respondentLost = (appellant === 'respondent') === (e.outcome === 'dismissed');
      if (!respondentLost && appellant === 'dhs')
        return { posture: 'granted', since: t, forum: 'none', removalOrder: false };
      return { posture: 'bia_decision', since: t, forum: 'bia', removalOrder: respondentLost };
    }
    case 'motion_to_reopen_filed':
    case 'motion_to_reconsider_filed':
      stack.push(s);
      return {
        posture: 'motion_pending',
        since: t,
        forum: e.forum === 'BIA' ? 'bia' : 'immigration_court',
        removalOrder: s.removalOrder,
        pendingMotionForum: e.forum,
      };
    case 'motion_decision': {
      const before = stack.pop() ?? s;
      if (e.outcome === 'granted')
        return {
          posture: 'in_removal_proceedings',
          since: t,
          forum: 'immigration_court',
          removalOrder: false,
        };
      // A denied motion leaves the order as it was; a BIA denial opens its own 30-day review window.
      return e.forum === 'BIA' || s.pendingMotionForum === 'BIA'
        ? { posture: 'bia_decision', since: t, forum: 'bia', removalOrder: before.removalOrder }
        : { ...before, posture: before.posture === 'motion_pending' ? 'final_order' : before.posture };
    }
    case 'petition_for_review_filed':
      return {
        posture: 'petition_for_review_pending',
        since: t,
        forum: 'court_of_appeals',
        removalOrder: s.removalOrder,
      };
    case 'petition_for_review_decision':
      return e.outcome === 'denied'
        ? { posture: 'final_order', since: t, forum: 'none', removalOrder: true }
        : { posture: 'appeal_pending', since: t, forum: 'bia', removalOrder: s.removalOrder };
    case 'asylum_granted':
      return { posture: 'granted', since: t, forum: 'none', removalOrder: false };
    case 'withdrawal':
      return { posture: 'withdrawn', since: t, forum: 'none', removalOrder: s.removalOrder };
    default:
      return s;
  }
}

/** The posture just before the `index`-th event of the timeline (events[0..index-1] applied). */
export function postureBefore(timeline: Timeline, upTo: TimedEvent): PostureState {
  let s = START;
  const stack: PostureState[] = [];
  for (const t of timeline.events) {
    if (t === upTo) break;
    s = step(s, t, stack);
  }
  return s;
}

/** The posture as of the timeline's as-of date, closing the windows that time has closed. */
export function inferPosture(timeline: Timeline): PostureState {
  let s = START;
  const stack: PostureState[] = [];
  for (const t of timeline.events) s = step(s, t, stack);
  return closeLapsedWindows(s, timeline.asOf);
}

function closeLapsedWindows(s: PostureState, asOf: PlainDate): PostureState {
  if (!s.since) return s;
  // 8 CFR 1241.1(c): an IJ order becomes final when the appeal time expires unappealed.
  if (s.posture === 'ij_decision' && daysAfter(s.since.on, 30, '8-CFR-1003.38-b').date < asOf) {
    return { ...s, posture: 'final_order', forum: 'none' };
  }
  // The BIA's order is final when made (8 CFR 1241.1(a)); once the 30-day review window closes
  // unused, nothing is pending anywhere.
  if (s.posture === 'bia_decision' && s.removalOrder && daysAfter(s.since.on, 30, 'FRAP-26-a').date < asOf) {
    return { ...s, posture: 'final_order', forum: 'none' };
  }
  return s;
}

export function isBeforeImmigrationCourt(s: PostureState): boolean {
  return inCourt(s);
}

export function isBeforeBia(s: PostureState): boolean {
  return s.posture === 'appeal_pending' || (s.posture === 'motion_pending' && s.pendingMotionForum === 'BIA');
}
