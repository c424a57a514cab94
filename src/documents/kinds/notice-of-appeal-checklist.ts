/**
 * A filled checklist and summary for preparing a notice of appeal to the Board of Immigration
 * Appeals (Form EOIR-26) from an immigration judge's decision. It is not the form and not a copy of
 * it: it gathers the answers the form asks for, the deadline as the law core computes it (with its
 * counting and authority), the fee in force on the as-of date from law/fees.ts, what to attach and
 * where to send it.
 *
 * Whether an appeal lies at all (a denial, not waived, not in absentia) is the core's decision
 * (deadlines/rules/review.ts); this file only refuses when the core gives no `bia_appeal` deadline,
 * and says why in the core's own words.
 */
import * as z from 'zod';
import type { Fee } from '../../../law/fees.ts';
import {
  type CitationId,
  citationLabel,
  computeDeadlines,
  type Deadline,
  type DeadlineReport,
  daysBetween,
  feesInForce,
  formatDate,
  parseCaseFacts,
} from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { deadlineFact, explanationSection } from '../explanations.ts';
import {
  type Block,
  caption,
  checklist,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  lines,
  list,
  paragraph,
} from '../model.ts';
import {
  bool,
  line,
  longDate,
  NOT_LEGAL_ADVICE,
  objectError,
  parseDetails,
  parseKindDetails,
  text,
} from './input.ts';

/** What only this checklist reads, under the input's `appeal` key; every field is optional. */
const appealDetails = z.strictObject(
  {
    /** The immigration court that decided, as its notices name it ("Newark Immigration Court"). */
    immigrationCourt: line(200).optional(),
    /** An attorney or DOJ-accredited representative will represent the person before the BIA. */
    represented: bool.optional(),
    /** The person will ask for a fee waiver (Form EOIR-26A) instead of paying the fee. */
    feeWaiver: bool.optional(),
    /** The answer to the form's question whether a separate written brief or statement will follow. */
    separateBrief: bool.optional(),
    /** The reasons for the appeal as drafted so far, one per item. */
    reasons: z
      .array(text(2000), { error: 'must be a list of reasons' })
      .min(1, 'must list at least one reason, or be left out')
      .max(20, 'is too long (at most 20 reasons; put the rest in a brief)')
      .optional(),
    /** The DHS (ICE) chief counsel office that gets a copy, as on the notices from the court. */
    dhsOffice: text(300).optional(),
  },
  objectError,
);
export type AppealDetails = z.infer<typeof appealDetails>;

/**
 * Where paper appeals go. From the BIA Practice Manual (ch. 7.1 and Appendix A, read 2026-11-22).
 * OPEN QUESTION: the manual has at times given a separate address for US Postal Service mail; the
 * document tells the reader to check the current Form EOIR-26 instructions before sending.
 */
const BIA_ADDRESS = [
  'Board of Immigration Appeals',
  "Clerk's Office",
  '5107 Leesburg Pike, Suite 2000',
  'Falls Church, VA 22041',
] as const;

/** Summary dismissal when the reasons are not specific, or a promised brief never comes. */
const REASONS_AUTHORITY: readonly CitationId[] = ['8-CFR-1003.3-b', '8-CFR-1003.1-d-2-i', 'BIA-PM-4.16'];

const dollars = (amount: number) =>
  `$${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount)}`;
const cite = (ids: readonly CitationId[]) => ids.map(citationLabel).join('; ');

/** The fee for Form EOIR-26 on a date; the fee data must always have one, so none is a bug. */
function appealFee(on: Deadline['due']): Fee {
  const fee = feesInForce(on).find((f) => f.id === 'EOIR-26');
  if (fee === undefined) throw new Error(`law/fees.ts has no EOIR-26 fee in force on ${formatDate(on)}`);
  return fee;
}

function refusal(report: DeadlineReport): DocumentInputError {
  const said = (code: string) => report.warnings.find((w) => w.code === code);
  const waived = said('bia.appeal_waived');
  if (waived !== undefined)
    return new DocumentInputError(
      `no notice of appeal can be prepared: ${renderStep(waived)} ` +
        'Ask a lawyer or a DOJ-accredited representative whether a motion to reopen or to reconsider is possible.',
      ['events'],
    );
  const inAbsentia = said('bia.no_appeal_in_absentia');
  if (inAbsentia !== undefined)
    return new DocumentInputError(`no notice of appeal can be prepared: ${renderStep(inAbsentia)}`, [
      'events',
    ]);
  const decision = report.timeline.last('ij_decision');
  if (decision === undefined)
    return new DocumentInputError(
      'the case has no immigration judge decision to appeal: add { "type": "ij_decision", "date": "YYYY-MM-DD", "outcome": "denied" } ' +
        'with the day the judge decided (for a written decision, the day it was mailed or served)',
      ['events'],
    );
  if (decision.event.outcome !== 'granted')
    return new DocumentInputError(
      'the law core gives no BIA appeal deadline for this case, so no notice of appeal can be prepared; check the events',
      ['events'],
    );
  // INTERPRETATION: the core models an IJ decision as granted or denied as a whole. A person who
  // won has nothing to appeal here; a partial denial (asylum denied, withholding granted) can be
  // appealed, but the facts cannot say so yet. OPEN QUESTION: add a partial outcome to the facts.
  return new DocumentInputError(
    'the immigration judge granted the case (the latest ij_decision has outcome "granted"), so there is no denial to appeal. ' +
      'If the judge denied part of what was asked (for example asylum denied but withholding of removal granted), ' +
      'the 30-day appeal period still applies: talk to a lawyer or a DOJ-accredited representative now.',
    ['events', decision.index],
  );
}

function statusLine(d: Deadline, asOf: Deadline['due']): string {
  if (d.status === 'met') return `Received by the BIA on ${longDate(formatDate(d.doneOn!))}, on time.`;
  if (d.status === 'passed')
    return d.doneOn !== undefined
      ? `Received by the BIA on ${longDate(formatDate(d.doneOn))}, after the due date.`
      : 'The due date has passed and the case shows no appeal received by the BIA.';
  const left = daysBetween(asOf, d.due);
  return left === 0
    ? 'Not filed yet. The due date is the day this checklist was prepared: the BIA must receive it today.'
    : `Not filed yet. ${left} calendar day${left === 1 ? '' : 's'} from the day this checklist was prepared to the due date.`;
}

/** One line for the summary page; the fee section on the next page has the rest. */
function feeSummary(report: DeadlineReport, appeal: AppealDetails | undefined): string {
  const fee = appealFee(report.asOf);
  if (appeal?.feeWaiver === true && fee.waivable)
    return 'A fee waiver request (Form EOIR-26A) instead of the fee';
  const amount = dollars(fee.amount);
  if (appeal?.feeWaiver === false || !fee.waivable) return amount;
  return `${amount}, or a fee waiver request (Form EOIR-26A)`;
}

function feeBlocks(report: DeadlineReport, d: Deadline, appeal: AppealDetails | undefined): Block[] {
  const fee = appealFee(report.asOf);
  const amount = dollars(fee.amount);
  const facts: Field[] = [
    { label: 'Filing fee', value: `${amount} (in force on ${longDate(formatDate(report.asOf))})` },
    { label: 'Rule', value: cite([...fee.authority, '8-CFR-1003.38-d']) },
  ];
  const notes: string[] = [];
  if (!fee.verified) notes.push(renderStep({ code: 'fee.unverified', params: {} }));
  // The fee data are dated: when another amount starts before the due date, say from when.
  if (d.status === 'upcoming') {
    const atDue = appealFee(d.due);
    if (atDue.amount !== fee.amount)
      notes.push(
        `The fee changes on ${longDate(atDue.validFrom)}: an appeal the BIA receives on or after that day needs ${dollars(atDue.amount)}.`,
      );
  }
  const waiver = fee.waivable
    ? 'Form EOIR-26A (Fee Waiver Request), filled in and signed, with the appeal and in place of the fee. ' +
      'It asks about your income, expenses and assets; the BIA decides whether to waive the fee.'
    : undefined;
  let choice: string;
  if (appeal?.feeWaiver === true) {
    if (waiver === undefined)
      throw new DocumentInputError(
        'appeal.feeWaiver is true, but the fee data say this fee cannot be waived on this date',
        ['appeal', 'feeWaiver'],
      );
    choice = `You plan to ask for a fee waiver. Send ${waiver}`;
  } else if (appeal?.feeWaiver === false)
    choice = `You plan to pay the ${amount} fee. Pay it the way the current Form EOIR-26 instructions describe, and send the proof of payment with the appeal.`;
  else
    choice =
      `Either pay the ${amount} fee (the way the current Form EOIR-26 instructions describe, with the proof of payment) ` +
      (waiver !== undefined ? `or send ${waiver}` : 'with the appeal; this fee cannot be waived.');
  return [
    heading('The filing fee or a fee waiver request'),
    caption(facts),
    paragraph(choice),
    paragraph(
      'Without the fee or a fee waiver request, the appeal is not properly filed, even if the form itself arrives on time.',
    ),
    ...(notes.length > 0 ? [list(notes)] : []),
  ];
}

export function buildNoticeOfAppealChecklist(input: unknown): DocumentModel {
  const facts = parseCaseFacts(input);
  const report = computeDeadlines(facts);
  const d = report.deadlines.find((x) => x.id === 'bia_appeal');
  // The case decides first: no one should fill in details for an appeal that cannot be taken.
  if (d === undefined) throw refusal(report);
  const decided = formatDate(d.trigger.date);
  const bia = report.timeline.last('bia_decision');
  if (bia !== undefined && bia.on >= d.trigger.date)
    throw new DocumentInputError(
      `the BIA already decided this appeal on ${longDate(bia.event.date)}; the next steps are a motion to the BIA ` +
        'or a petition for review in the court of appeals, not a new notice of appeal',
      ['events', bia.index],
    );
  const details = parseDetails(input, facts);
  const appeal = parseKindDetails(input, 'appeal', appealDetails);
  const asOf = longDate(facts.asOf);
  const due = longDate(formatDate(d.due), { weekday: true });
  const late = d.status === 'passed' && d.doneOn === undefined;

  const answers: Field[] = [
    { label: 'Name', value: details.name },
    { label: 'A-Number', value: details.aNumber },
    {
      label: 'Immigration court',
      value: appeal?.immigrationCourt ?? 'not given: use the name on the judge’s decision',
    },
    { label: 'Date of the decision', value: longDate(decided) },
    { label: 'Decision', value: 'The immigration judge denied the case' },
    { label: 'Filing fee', value: feeSummary(report, appeal) },
    {
      label: 'Represented before the BIA',
      value:
        appeal?.represented === undefined
          ? 'not given'
          : appeal.represented
            ? 'Yes, by an attorney or DOJ-accredited representative'
            : 'No',
    },
    {
      label: 'Separate brief',
      value:
        appeal?.separateBrief === undefined
          ? 'not decided yet: decide before you file (see "The brief question")'
          : appeal.separateBrief
            ? 'Yes, a separate brief or statement will follow'
            : 'No: all the reasons are on the form or attached to it',
    },
  ];

  const deadlineBlocks: Block[] = [
    heading('The deadline: the BIA must receive the appeal by'),
    caption([
      { label: 'Due by', value: due },
      { label: 'Status', value: statusLine(d, report.asOf) },
      { label: 'Rule', value: cite(d.authority) },
    ]),
    paragraph(`How the date is counted: ${d.steps.map((s) => renderStep(s)).join(' ')}`, 'small'),
    paragraph(
      'The date that counts is the day the BIA receives the appeal, not the day you mail it: an appeal mailed on time that arrives ' +
        'after the due date is late. Send it early, by a way that tracks delivery.',
    ),
    paragraph(
      'The 30 days run from the decision date above. For a decision the judge gave orally at the hearing, that is the hearing day; ' +
        'for a written decision, it is the day the decision was mailed or served electronically. If the date above is not that day, ' +
        'correct the case before you rely on this date.',
      'small',
    ),
    ...(d.notes.length > 0 ? [list(d.notes.map((n) => renderStep(n)))] : []),
  ];

  const urgent: Block[] = late
    ? [
        paragraph(
          `The deadline has passed: it was ${due}. The BIA accepts a late appeal only in rare cases. ` +
            'Talk to a lawyer or a DOJ-accredited representative right away about what is still possible.',
          'notice',
        ),
      ]
    : [];

  const summary: Block[] = [
    heading('Notice of appeal to the BIA (Form EOIR-26): summary and checklist'),
    paragraph(
      `Prepared on ${asOf}. This is not Form EOIR-26 and is not filed: use it to fill in and check the official form, ` +
        'which you get from the EOIR website.',
      'small',
    ),
    ...urgent,
    caption(answers, 'Your answers for the form'),
    ...deadlineBlocks,
  ];

  const attach: string[] = [
    'Form EOIR-26 (Notice of Appeal from a Decision of an Immigration Judge), every question answered, signed and dated.',
    appeal?.feeWaiver === true
      ? 'Form EOIR-26A (Fee Waiver Request), signed.'
      : appeal?.feeWaiver === false
        ? 'Proof that the filing fee was paid.'
        : 'Proof that the filing fee was paid, or Form EOIR-26A (Fee Waiver Request), signed.',
    'A copy of the immigration judge’s decision, if you have it (the written decision, or the order the judge signed after an oral decision).',
    'Proof of service: the signed statement on the form that you sent a copy of the appeal and of everything attached to ' +
      (appeal?.dhsOffice !== undefined
        ? `the DHS attorney at ${appeal.dhsOffice.replace(/\n/g, ', ')}`
        : 'the DHS attorney (ICE Office of the Principal Legal Advisor) for the court that decided your case') +
      ', with the date and the way you sent it.',
    ...(appeal?.represented === false
      ? []
      : [
          appeal?.represented === true
            ? 'Form EOIR-27 (Notice of Entry of Appearance as Attorney or Representative Before the Board), filed by your attorney or accredited representative.'
            : 'If an attorney or DOJ-accredited representative represents you before the BIA: their Form EOIR-27 (Notice of Entry of Appearance Before the Board).',
        ]),
    'A complete copy of everything you send, kept for yourself, with the proof of delivery.',
  ];

  const reasonsBlocks: Block[] = [
    heading('The reasons for the appeal must be specific'),
    paragraph(
      'Say exactly what the judge got wrong: which findings of fact, which conclusions of law, or both, and why. ' +
        'If the BIA cannot tell from the form and its attachments why you appeal, it can dismiss the appeal without deciding it. ' +
        `(${cite(REASONS_AUTHORITY)})`,
    ),
    list([
      'Too general: "The judge was wrong to deny my case."',
      'Specific: "The judge found my testimony not credible because of a difference in one date, but did not consider my explanation for it."',
      'Specific: "The judge held that the harm I suffered was not persecution without considering all the incidents together."',
    ]),
    ...(appeal?.reasons !== undefined
      ? [
          paragraph(
            'Your reasons as drafted so far. Check that each one names the finding or the legal conclusion it challenges:',
          ),
          checklist(appeal.reasons),
        ]
      : []),
    paragraph(renderStep({ code: 'step.no_new_evidence_on_appeal', params: {} })),
  ];

  const briefBlocks: Block[] = [
    heading('The brief question'),
    paragraph(
      'The form asks whether you will file a separate written brief or statement. If you answer yes, the BIA sends a briefing ' +
        'schedule with the due date; if nothing arrives by then and you give no explanation, the BIA can dismiss the appeal without ' +
        'deciding it. If you answer no, put all your reasons on the form or on pages attached to it now.',
    ),
    list([
      renderStep({ code: 'step.file_bia_brief', params: {} }),
      renderStep({ code: 'bia.brief_extension', params: {} }),
    ]),
  ];

  const paper =
    'File it on paper: send it by a courier or mail service that tracks delivery, or deliver it in person, so that it arrives before the due date.';
  const ecas =
    'An attorney or accredited representative files it electronically through EOIR’s Courts & Appeals System (ECAS) when the case is an ' +
    'electronic case; a filing there counts when it is submitted.';
  const howBlocks: Block[] = [
    heading('How to file it'),
    paragraph(
      appeal?.represented === true
        ? ecas
        : appeal?.represented === false
          ? `${paper} If EOIR has told you in writing that you can file online through its Respondent Access portal, you may file there instead.`
          : `With a representative: ${ecas} Without one: ${paper}`,
    ),
    heading('Where to send it'),
    paragraph('Send the appeal to the Board of Immigration Appeals itself, not to the immigration court:'),
    lines(...BIA_ADDRESS),
    paragraph(
      'Check this address against the instructions of the current Form EOIR-26 before you send it: EOIR changes addresses and ' +
        'may give a different one for some mail services. Send the copy for DHS to the DHS attorney, not to the BIA.',
      'small',
    ),
    paragraph(renderStep({ code: 'step.stay_during_appeal', params: {} })),
    paragraph(renderStep({ code: 'step.keep_bia_address_current', params: {} })),
    paragraph(NOT_LEGAL_ADVICE, 'notice'),
  ];

  return createDocument('Notice of appeal to the BIA (Form EOIR-26): checklist', [
    { blocks: summary },
    {
      blocks: [
        ...feeBlocks(report, d, appeal),
        heading('What to send, and what to attach'),
        checklist(attach),
        ...reasonsBlocks,
        ...briefBlocks,
        ...howBlocks,
      ],
    },
    explanationSection(details.language, {
      kind: 'notice-of-appeal-checklist',
      decision: decided,
      deadline: deadlineFact(d),
    }),
  ]);
}
