/** The ordered options for where the case stands, each tied to its computed deadline if any. */
import type { CitationId } from '../../../law/citations.ts';
import type { DeadlineId } from '../../../law/deadlines.ts';
import { DENIAL_PLAYBOOK, type DenialReason, STEPS_BY_POSTURE } from '../../../law/next-steps.ts';
import type { DeadlineReport } from '../deadlines/compute-deadlines.ts';
import type { Deadline } from '../deadlines/deadline.ts';

export interface PlannedStep {
  readonly id: string;
  readonly deadline?: Deadline;
  readonly deadlineId?: DeadlineId;
  readonly authority: readonly CitationId[];
}

export function planNextSteps(report: DeadlineReport): PlannedStep[] {
  const out: PlannedStep[] = [];
  for (const step of STEPS_BY_POSTURE[report.posture.posture]) {
    const deadline = step.deadline ? report.deadlines.find((d) => d.id === step.deadline) : undefined;
    if (step.onlyWithDeadline && !deadline) continue;
    out.push({
      id: step.id,
      ...(deadline ? { deadline } : {}),
      ...(step.deadline ? { deadlineId: step.deadline } : {}),
      authority: step.authority,
    });
  }
  return out;
}

export interface DenialAnswer {
  readonly reason: DenialReason;
  readonly answers: readonly string[];
  readonly authority: readonly CitationId[];
}

export function denialAnswers(reasons: readonly DenialReason[] | undefined): DenialAnswer[] {
  return [...new Set(reasons ?? [])].map((reason) => ({ reason, ...DENIAL_PLAYBOOK[reason] }));
}
