/**
 * A motion asking the immigration judge to let the person withdraw the asylum application (Form
 * I-589), with the cover page, proposed order and proof of service every court filing has
 * (court-filing.ts).
 *
 * The law core's withdrawal advisor decides whether a motion is the way to withdraw at all (only
 * while the case is before the immigration court: channel `ij_motion`) and what the motion must
 * contain; this file only puts it into words.
 */
import { assess, type CaseEvent, type Posture, parseCaseFacts } from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { checklist, type DocumentModel, paragraph } from '../model.ts';
import { buildCourtFiling, courtPlace, latest, motionSignature, parseCourtFiling } from './court-filing.ts';
import { longDate } from './input.ts';

/** What the motion fills, by the advisor's `contents` codes (withdrawal.ts). */
const FILLED: ReadonlySet<string> = new Set([
  'caption',
  'name',
  'aNumber',
  'statementOfWithdrawal',
  'withOrWithoutPrejudice',
  'otherReliefSought',
  'proofOfServiceOnDhs',
  'signature',
  'date',
]);

/** The advisor's steps this packet carries out itself: the motion, and its service on DHS. */
const DONE_HERE: ReadonlySet<string> = new Set([
  'withdrawal.ij.file_motion_or_ask_at_hearing',
  'withdrawal.ij.serve_dhs',
]);

/** The sentence that asks to withdraw the application; tests look for it in the rendered files. */
export function motionToWithdrawStatement(name: string): string {
  return (
    `The respondent, ${name}, asks the Court to permit the withdrawal of the respondent's Form I-589, ` +
    'Application for Asylum and for Withholding of Removal, and makes this request knowingly and voluntarily.'
  );
}

const PREJUDICE = {
  without: 'The respondent asks that the withdrawal be without prejudice.',
  with:
    'The respondent agrees that the withdrawal is with prejudice: the application cannot be filed again in ' +
    'these proceedings unless they are reopened.',
} as const;

export function buildMotionToWithdraw(input: unknown): DocumentModel {
  const facts = parseCaseFacts(input);
  const assessment = assess(facts, { withdrawal: true });
  const advice = assessment.withdrawal!;
  // The case decides first: no one should fill in details for a motion that cannot be filed.
  if (advice.channel !== 'ij_motion') throw refusal(advice.channel, assessment.report.posture.posture);
  const f = parseCourtFiling(input, facts);
  const { name, prejudice, otherRelief, reason } = f.details;
  if (prejudice === undefined)
    throw new DocumentInputError(
      'document.prejudice is required for a motion to withdraw: "without" (the application may be filed again in ' +
        'these proceedings) or "with" (it may not, unless they are reopened). The judge decides; the motion says which is asked.',
      ['document', 'prejudice'],
    );
  const unknown = advice.contents.filter((c) => !FILLED.has(c));
  // The advisor asked for something this motion does not write: a bug to fix here, not bad input.
  if (unknown.length > 0) throw new Error(`the motion to withdraw does not fill: ${unknown.join(', ')}`);

  const filed = latest(
    facts,
    (e): e is Extract<CaseEvent, { type: 'asylum_filed' }> => e.type === 'asylum_filed',
  );
  const motion = [
    paragraph(motionToWithdrawStatement(name)),
    ...(filed !== undefined ? [paragraph(`The application was filed on ${longDate(filed.date)}.`)] : []),
    paragraph(PREJUDICE[prejudice]),
    paragraph(
      otherRelief !== undefined
        ? `Instead of the application withdrawn, the respondent asks the Court for: ${otherRelief}`
        : 'The respondent asks for no other relief in this motion, and understands that without other relief ' +
            'the Court may order the respondent removed, or grant voluntary departure.',
    ),
    ...(reason !== undefined ? [paragraph(`The respondent's reason for withdrawing: ${reason}`)] : []),
    paragraph('For these reasons, the respondent asks the Court to grant this motion.'),
    ...motionSignature(f),
  ];

  const render = (code: string) => renderStep({ code, params: {} });
  return buildCourtFiling(f, {
    documentTitle: 'Motion to withdraw an asylum application (immigration court)',
    title:
      "RESPONDENT'S MOTION TO WITHDRAW THE APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL (FORM I-589)",
    motionName: 'motion to withdraw the application for asylum and for withholding of removal (Form I-589)',
    motion,
    ruling: [
      paragraph('If the motion is granted, the application is withdrawn:'),
      checklist(['with prejudice', 'without prejudice']),
    ],
    steps: [],
    know: [
      ...advice.warnings.map((w) => render(w.code)),
      ...advice.steps.filter((s) => !DONE_HERE.has(s.code)).map((s) => render(s.code)),
      ...advice.alternatives.map((a) => `Another way to weigh first: ${render(a.code)}`),
    ],
    explanation: {
      kind: 'motion-to-withdraw',
      court: courtPlace(f),
      prejudice,
      represented: f.details.representative !== undefined,
      ...(f.nextHearingDate !== undefined ? { nextHearingDate: f.nextHearingDate } : {}),
    },
  });
}

function refusal(channel: 'uscis_letter' | 'not_applicable', posture: Posture): DocumentInputError {
  const stage = renderStep({ code: `posture.${posture}`, params: {} });
  const why =
    channel === 'uscis_letter'
      ? 'While the application is pending at a USCIS asylum office, it is withdrawn by a signed letter to that office ' +
        '(document "withdrawal-letter"), not by a motion to a judge.'
      : renderStep({ code: `withdrawal.not_applicable.${posture}`, params: {} });
  return new DocumentInputError(
    'a motion to withdraw the asylum application fits only a case before the immigration court, ' +
      `and this case's stage is "${stage}". ${why} (withdrawal channel: ${channel})`,
    ['events'],
  );
}
