/**
 * A pre-filled summary for telling the immigration court or the BIA (Form EOIR-33) and USCIS (Form
 * AR-11) about a move: the answers the forms ask for, and each deadline as the law core computes it
 * for the case's latest `address_change` event, then the explanation in the person's language
 * (explanations.ts). Which forms apply is the core's decision
 * (deadlines/rules/address-change.ts), not this file's.
 */
import {
  citationLabel,
  computeDeadlines,
  type Deadline,
  type DeadlineId,
  formatDate,
} from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { deadlineFact, explanationSection } from '../explanations.ts';
import {
  type Block,
  caption,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  list,
  paragraph,
} from '../model.ts';
import { addressLines, longDate, NOT_LEGAL_ADVICE, parseDocumentInput } from './input.ts';

const FORMS: readonly DeadlineId[] = ['address_change_court', 'address_change_bia', 'address_change_uscis'];

const WHERE: Readonly<Record<string, string>> = {
  address_change_court:
    'File Form EOIR-33/IC with the immigration court that has your case, and serve a copy on the DHS attorney ' +
    '(the form has a proof of service for this). Keep a copy.',
  address_change_bia:
    'File Form EOIR-33/BIA with the Board of Immigration Appeals, and serve a copy on the DHS attorney. Keep a copy.',
  address_change_uscis:
    'Submit Form AR-11 to USCIS, online or on paper as its instructions say, and keep the confirmation.',
};

/** Which form each deadline is, as the explanation page names it. */
const EXPLAINED_FORM: Readonly<Partial<Record<DeadlineId, 'court' | 'bia' | 'uscis'>>> = {
  address_change_court: 'court',
  address_change_bia: 'bia',
  address_change_uscis: 'uscis',
};

function statusLine(d: Deadline): string {
  if (d.status === 'met') return `Done on ${longDate(formatDate(d.doneOn!))}, on time.`;
  if (d.status === 'passed')
    return d.doneOn !== undefined
      ? `Filed on ${longDate(formatDate(d.doneOn))}, after the deadline.`
      : 'The deadline has passed. The form is still needed: file it as soon as you can.';
  return 'Not filed yet.';
}

export function buildChangeOfAddress(input: unknown): DocumentModel {
  const { facts, details } = parseDocumentInput(input, ['newAddress']);
  const report = computeDeadlines(facts);
  const deadlines = FORMS.flatMap((id) => report.deadlines.filter((d) => d.id === id));
  const uscis = deadlines.find((d) => d.id === 'address_change_uscis');
  // Every move needs an AR-11, so no AR-11 deadline means the case has no move.
  if (uscis === undefined)
    throw new DocumentInputError(
      'the case has no address_change event: add { "type": "address_change", "date": "YYYY-MM-DD" } with the day of the move',
      ['events'],
    );
  const moved = formatDate(uscis.trigger.date);

  const fields: Field[] = [
    { label: 'Name', value: details.name },
    { label: 'A-Number', value: details.aNumber },
    {
      label: 'Date of birth',
      value:
        details.dateOfBirth !== undefined
          ? longDate(details.dateOfBirth)
          : 'not given: fill it in on the form',
    },
    { label: 'Date of the move', value: longDate(moved) },
    { label: 'New address', value: addressLines(details.newAddress!).join('\n') },
    {
      label: 'Previous address',
      value:
        details.address !== undefined
          ? addressLines(details.address).join('\n')
          : 'not given: fill it in on the form',
    },
  ];

  const forms: Block[] = deadlines.flatMap((d) => [
    heading(renderStep({ code: `deadline.${d.id}`, params: {} })),
    caption([
      { label: 'Due by', value: longDate(formatDate(d.due), { weekday: true }) },
      { label: 'Status', value: statusLine(d) },
      { label: 'Rule', value: d.authority.map(citationLabel).join('; ') },
    ]),
    paragraph(`How the date is counted: ${d.steps.map((s) => renderStep(s)).join(' ')}`, 'small'),
    paragraph(WHERE[d.id]!),
    ...(d.notes.length > 0 ? [list(d.notes.map((n) => renderStep(n)))] : []),
  ]);
  const court = deadlines.some((d) => d.id !== 'address_change_uscis');
  const warnings = report.warnings.filter((w) => w.code.startsWith('address.')).map((w) => renderStep(w));

  return createDocument('Change of address: Forms EOIR-33 and AR-11', [
    {
      blocks: [
        heading('Change of address: what to file and by when'),
        paragraph(
          `Prepared on ${longDate(facts.asOf)} for the move on ${longDate(moved)}. ` +
            'Copy these answers onto the official forms; this page is not a form and is not filed.',
          'small',
        ),
        caption(fields, 'Your answers for the forms'),
        ...(warnings.length > 0 ? [list(warnings)] : []),
        ...forms,
        ...(court
          ? []
          : [
              heading('Form EOIR-33 (immigration court or BIA)'),
              paragraph(
                'Not needed for this move: on the day of the move the case was not before the immigration court or the BIA.',
              ),
            ]),
        paragraph(NOT_LEGAL_ADVICE, 'notice'),
      ],
    },
    explanationSection(details.language, {
      kind: 'change-of-address',
      forms: deadlines.map((d) => ({ form: EXPLAINED_FORM[d.id]!, deadline: deadlineFact(d) })),
    }),
  ]);
}
