/**
 * A signed letter to the USCIS asylum office withdrawing an affirmative asylum application (Form
 * I-589), a one-page checklist of what to enclose and where to send it, and the explanation in the
 * person's language (explanations.ts).
 *
 * The law core's withdrawal advisor decides whether a letter is the way to withdraw at all (only
 * while the application is pending at USCIS: channel `uscis_letter`) and what the letter must
 * contain; this file only puts it into words.
 */
import { assess, type Posture, parseCaseFacts } from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { explanationSection } from '../explanations.ts';
import {
  caption,
  checklist,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  lines,
  list,
  paragraph,
  signature,
} from '../model.ts';
import { addressLines, longDate, NOT_LEGAL_ADVICE, parseDetails } from './input.ts';

/** What the letter fills, by the advisor's `contents` codes (withdrawal.ts). */
const FILLED: ReadonlySet<string> = new Set([
  'name',
  'aNumber',
  'receiptNumber',
  'dateOfBirth',
  'statementOfWithdrawal',
  'reasonOptional',
  'signature',
  'date',
]);

/** The sentence that withdraws the application; tests look for it in the rendered files. */
export function withdrawalStatement(name: string): string {
  return (
    `I, ${name}, voluntarily withdraw my Form I-589, Application for Asylum and for Withholding of Removal, ` +
    'which is pending with your office. Please close my affirmative asylum case.'
  );
}

export function buildWithdrawalLetter(input: unknown): DocumentModel {
  const facts = parseCaseFacts(input);
  const assessment = assess(facts, { withdrawal: true });
  const advice = assessment.withdrawal!;
  const posture = assessment.report.posture.posture;
  // The case decides first: no one should fill in details for a letter that cannot be sent.
  if (advice.channel !== 'uscis_letter') throw refusal(advice.channel, posture);
  const details = parseDetails(input, facts, ['dateOfBirth']);
  const unknown = advice.contents.filter((c) => !FILLED.has(c));
  // The advisor asked for something this letter does not write: a bug to fix here, not bad input.
  if (unknown.length > 0) throw new Error(`the withdrawal letter does not fill: ${unknown.join(', ')}`);

  const date = longDate(facts.asOf);
  const fields: Field[] = [
    { label: 'Applicant', value: details.name },
    { label: 'A-Number', value: details.aNumber },
    ...(details.receiptNumber !== undefined
      ? [{ label: 'Receipt number', value: details.receiptNumber }]
      : []),
    { label: 'Date of birth', value: longDate(details.dateOfBirth!) },
  ];
  const office = details.asylumOffice?.split('\n') ?? ['Asylum Office'];

  const letter = [
    lines(details.name, ...(details.address !== undefined ? addressLines(details.address) : [])),
    paragraph(date),
    lines('U.S. Citizenship and Immigration Services', ...office),
    caption(fields, 'Re: Withdrawal of Form I-589, Application for Asylum and for Withholding of Removal'),
    paragraph('To the Asylum Office:'),
    paragraph(withdrawalStatement(details.name)),
    ...(details.reason !== undefined ? [paragraph(`My reason for withdrawing: ${details.reason}`)] : []),
    paragraph(
      details.address !== undefined
        ? 'Please send any notice about this withdrawal to me at the address above.'
        : 'Please send any notice about this withdrawal to my address on file with USCIS.',
    ),
    paragraph('Sincerely,'),
    signature(details.name, `Date: ${date}`),
  ];

  const before = [
    ...advice.warnings.map((w) => renderStep({ code: w.code, params: {} })),
    ...advice.steps
      .filter((s) => s.code === 'withdrawal.get_other_benefit_first')
      .map((s) => renderStep({ code: s.code, params: {} })),
  ];
  const where =
    details.asylumOffice !== undefined
      ? `Send it to the asylum office that has your case: ${details.asylumOffice.replace(/\n/g, ', ')}. ` +
        'Check this address against your latest notice from that office before you send it.'
      : 'Send it to the asylum office that has your case. Its address is on your latest notice from that office ' +
        '(the receipt notice or the interview notice). If you are not sure which office has your case, find out before you send it.';

  const checklistPage = [
    heading('Checklist: withdrawing your asylum application at USCIS'),
    paragraph(`For ${details.name}, ${details.aNumber}. Prepared on ${date}.`, 'small'),
    heading('What to do and what to enclose'),
    checklist([
      `Read the letter. Check your name, A-number, ${details.receiptNumber !== undefined ? 'receipt number ' : ''}` +
        'and date of birth against your notices.',
      'Sign the letter by hand, in ink, on the signature line.',
      'Enclose a copy of your I-589 receipt notice or your interview notice, if you have one. It helps the office find your case.',
      'Make a copy of the signed letter and of everything you enclose, and keep it.',
      'Send it in a way that gives you proof of delivery (for example certified mail with a return receipt), and keep the proof.',
    ]),
    heading('Where to send it'),
    paragraph(where),
    heading('Think about this before you send it'),
    list(before),
    paragraph(NOT_LEGAL_ADVICE, 'notice'),
  ];

  return createDocument('Withdrawal of asylum application (Form I-589)', [
    { blocks: letter },
    { blocks: checklistPage },
    explanationSection(details.language, {
      kind: 'withdrawal-letter',
      receiptNumber: details.receiptNumber !== undefined,
    }),
  ]);
}

function refusal(channel: 'ij_motion' | 'not_applicable', posture: Posture): DocumentInputError {
  const stage = renderStep({ code: `posture.${posture}`, params: {} });
  const why =
    channel === 'ij_motion'
      ? 'Before the immigration court, the application is withdrawn by asking the immigration judge ' +
        '(by written motion, or orally at a hearing), not by a letter to USCIS.'
      : renderStep({ code: `withdrawal.not_applicable.${posture}`, params: {} });
  return new DocumentInputError(
    'a withdrawal letter to USCIS fits only an application pending at a USCIS asylum office, ' +
      `and this case's stage is "${stage}". ${why} (withdrawal channel: ${channel})`,
    ['events'],
  );
}
