/** The `assess` contract: the whole assessment as one JSON document (law-core issue part 2, section 6). */

import type { Fee } from '../../law/fees.ts';
import { RELIEF } from '../../law/relief.ts';
import type { ReliefId } from '../../law/relief-types.ts';
import type { Assessment } from '../core/assess.ts';
import { citationLabel, formatDate, nextQuestion } from '../core/index.ts';
import { deadlineJson, deadlinesReportJson } from './deadlines-json.ts';
import { renderStep } from './messages.ts';

const say = (code: string, params: Record<string, string | number> = {}) => renderStep({ code, params });
const labels = (ids: readonly Parameters<typeof citationLabel>[0][]) => ids.map(citationLabel);

export function assessmentJson(a: Assessment) {
  const base = deadlinesReportJson(a.report);
  return {
    asOf: base.asOf,
    posture: base.posture,
    postureDetail: base.postureDetail,
    deadlines: a.deadlines.map(deadlineJson),
    notTriggered: base.notTriggered,
    relief: a.relief.map((r) => ({
      id: r.id,
      name: say(`relief.${r.id}.name`),
      status: r.status,
      reasons: r.reasons.map((reason) => ({
        code: reason.code,
        text: say(reason.code, reason.params),
        authority: labels(reason.authority),
      })),
      bars: r.bars,
      missingFacts: r.missingFacts,
      catalogue: catalogueJson(r.id),
    })),
    nextSteps: a.nextSteps.map((step) => ({
      id: step.id,
      title: say(`step.${step.id}`),
      deadline: step.deadline ? formatDate(step.deadline.due) : null,
      deadlineId: step.deadlineId ?? null,
      deadlineStatus: step.deadline?.status ?? null,
      authority: labels(step.authority),
    })),
    ...(a.denialAnswers.length
      ? {
          denialPlaybook: a.denialAnswers.map((d) => ({
            reason: d.reason,
            text: say(`denial.${d.reason}`),
            answers: d.answers.map((id) => ({ id, title: say(`step.${id}`) })),
            authority: labels(d.authority),
          })),
        }
      : {}),
    evidence: a.evidence.map((e) => ({
      relief: e.relief,
      element: e.element,
      item: say(`evidence.${e.item}`),
      why: say(`evidence.${e.item}.why`),
      itemId: e.item,
      elementText: say(`element.${e.element}`),
    })),
    ...(a.withdrawal
      ? {
          withdrawal: {
            channel: a.withdrawal.channel,
            document: a.withdrawal.document,
            contents: a.withdrawal.contents.map((c) => ({ field: c, text: say(`withdrawal.content.${c}`) })),
            steps: a.withdrawal.steps.map((s) => ({
              code: s.code,
              text: say(s.code),
              authority: labels(s.authority),
            })),
            warnings: a.withdrawal.warnings.map((s) => ({
              code: s.code,
              text: say(s.code),
              authority: labels(s.authority),
            })),
            alternatives: a.withdrawal.alternatives.map((s) => ({
              code: s.code,
              text: say(s.code),
              authority: labels(s.authority),
            })),
          },
        }
      : {}),
    missingFacts: a.missingFacts,
    nextQuestion: nextQuestion(a.missingFacts),
    warnings: a.warnings.map((w) => ({ code: w.code, params: w.params, text: renderStep(w) })),
    rulesVersion: base.rulesVersion,
  };
}

/** What the catalogue (law/relief.ts) says of a relief: who decides, on what form, what it gives. */
function catalogueJson(id: ReliefId) {
  const entry = RELIEF.find((r) => r.id === id);
  if (!entry) return null;
  return {
    kind: entry.kind,
    channels: entry.channels,
    standardOfProof: entry.standardOfProof,
    oneYearDeadlineApplies: entry.oneYearDeadlineApplies,
    deciders: entry.deciders,
    mainForm: entry.mainForm,
    mandatoryBars: entry.mandatoryBars,
    benefits: entry.benefits,
    elements: entry.elements.map((e) => ({
      id: e.id,
      text: say(`element.${e.id}`),
      authority: labels(e.authority),
    })),
    authority: labels(entry.authority),
    inForce: entry.inForce,
    uncertain: (entry.uncertain ?? []).map((u) => ({ id: u, text: say(`uncertain.${u}`) })),
  };
}

export function feeJson(f: Fee) {
  return {
    id: f.id,
    amount: f.amount,
    currency: 'USD',
    validFrom: f.validFrom,
    validTo: f.validTo ?? null,
    waivable: f.waivable,
    verified: f.verified,
    authority: labels(f.authority),
    ...(f.verified ? {} : { note: say('fee.unverified') }),
  };
}
