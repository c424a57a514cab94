/** The `deadlines` contract: the report as one JSON document (see the law-core issue, section 5). */
import { citationLabel, type Deadline, type DeadlineReport, formatDate, type Step } from '../core/index.ts';
import { renderStep } from './messages.ts';

export const RULES_VERSION = '2026-11-22';

const explained = (s: Step) => ({ code: s.code, params: s.params, text: renderStep(s) });

export function deadlineJson(d: Deadline) {
  return {
    id: d.id,
    kind: d.kind,
    due: formatDate(d.due),
    status: d.status,
    authority: d.authority.map(citationLabel),
    forum: d.forum,
    form: d.form,
    steps: d.steps.map((s) => renderStep(s)),
    trigger: { event: d.trigger.event, date: formatDate(d.trigger.date), eventIndex: d.trigger.index },
    notes: d.notes.map(explained),
    ...(d.doneOn !== undefined ? { doneOn: formatDate(d.doneOn) } : {}),
    ...(d.alternativeDue
      ? { alternativeDue: { date: formatDate(d.alternativeDue.date), reason: d.alternativeDue.reason } }
      : {}),
    inForce: d.inForce,
  };
}

export function deadlinesReportJson(report: DeadlineReport) {
  return {
    asOf: formatDate(report.asOf),
    posture: report.posture.posture,
    postureDetail: {
      since: report.posture.since ? formatDate(report.posture.since.on) : null,
      forum: report.posture.forum,
      removalOrder: report.posture.removalOrder,
    },
    deadlines: report.deadlines.map(deadlineJson),
    notTriggered: report.notTriggered.map((n) => ({
      id: n.id,
      reason: n.reason,
      text: renderStep({ code: n.reason, params: {} }),
    })),
    warnings: report.warnings.map(explained),
    rulesVersion: RULES_VERSION,
  };
}
