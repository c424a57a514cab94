/** A relief's screening result, built from reasons that each carry their authority. */
import type { CitationId } from '../../../law/citations.ts';
import type { BarId, ReliefId } from '../../../law/relief-types.ts';
import type { DeadlineReport } from '../deadlines/compute-deadlines.ts';
import type { Screening, ScreeningFactId } from '../facts/screening.ts';
import type { PlainDate } from '../time/plain-date.ts';

export const RELIEF_STATUSES = ['likely', 'possible', 'needs_more_facts', 'not_available', 'barred'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];

/** Higher is more available; "adding a bar never raises a rank" is a tested law of the engine. */
export const STATUS_RANK: Readonly<Record<ReliefStatus, number>> = {
  barred: 0,
  not_available: 1,
  needs_more_facts: 2,
  possible: 3,
  likely: 4,
};

export interface Reason {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly authority: readonly CitationId[];
}

export interface Verdict {
  readonly status: ReliefStatus;
  readonly reasons: readonly Reason[];
  readonly bars: readonly BarId[];
  /** Facts outside the screening answers that the rule needed and did not have (e.g. `person.birthDate`). */
  readonly needs: readonly string[];
}

export interface ScreeningContext {
  readonly s: Screening;
  readonly report: DeadlineReport;
  readonly asOf: PlainDate;
  readonly birthDate?: PlainDate;
  /**
   * Set for the what-if trials that look for missing facts: they compare statuses only, so the
   * builder records no reasons, bars or needs (most of a screening's work is trials).
   */
  readonly statusOnly?: boolean;
  /** Facts worked out from the events once per case and shared by its trials (see `fromEvents`). */
  readonly derived?: Map<unknown, unknown>;
}

export interface ReliefRule {
  readonly id: ReliefId;
  /** The screening answers the rule reads; the unknown ones that would change the result are asked. */
  readonly consults: readonly ScreeningFactId[];
  /** Answers the case's other facts already settle (e.g. age at arrival), so they are never asked. */
  readonly settledElsewhere?: (ctx: ScreeningContext) => readonly ScreeningFactId[];
  readonly evaluate: (ctx: ScreeningContext) => Verdict;
}

/** What a status-only trial records: nothing, in one shared list that cannot be added to. */
const NOTHING: never[] = Object.freeze([]) as never[];

/** Accumulates reasons and bars, then settles the status (the lowest one any step reached). */
export class VerdictBuilder {
  private status: ReliefStatus;
  private readonly record: boolean;
  private readonly reasons: Reason[];
  private readonly bars: BarId[];
  private readonly needs: string[];

  /** `ctx` says whether this is a status-only trial (see ScreeningContext.statusOnly). */
  constructor(initial: ReliefStatus, ctx?: ScreeningContext) {
    this.status = initial;
    this.record = ctx?.statusOnly !== true;
    this.reasons = this.record ? [] : NOTHING;
    this.bars = this.record ? [] : NOTHING;
    this.needs = this.record ? [] : NOTHING;
  }

  because(code: string, authority?: readonly CitationId[], params?: Record<string, string | number>): this {
    // The defaults are made here, not in the signature, so that a trial allocates nothing for them.
    if (this.record) this.reasons.push({ code, params: params ?? {}, authority: authority ?? [] });
    return this;
  }

  /** Lowers the status to `status` if that is lower than the current one. */
  atMost(status: ReliefStatus): this {
    if (STATUS_RANK[status] < STATUS_RANK[this.status]) this.status = status;
    return this;
  }

  bar(bar: BarId, code: string, authority: readonly CitationId[]): this {
    if (this.record) this.bars.push(bar);
    return this.atMost('barred').because(code, authority);
  }

  /** A bar that applies but leaves the relief at `status` (waivable, or an element rather than a bar). */
  barAt(bar: BarId, status: ReliefStatus, code: string, authority: readonly CitationId[]): this {
    if (this.record) this.bars.push(bar);
    return this.atMost(status).because(code, authority);
  }

  need(fact: string): this {
    if (this.record) this.needs.push(fact);
    return this;
  }

  current(): ReliefStatus {
    return this.status;
  }

  build(): Verdict {
    return { status: this.status, reasons: this.reasons, bars: this.bars, needs: this.needs };
  }
}
