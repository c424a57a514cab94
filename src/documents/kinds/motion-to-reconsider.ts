/**
 * A skeleton of a motion to reconsider before the immigration court: the caption, the decision it
 * is about, its deadline as the law core computes it (30 days, INA 240(c)(6); deadlines/rules/
 * review.ts), and a marked space for the errors of fact or law in that decision, with the authority
 * for each (8 CFR 1003.23(b)(2)), which an attorney or accredited representative must write.
 * Reconsideration rests on the record as it stands: new evidence belongs in a motion to reopen.
 */
import { type DeadlineId, formatDate } from '../../core/index.ts';
import { deadlineFact } from '../explanations.ts';
import { type DocumentModel, heading, paragraph } from '../model.ts';
import {
  ARGUMENT,
  buildCourtFiling,
  courtPlace,
  deadlineNotes,
  motionDeadline,
  motionFee,
  motionSignature,
  orderWords,
  parseCourtFiling,
  representativeSteps,
  timeliness,
} from './court-filing.ts';
import { longDate } from './input.ts';

const RECONSIDER: readonly DeadlineId[] = ['motion_to_reconsider'];

export function buildMotionToReconsider(input: unknown): DocumentModel {
  const { facts, deadline } = motionDeadline(
    input,
    RECONSIDER,
    'motion to reconsider',
    ' It is counted from a decision of the immigration judge ("ij_decision" with outcome "denied"); ' +
      'an order made in absentia is challenged by a motion to reopen (document "motion-to-reopen").',
  );
  const f = parseCourtFiling(input, facts);
  const decision = longDate(formatDate(deadline.trigger.date));

  const motion = [
    paragraph(`The respondent, ${f.details.name}, asks the Court to reconsider its decision of ${decision}.`),
    paragraph(`On ${decision}, ${orderWords(deadline)}.`),
    ...timeliness(f, deadline),
    heading('Errors of fact or law in the decision'),
    paragraph(ARGUMENT),
    paragraph(
      `Drafting note (delete before filing): name each error of fact or of law in the decision of ${decision}, ` +
        'and the statute, regulation or precedent decision that shows it. A motion to reconsider argues from the ' +
        'record as it stands; new facts or evidence belong in a motion to reopen.',
      'small',
    ),
    paragraph(`For these reasons, the respondent asks the Court to reconsider its decision of ${decision}.`),
    ...motionSignature(f),
  ];

  return buildCourtFiling(f, {
    documentTitle: 'Motion to reconsider (immigration court)',
    title: "RESPONDENT'S MOTION TO RECONSIDER",
    motionName: 'motion to reconsider',
    motion,
    ruling: [paragraph(`If the motion is granted, the Court reconsiders its decision of ${decision}.`)],
    steps: [
      'Have your attorney or accredited representative write the errors of fact or law in the marked space, ' +
        'and delete the drafting note.',
      motionFee(f),
      ...representativeSteps(f),
    ],
    know: deadlineNotes(deadline),
    explanation: {
      kind: 'motion-to-reconsider',
      court: courtPlace(f),
      represented: f.details.representative !== undefined,
      decision: formatDate(deadline.trigger.date),
      deadline: deadlineFact(deadline),
    },
  });
}
