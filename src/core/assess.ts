/**
 * The whole assessment of a case as of a date: the screened case (posture, deadlines, every
 * relief's status, the questions that matter), the next steps, the evidence to gather and, when
 * asked, the withdrawal advisor. facts -> assess -> renderers; nothing downstream changes it.
 */
import type { CaseFacts } from './facts/case-facts.ts';
import {
  type DenialAnswer,
  denialAnswers,
  type PlannedStep,
  planNextSteps,
} from './next-steps/next-steps.ts';
import { type EvidenceNeed, evidenceFor } from './relief/evidence.ts';
import { type ScreenedCase, screenCase } from './screen-case.ts';
import { adviseWithdrawal, type WithdrawalAdvice } from './withdrawal/withdrawal.ts';

export interface Assessment extends ScreenedCase {
  readonly nextSteps: readonly PlannedStep[];
  readonly denialAnswers: readonly DenialAnswer[];
  readonly evidence: readonly EvidenceNeed[];
  readonly withdrawal?: WithdrawalAdvice;
}

export interface AssessOptions {
  /** Include the withdrawal advisor even when the screening does not say the person wants to withdraw. */
  readonly withdrawal?: boolean;
}

export function assess(facts: CaseFacts, options: AssessOptions = {}): Assessment {
  const screened = screenCase(facts);
  const { report, relief } = screened;
  const s = facts.screening ?? {};
  const wantsAdvice = options.withdrawal === true || s.wantsToWithdraw === true;
  return {
    report,
    deadlines: screened.deadlines,
    relief,
    nextSteps: planNextSteps(report),
    denialAnswers: denialAnswers(s.denialReasons),
    evidence: evidenceFor(relief),
    ...(wantsAdvice ? { withdrawal: adviseWithdrawal(report, s) } : {}),
    missingFacts: screened.missingFacts,
    warnings: screened.warnings,
  };
}
