/** What every deadline rule reads, and where it records what it could not compute. */
import type { DeadlineId } from '../../../law/deadlines.ts';
import type { CaseFacts } from '../facts/case-facts.ts';
import type { TimedEvent, Timeline } from '../facts/timeline.ts';
import type { PostureState } from '../posture/posture.ts';
import type { Step } from '../time/periods.ts';
import type { PlainDate } from '../time/plain-date.ts';
import type { Deadline } from './deadline.ts';

export interface NotTriggered {
  readonly id: DeadlineId;
  /** Why no date: a code the renderers turn into words (e.g. `needs.arrival_date`). */
  readonly reason: string;
}

export interface RuleContext {
  readonly facts: CaseFacts;
  readonly timeline: Timeline;
  readonly asOf: PlainDate;
  readonly posture: PostureState;
  readonly birthDate?: PlainDate;
  readonly warnings: Step[];
  readonly notTriggered: NotTriggered[];
}

export type DeadlineRule = (ctx: RuleContext) => Deadline[];

/** The first event of `type` after `after` (in timeline order), if any. */
export function firstAfter<T extends TimedEvent['event']['type']>(
  ctx: RuleContext,
  type: T,
  after: TimedEvent,
) {
  return ctx.timeline.since(type, after)[0];
}
