/**
 * What every filing with an immigration court shares, laid out as the Immigration Court Practice
 * Manual asks (ch. 3.3(c): cover page and caption; ch. 3.2: proof of service; ch. 5.2(b): a
 * proposed order with a motion): the cover page, the caption, the proposed order for the judge, the proof
 * of service on DHS, a page for the person that is not filed, and the explanation in the person's
 * language (explanations.ts). The kinds
 * (motion-to-withdraw.ts, motion-to-reopen.ts, motion-to-reconsider.ts) write only the motion; the
 * exhibit packet (exhibit-packet.ts) has the same cover page and proof of service.
 *
 * The law core decides whether a filing fits the case and when it is due; this file only reads
 * its answers and puts them into words.
 */
import {
  type CaseEvent,
  type CaseFacts,
  citationLabel,
  computeDeadlines,
  type Deadline,
  type DeadlineId,
  feesInForce,
  formatDate,
  parseCaseFacts,
  parseDate,
} from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { type Explained, explanationSection } from '../explanations.ts';
import {
  type Block,
  caption,
  centered,
  checklist,
  columns,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  lines,
  list,
  paragraph,
  type Section,
  signature,
} from '../model.ts';
import {
  addressLines,
  type CourtDetails,
  longDate,
  NOT_LEGAL_ADVICE,
  type PersonDetails,
  parseDetails,
  type ServiceDetails,
} from './input.ts';

/** The space left for the argument: the part no software should write. */
export const ARGUMENT = '[Argument: to be written by your attorney or accredited representative]';

/** A case and the details every court filing needs, checked once. */
export interface CourtFiling {
  readonly facts: CaseFacts;
  readonly details: PersonDetails;
  readonly court: CourtDetails;
  readonly detained: boolean;
  /** The next hearing, from the document or the case's latest hearing notice. */
  readonly nextHearingDate?: string;
  /** The day the filing is dated: the case's as-of date. */
  readonly date: string;
}

/** The most recent event that passes `has`, by date. */
export function latest<T extends CaseEvent>(facts: CaseFacts, has: (e: CaseEvent) => e is T): T | undefined {
  return facts.events
    .filter(has)
    .reduce<T | undefined>((a, e) => (a === undefined || e.date >= a.date ? e : a), undefined);
}

/**
 * The `document` details of a court filing. The court is required; detention and the next hearing
 * may come from the case's events, but the document wins: a person may have been released, and a
 * hearing moved, since the last notice.
 */
export function parseCourtFiling(input: unknown, facts: CaseFacts): CourtFiling {
  const details = parseDetails(input, facts);
  const court = details.court;
  if (court === undefined)
    throw new DocumentInputError(
      'document.court is required for a court filing: { "city", "state" } of the immigration court that has the case ' +
        '(on the hearing notice), and "judge" and "nextHearingDate" when known',
      ['document', 'court'],
    );
  if (details.representative === undefined && details.address === undefined)
    throw new DocumentInputError(
      'document.address is required for a court filing by the person themselves: the cover page starts with the ' +
        "filer's name and address (or give document.representative, with the EOIR ID)",
      ['document', 'address'],
    );

  const custody = latest(
    facts,
    (e): e is Extract<CaseEvent, { type: 'nta_filed' | 'hearing_notice' }> =>
      (e.type === 'nta_filed' || e.type === 'hearing_notice') && e.detained !== undefined,
  );
  const detained = details.detained ?? custody?.detained;
  if (detained === undefined)
    throw new DocumentInputError(
      'document.detained is required for a court filing: true or false (the cover page says DETAINED or NON-DETAINED), ' +
        'unless the case\'s latest hearing_notice or nta_filed says "detained"',
      ['document', 'detained'],
    );

  if (court.nextHearingDate !== undefined && court.nextHearingDate < facts.asOf)
    throw new DocumentInputError(
      'document.court.nextHearingDate is before asOf: give the next hearing, or leave it out',
      ['document', 'court', 'nextHearingDate'],
    );
  const notice = latest(
    facts,
    (e): e is Extract<CaseEvent, { type: 'hearing_notice' }> =>
      e.type === 'hearing_notice' && e.hearingDate >= facts.asOf,
  );
  const nextHearingDate = court.nextHearingDate ?? notice?.hearingDate;

  return {
    facts,
    details,
    court,
    detained,
    ...(nextHearingDate !== undefined ? { nextHearingDate } : {}),
    date: facts.asOf,
  };
}

/** The A-number as EOIR prints file numbers: A and nine digits in groups of three (A012-345-678). */
export function fileNumber(aNumber: string): string {
  const d = aNumber.slice(1);
  return `A${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}

/** Who signs and files: the representative when there is one, otherwise the person. */
function filerName(details: PersonDetails): string {
  return details.representative?.name ?? details.name;
}

/** The cover page's top left: who files, where to reach them and, for a representative, the EOIR ID. */
export function filerLines(details: PersonDetails): string[] {
  const rep = details.representative;
  if (rep === undefined)
    return [
      details.name,
      ...(details.address !== undefined ? addressLines(details.address) : []),
      'Respondent, pro se',
    ];
  return [
    rep.name,
    ...(rep.organization !== undefined ? [rep.organization] : []),
    ...addressLines(rep.address),
    ...(rep.phone !== undefined ? [`Tel. ${rep.phone}`] : []),
    ...(rep.email !== undefined ? [rep.email] : []),
    `EOIR ID: ${rep.eoirId}`,
    'Representative for the respondent',
  ];
}

/** The court's name, centred, as the manual's sample cover page shows it. */
export function courtName(court: CourtDetails): Block {
  return centered([
    'UNITED STATES DEPARTMENT OF JUSTICE',
    'EXECUTIVE OFFICE FOR IMMIGRATION REVIEW',
    'IMMIGRATION COURT',
    `${court.city.toUpperCase()}, ${court.state}`,
  ]);
}

/**
 * The caption: who the proceedings are about, and the file number. The name stays as the person
 * writes it: capitalising would change some names (Turkish "i", German "ß").
 */
export function matterOf(details: PersonDetails): Block {
  return columns(
    ['In the Matter of:', '', `${details.name},`, 'Respondent.', '', 'In removal proceedings.'],
    [`File No.: ${fileNumber(details.aNumber)}`],
  );
}

/** What a cover page shows: who files, the court, detention, and the judge and next hearing when known. */
export type CoverDetails = Pick<CourtFiling, 'details' | 'court' | 'detained' | 'nextHearingDate'>;

/** The cover page's blocks, as the manual's sample shows them; the exhibit packet adds its summary. */
export function coverBlocks(f: CoverDetails, title: string): Block[] {
  const judge: Field[] = [
    ...(f.court.judge !== undefined ? [{ label: 'Immigration Judge', value: f.court.judge }] : []),
    ...(f.nextHearingDate !== undefined
      ? [{ label: 'Next hearing', value: longDate(f.nextHearingDate, { weekday: true }) }]
      : []),
  ];
  return [
    // The manual wants detention status where the clerk sees it first: top right.
    columns(filerLines(f.details), [f.detained ? 'DETAINED' : 'NON-DETAINED']),
    courtName(f.court),
    matterOf(f.details),
    centered([title], { bold: true }),
    ...(judge.length > 0 ? [caption(judge)] : []),
  ];
}

/** The closing of a motion: signed by whoever files it, dated the day it is prepared. */
export function motionSignature(f: CourtFiling): Block[] {
  const rep = f.details.representative;
  return [
    paragraph('Respectfully submitted,'),
    signature(filerName(f.details), `Date: ${longDate(f.date)}`),
    rep !== undefined
      ? lines(`EOIR ID: ${rep.eoirId}`, `Representative for the respondent, ${f.details.name}`)
      : lines('Respondent, pro se'),
  ];
}

const BLANK = '____________________';

function proposedOrder(f: CourtFiling, motion: string, ruling: readonly Block[]): Section {
  const judge = f.court.judge !== undefined ? `Immigration Judge ${f.court.judge}` : 'Immigration Judge';
  return {
    blocks: [
      courtName(f.court),
      matterOf(f.details),
      centered(['ORDER OF THE IMMIGRATION JUDGE'], { bold: true }),
      paragraph(
        `Upon consideration of the respondent's ${motion}, and of any response to it, it is HEREBY ORDERED that the motion is:`,
      ),
      checklist(['GRANTED', 'DENIED']),
      ...ruling,
      paragraph(`Other: ${BLANK}${BLANK}${BLANK}`),
      signature(judge, `Date: ${BLANK}`),
      paragraph(
        'Service of this order (for the Court): served by \u2610 mail \u2610 personal service \u2610 electronic service, ' +
          "on \u2610 the respondent \u2610 the respondent's attorney or representative \u2610 DHS. " +
          `Date: ${BLANK} By: court staff ${BLANK}`,
        'small',
      ),
    ],
  };
}

const METHOD: Readonly<Record<NonNullable<ServiceDetails['method']>, string>> = {
  mail: 'by mail',
  personal_delivery: 'by delivering it in person',
  electronic: "electronically, through EOIR's Courts & Appeals System (ECAS)",
  courier: 'by commercial courier',
};

/**
 * The proof of service on DHS's lawyers, the Office of the Principal Legal Advisor (8 CFR
 * 1003.32(a); ICPM ch. 3.2), dated `date` unless the service details give the day. `served` is
 * what was served, as the sentence reads: "I ... served a copy of <served> on the Department of
 * Homeland Security".
 */
export function proofOfService(details: PersonDetails, date: string, served: string): Section {
  const s = details.service ?? {};
  const office =
    s.office ?? 'Office of the Principal Legal Advisor, U.S. Immigration and Customs Enforcement';
  const on = longDate(s.date ?? date);
  const filer = filerName(details);
  // Electronic service goes through the case's ECAS record: no street address to name.
  const where =
    s.address !== undefined
      ? [lines(...addressLines(s.address))]
      : s.method === 'electronic'
        ? []
        : [
            lines(
              '[Address of the DHS Office of the Principal Legal Advisor: to be completed]',
              BLANK + BLANK,
            ),
          ];
  return {
    blocks: [
      centered(['PROOF OF SERVICE'], { bold: true }),
      caption([
        { label: 'In the Matter of', value: details.name },
        { label: 'File No.', value: fileNumber(details.aNumber) },
      ]),
      paragraph(
        `On ${on}, I, ${filer}, served a copy of ${served} ` +
          `on the Department of Homeland Security, ${office}${where.length > 0 ? ', at this address:' : '.'}`,
      ),
      ...where,
      ...(s.method !== undefined
        ? [paragraph(`I served it ${METHOD[s.method]}.`)]
        : [paragraph('I served it (tick one):'), checklist(Object.values(METHOD))]),
      signature(filer, `Date: ${on}`),
    ],
  };
}

/** The page for the person, after the filing: what to do, what to know, and that it is not filed. */
function beforeFiling(
  f: CourtFiling,
  motion: string,
  steps: readonly string[],
  know: readonly string[],
): Section {
  const court = courtPlace(f);
  return {
    blocks: [
      heading('Before you file: this page is for you, not for the court'),
      paragraph(
        `For ${f.details.name}, ${fileNumber(f.details.aNumber)}: the ${motion}, prepared on ${longDate(f.date)}. ` +
          'Do not file this page.',
        'small',
      ),
      heading('What to do'),
      checklist([
        'Read every page. Check the name, the A-number, the court, the judge and the dates against your notices from the court.',
        ...steps,
        'Sign the motion and the proof of service by hand, in ink.',
        'Send a copy of everything to the DHS attorney (Office of the Principal Legal Advisor) on the day written in the proof of service.',
        // The court has no mailbox rule: a filing counts when received (ICPM ch. 3.1(a); RULES.md A.3).
        `File the signed originals with the immigration court in ${court}: the cover page, the motion and what it attaches, ` +
          'the proposed order and the proof of service. The court counts the day it receives a filing, not the day it was mailed.',
        'Keep a copy of everything, and proof of the day the court received it.',
      ]),
      ...(know.length > 0 ? [heading('Know this before you file'), list(know)] : []),
      paragraph(NOT_LEGAL_ADVICE, 'notice'),
    ],
  };
}

export interface Filing {
  /** The file's metadata title: never personal data. */
  readonly documentTitle: string;
  /** The title on the cover page, in capitals as courts write them. */
  readonly title: string;
  /** The motion in a sentence's words ("motion to reopen"), for the order and the proof of service. */
  readonly motionName: string;
  readonly motion: readonly Block[];
  /** What the judge may order besides granting or denying. */
  readonly ruling: readonly Block[];
  readonly steps: readonly string[];
  readonly know: readonly string[];
  /** What the explanation page in the person's language says about this filing. */
  readonly explanation: Explained;
}

/**
 * Cover page, motion, proposed order, proof of service, each from a new page; then the person's
 * page, and last the explanation in the person's language.
 */
export function buildCourtFiling(f: CourtFiling, filing: Filing): DocumentModel {
  return createDocument(filing.documentTitle, [
    { blocks: coverBlocks(f, filing.title) },
    { blocks: [centered([filing.title], { bold: true }), ...filing.motion] },
    proposedOrder(f, filing.motionName, filing.ruling),
    proofOfService(
      f.details,
      f.date,
      `the respondent's ${filing.motionName} and of everything attached to it`,
    ),
    beforeFiling(f, filing.motionName, filing.steps, filing.know),
    explanationSection(f.details.language, filing.explanation),
  ]);
}

/** The court's city and state, as the explanation page names it ("Newark, NJ"). */
export function courtPlace(f: CourtFiling): string {
  return `${f.court.city}, ${f.court.state}`;
}

/**
 * The deadline the law core computes for a motion after an order, of one of `ids`; the one
 * counted from the latest order when there are several. Refuses a case with none, and a motion
 * that goes to the BIA (the last decision was the Board's): these filings are for the court.
 */
export function motionDeadline(
  input: unknown,
  ids: readonly DeadlineId[],
  motion: string,
  hint = '',
): { facts: CaseFacts; deadline: Deadline } {
  const facts = parseCaseFacts(input);
  const report = computeDeadlines(facts);
  const deadline = report.deadlines
    .filter((d) => ids.includes(d.id))
    .reduce<Deadline | undefined>(
      (a, d) => (a === undefined || d.trigger.date >= a.trigger.date ? d : a),
      undefined,
    );
  if (deadline === undefined) {
    const stage = renderStep({ code: `posture.${report.posture.posture}`, params: {} });
    throw new DocumentInputError(
      `a ${motion} to the immigration court needs an order of an immigration judge to count from, ` +
        `and the law core finds none in this case (stage: "${stage}").${hint}`,
      ['events'],
    );
  }
  if (deadline.forum !== 'immigration_court')
    throw new DocumentInputError(
      `the last decision in this case was made by the Board of Immigration Appeals, so a ${motion} goes to the BIA, ` +
        `and this document is for the immigration court (the law core's forum for it: ${deadline.forum})`,
      ['events'],
    );
  return { facts, deadline };
}

/** What the order the motion is about was, in a sentence's words. */
export function orderWords(d: Deadline): string {
  switch (d.trigger.event) {
    case 'ij_decision':
      return "the Immigration Judge denied the respondent's application for relief";
    case 'in_absentia_order':
      return 'the Immigration Judge ordered the respondent removed in absentia';
    default:
      // The motions are refused before this for any other trigger: a new one here is a bug.
      throw new Error(`no words for an order triggered by ${d.trigger.event}`);
  }
}

function statusWords(d: Deadline, asOf: string): string {
  if (d.status === 'met') return `A motion was filed on ${longDate(formatDate(d.doneOn!))}, on time.`;
  if (d.status === 'passed')
    return d.doneOn !== undefined
      ? `Passed: a motion was filed on ${longDate(formatDate(d.doneOn))}, after the last day.`
      : 'Passed: the last day is over.';
  return `Not passed on ${longDate(asOf)}. The Court must receive the motion by the last day.`;
}

/**
 * The motion's section on time: the last day, how it is counted and under which law, whether it
 * has passed, and the exceptions the core names for it (`exceptions`: the note codes that are).
 */
export function timeliness(
  f: CourtFiling,
  d: Deadline,
  exceptions: ReadonlySet<string> = new Set(),
): Block[] {
  const apply = d.notes.filter((n) => exceptions.has(n.code)).map((n) => renderStep(n));
  return [
    heading('Timeliness'),
    caption([
      { label: 'Order', value: longDate(formatDate(d.trigger.date)) },
      { label: 'Last day', value: longDate(formatDate(d.due), { weekday: true }) },
      { label: 'Status', value: statusWords(d, f.date) },
      { label: 'Authority', value: d.authority.map(citationLabel).join('; ') },
    ]),
    paragraph(`How the last day is counted: ${d.steps.map((s) => renderStep(s)).join(' ')}`, 'small'),
    ...(apply.length > 0
      ? [
          paragraph(
            'Exceptions and special time limits that may apply (keep the one this motion relies on, with its evidence, and delete the others):',
          ),
          list(apply),
        ]
      : []),
    ...(d.status === 'passed'
      ? [
          paragraph(
            `${ARGUMENT}: why the Court may still decide this motion although the last day has passed.`,
          ),
        ]
      : []),
  ];
}

/** The fee for a motion to reopen or reconsider on the filing's date, from the core's fee data. */
export function motionFee(f: CourtFiling): string {
  const fee = feesInForce(parseDate(f.date)).find((x) => x.id === 'motion_to_reopen_or_reconsider');
  if (fee === undefined) return 'Check the filing fee for this motion before you file.';
  return (
    `The filing fee for this motion on ${longDate(f.date)} is $${fee.amount}` +
    (fee.verified ? '. ' : ' (an amount we could not confirm: check the current fee). ') +
    (fee.waivable
      ? 'If you cannot pay, ask your attorney or accredited representative about a fee waiver. '
      : '') +
    'Some motions are exempt from the fee. Attach proof of payment, or the waiver request.'
  );
}

/** The steps a representative adds for a motion after an order (ICPM ch. 5.1(b)(ii)). */
export function representativeSteps(f: CourtFiling): string[] {
  return f.details.representative !== undefined
    ? [
        'Your representative must file a Form EOIR-28 (Notice of Entry of Appearance) with this motion, ' +
          'even when already your representative in the case.',
      ]
    : [];
}

/** Every note the core gives with a deadline, in words, for the person's page. */
export function deadlineNotes(d: Deadline): string[] {
  return d.notes.map((n) => renderStep(n));
}
