/**
 * A skeleton of a motion to reopen before the immigration court: the parts software can fill (the
 * caption, the order it is about, its deadline as the law core computes it, the exceptions the core
 * names) and marked spaces for the parts an attorney or accredited representative must write.
 *
 * Which deadline applies is the core's decision (deadlines/rules/review.ts): 90 days after a final
 * order (INA 240(c)(7)), or 180 days after an order made in absentia with its own grounds (INA
 * 240(b)(5)(C)). What the motion must carry follows 8 CFR 1003.23(b)(3): the new facts, the
 * evidence of them, and the application for the relief sought.
 */
import { type DeadlineId, formatDate } from '../../core/index.ts';
import { deadlineFact } from '../explanations.ts';
import { type DocumentModel, heading, list, paragraph } from '../model.ts';
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

const REOPEN: readonly DeadlineId[] = ['motion_to_reopen', 'motion_to_reopen_in_absentia'];

/** The core's notes that name a way past the time limit, or an in absentia ground with its own. */
const EXCEPTIONS: ReadonlySet<string> = new Set([
  'motion.changed_country_conditions_exception',
  'in_absentia.exceptional_circumstances_180',
  'in_absentia.no_notice_any_time',
]);

export const NEW_FACTS =
  '[New facts and evidence: to be written by your attorney or accredited representative]';

export function buildMotionToReopen(input: unknown): DocumentModel {
  const { facts, deadline } = motionDeadline(
    input,
    REOPEN,
    'motion to reopen',
    ' Add the order as an event: "ij_decision" with outcome "denied", or "in_absentia_order".',
  );
  const f = parseCourtFiling(input, facts);
  const inAbsentia = deadline.id === 'motion_to_reopen_in_absentia';
  const order = longDate(formatDate(deadline.trigger.date));
  const rescind = inAbsentia ? ` and to rescind the order of removal entered in absentia on ${order}` : '';

  const motion = [
    paragraph(
      `The respondent, ${f.details.name}, asks the Court to reopen these removal proceedings${rescind}.`,
    ),
    paragraph(`On ${order}, ${orderWords(deadline)}.`),
    ...timeliness(f, deadline, EXCEPTIONS),
    heading('New facts and evidence'),
    paragraph(NEW_FACTS),
    paragraph(
      inAbsentia
        ? 'Drafting note (delete before filing): say why the respondent missed the hearing, and prove it: the ' +
            'exceptional circumstances (such as a serious illness of the respondent or of a close relative), or the ' +
            'facts showing that the respondent never received proper notice of the hearing or was in custody.'
        : 'Drafting note (delete before filing): state the facts a reopened hearing would prove, with the evidence ' +
            'of each (declarations, documents). The evidence must matter to the outcome, and must not have been ' +
            'available, or possible to find and present, at the earlier hearing. For changed country conditions, ' +
            'show what changed in the country, and when.',
      'small',
    ),
    heading('Application for relief'),
    paragraph(
      inAbsentia
        ? 'If the respondent asks for relief that is not already before the Court, the application for it is ' +
            'attached with its supporting documents: [Application for relief, if any: to be named by your attorney or accredited representative].'
        : 'The respondent attaches the application for the relief sought if the proceedings are reopened, with its ' +
            'supporting documents: [Application for relief: to be named by your attorney or accredited representative, ' +
            'for example Form I-589, Application for Asylum and for Withholding of Removal].',
    ),
    heading('Documents attached'),
    list([
      "The respondent's declaration, signed and dated.",
      'Evidence of the new facts: [to be listed].',
      `The application for relief${inAbsentia ? ', if any,' : ''} with its supporting documents: [to be listed].`,
      'Proof that the filing fee was paid, or the fee waiver request.',
      'A proposed order.',
    ]),
    heading('Argument'),
    paragraph(ARGUMENT),
    paragraph(
      `For these reasons, the respondent asks the Court to grant this motion and reopen these proceedings${
        inAbsentia ? ', rescinding the order of removal entered in absentia' : ''
      }.`,
    ),
    ...motionSignature(f),
  ];

  return buildCourtFiling(f, {
    documentTitle: 'Motion to reopen (immigration court)',
    title: inAbsentia
      ? "RESPONDENT'S MOTION TO REOPEN AND RESCIND THE IN ABSENTIA ORDER OF REMOVAL"
      : "RESPONDENT'S MOTION TO REOPEN",
    motionName: inAbsentia
      ? 'motion to reopen and rescind the in absentia order of removal'
      : 'motion to reopen',
    motion,
    ruling: [
      paragraph(
        `If the motion is granted, these proceedings are reopened${
          inAbsentia ? `, and the order of removal entered in absentia on ${order} is rescinded` : ''
        }.`,
      ),
    ],
    steps: [
      'Have your attorney or accredited representative write the new facts and the argument in the marked spaces, ' +
        'and delete the drafting notes.',
      'Attach the declaration, the evidence and the application for relief listed in the motion.',
      motionFee(f),
      ...representativeSteps(f),
    ],
    know: deadlineNotes(deadline),
    explanation: {
      kind: 'motion-to-reopen',
      court: courtPlace(f),
      represented: f.details.representative !== undefined,
      order: formatDate(deadline.trigger.date),
      inAbsentia,
      deadline: deadlineFact(deadline),
    },
  });
}
