/**
 * A letter asking a member of Congress (a House or a Senate office) for help with a delayed case:
 * an asylum application, an appeal, or a work permit that has been waiting a long time. Then a
 * separate privacy release page, without which the office cannot ask USCIS or EOIR about the case
 * (Privacy Act, 5 U.S.C. 552a(b); for asylum, 8 CFR 208.6), and a checklist for sending both.
 *
 * What is pending, and where, comes from the case (the core's posture and the filing events), never
 * from free text. The letter keeps personal data to what the office needs to find the case: no date
 * of birth in the letter (only on the release, where the agencies ask for it), and nothing about
 * the claim itself.
 */
import * as z from 'zod';
import { citationLabel, computeDeadlines, type DeadlineReport, parseCaseFacts } from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { DocumentInputError } from '../errors.ts';
import { type Explained, explanationSection } from '../explanations.ts';
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
  signature,
} from '../model.ts';
import {
  addressLines,
  isoDate,
  line,
  longDate,
  NOT_LEGAL_ADVICE,
  objectError,
  oneOf,
  type PersonDetails,
  parseDetails,
  parseKindDetails,
  text,
} from './input.ts';

/** What only this letter reads, under the input's `congress` key. */
const congressDetails = z.strictObject(
  {
    /** Which office: the person's Representative (House) or one of the state's two Senators. */
    chamber: oneOf(['house', 'senate'] as const),
    /** The member's name as the office writes it ("Jane Smith"). */
    member: line(200),
    /** The office the letter goes to, usually the district or state office, as lines. */
    officeAddress: text(400).optional(),
    /** What is delayed: the asylum case (at USCIS, the court or the BIA) or the work permit. */
    matter: oneOf(['asylum', 'work_permit'] as const),
    /** What the person has already done to get an answer, oldest first. */
    followUps: z
      .array(z.strictObject({ date: isoDate, action: line(300) }, objectError), {
        error: 'must be a list of { "date": "YYYY-MM-DD", "action": "..." }',
      })
      .max(20, 'is too long (at most 20 follow-ups)')
      .optional(),
    /** The request in the person's words; a plain status request is written when absent. */
    request: text(2000).optional(),
  },
  objectError,
);
type CongressDetails = z.infer<typeof congressDetails>;

/** What is waiting, with whom, since when: read from the case, not typed in. */
interface Pending {
  readonly subject: string;
  readonly form: string;
  readonly filed: string;
  readonly filedWith: string;
  /** The body that has it now, as the letter names it. */
  readonly agency: string;
  readonly request: string;
  readonly asylum: boolean;
  /** What is waiting, as the explanation page names it. */
  readonly matter: Extract<Explained, { kind: 'congress-letter' }>['matter'];
}

const USCIS = 'U.S. Citizenship and Immigration Services (USCIS)';
const COURT = 'the immigration court (Executive Office for Immigration Review, EOIR)';
const BIA = 'the Board of Immigration Appeals (Executive Office for Immigration Review, EOIR)';

function refuse(message: string, path: (string | number)[] = ['events']): never {
  throw new DocumentInputError(message, path);
}

function pendingMatter(report: DeadlineReport, matter: CongressDetails['matter']): Pending {
  const asylum = report.timeline.last('asylum_filed') !== undefined;
  if (matter === 'work_permit') {
    const ead = report.timeline.last('ead_filed');
    if (ead === undefined)
      refuse(
        'congress.matter is "work_permit", but the case has no ead_filed event: add { "type": "ead_filed", "date": "YYYY-MM-DD" } with the day USCIS received the I-765',
      );
    return {
      subject: 'work permit application',
      matter: 'work_permit',
      form: 'Form I-765, Application for Employment Authorization',
      filed: ead.event.date,
      filedWith: 'USCIS',
      agency: USCIS,
      request:
        'Please ask USCIS about the status of my work permit application and when I can expect a decision. ' +
        'Until it is decided I cannot work to support myself.',
      asylum,
    };
  }
  const posture = report.posture;
  const stage = renderStep({ code: `posture.${posture.posture}`, params: {} });
  const filed = report.timeline.last('asylum_filed');
  if (filed === undefined)
    refuse(
      `congress.matter is "asylum", but the case has no asylum_filed event (its stage is "${stage}"): this letter is about an application that is waiting for a decision`,
    );
  const form = 'Form I-589, Application for Asylum and for Withholding of Removal';
  const filedWith = filed.event.forum === 'uscis' ? 'USCIS' : 'the immigration court';
  switch (posture.posture) {
    case 'affirmative_pending':
      return {
        subject: 'asylum application',
        matter: 'asylum_application',
        form,
        filed: filed.event.date,
        filedWith,
        agency: USCIS,
        request:
          'Please ask USCIS about the status of my asylum application, the reason for the delay, and when I can expect an interview or a decision.',
        asylum,
      };
    case 'referred_to_court':
    case 'in_removal_proceedings':
      return {
        subject: 'asylum case',
        matter: 'asylum_case',
        form,
        filed: filed.event.date,
        filedWith,
        agency: COURT,
        request:
          'Please ask the immigration court about the status of my case and when it expects to hear or decide it.',
        asylum,
      };
    case 'appeal_pending': {
      const appeal = report.timeline.last('bia_appeal_filed')!;
      return {
        subject: 'appeal',
        matter: 'appeal',
        form: 'Form EOIR-26, Notice of Appeal from a Decision of an Immigration Judge',
        filed: appeal.event.date,
        filedWith: 'the Board of Immigration Appeals',
        agency: BIA,
        request: 'Please ask the Board of Immigration Appeals about the status of my appeal.',
        asylum,
      };
    }
    default:
      return refuse(
        `a letter about a delayed asylum case fits only a case that is waiting for USCIS, the immigration court or the BIA, ` +
          `and this case's stage is "${stage}"`,
      );
  }
}

/** Whole months from one ISO date to another (the 15th to the 14th of the next month is 0). */
function wholeMonths(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function howLong(from: string, to: string): string {
  const months = wholeMonths(from, to);
  if (months >= 24) return `more than ${Math.floor(months / 12)} years`;
  if (months >= 2) return `more than ${months} months`;
  return 'since';
}

export function buildCongressLetter(input: unknown): DocumentModel {
  const facts = parseCaseFacts(input);
  const report = computeDeadlines(facts);
  const congress = parseKindDetails(
    input,
    'congress',
    congressDetails,
    'an object naming the office ("chamber": "house" or "senate", "member") and what is delayed ("matter": "asylum" or "work_permit")',
  )!;
  const pending = pendingMatter(report, congress.matter);
  const details = parseDetails(input, facts);
  if (details.address === undefined)
    refuse(
      'document.address is required for this letter: a member of Congress helps the people who live in the district or state',
      ['document', 'address'],
    );
  congress.followUps?.forEach((f, i) => {
    if (f.date > facts.asOf) refuse('is after asOf', ['congress', 'followUps', i, 'date']);
    if (f.date < pending.filed)
      refuse(`is before the ${pending.subject} was filed`, ['congress', 'followUps', i, 'date']);
  });

  const title = congress.chamber === 'house' ? 'Representative' : 'Senator';
  const body = congress.chamber === 'house' ? 'U.S. House of Representatives' : 'United States Senate';
  const date = longDate(facts.asOf);
  const since = howLong(pending.filed, facts.asOf);
  const address = details.address;

  const fields: Field[] = [
    { label: 'Name', value: details.name },
    { label: 'A-Number', value: details.aNumber },
    ...(details.receiptNumber !== undefined
      ? [{ label: 'Receipt number', value: details.receiptNumber }]
      : []),
    { label: 'Filed', value: `${pending.form}, with ${pending.filedWith} on ${longDate(pending.filed)}` },
  ];
  const contact = [
    ...(details.phone !== undefined ? [`by phone at ${details.phone}`] : []),
    ...(details.email !== undefined ? [`by email at ${details.email}`] : []),
  ];

  const letter = [
    lines(
      details.name,
      ...addressLines(address),
      ...(details.phone !== undefined ? [details.phone] : []),
      ...(details.email !== undefined ? [details.email] : []),
    ),
    paragraph(date),
    lines(`The Honorable ${congress.member}`, body, ...(congress.officeAddress?.split('\n') ?? [])),
    caption(fields, `Re: Request for help with a delayed ${pending.subject}`),
    paragraph(`Dear ${title} ${congress.member}:`),
    paragraph(
      `I live in ${address.city}, ${address.state}, and I am asking your office for help with my ${pending.subject}. ` +
        (since === 'since'
          ? `It has been pending with ${pending.agency} since ${longDate(pending.filed)}.`
          : `It has been pending with ${pending.agency} for ${since}, since ${longDate(pending.filed)}.`),
    ),
    ...(congress.followUps !== undefined && congress.followUps.length > 0
      ? [
          paragraph('I have tried to get an answer myself:'),
          list(congress.followUps.map((f) => `${longDate(f.date)}: ${f.action}`)),
        ]
      : []),
    paragraph(congress.request ?? pending.request),
    paragraph(
      `I enclose a signed privacy release so that your office can ask about my case, and a copy of my receipt notice. ` +
        (contact.length > 0
          ? `You can reach me ${contact.join(' or ')}, or at the address above.`
          : 'You can reach me at the address above.'),
    ),
    paragraph('Thank you for your help.'),
    paragraph('Sincerely,'),
    signature(details.name, `Date: ${date}`),
  ];

  return createDocument('Request for help from a member of Congress, with privacy release', [
    { blocks: letter },
    { blocks: privacyRelease(details, congress, title, pending) },
    { blocks: sendingChecklist(details, congress, title, pending) },
    explanationSection(details.language, {
      kind: 'congress-letter',
      chamber: congress.chamber,
      member: congress.member,
      matter: pending.matter,
    }),
  ]);
}

function privacyRelease(
  details: PersonDetails,
  congress: CongressDetails,
  title: string,
  pending: Pending,
): Block[] {
  const blank = '______________________________';
  const fields: Field[] = [
    { label: 'Full name', value: details.name },
    { label: 'A-Number', value: details.aNumber },
    { label: 'Receipt number', value: details.receiptNumber ?? blank },
    {
      label: 'Date of birth',
      value: details.dateOfBirth !== undefined ? longDate(details.dateOfBirth) : blank,
    },
    { label: 'Address', value: addressLines(details.address!).join('\n') },
    { label: 'Phone', value: details.phone ?? blank },
  ];
  const authorities = [
    citationLabel('5-USC-552a-b'),
    ...(pending.asylum ? [citationLabel('8-CFR-208.6')] : []),
  ];
  return [
    heading('Privacy release'),
    paragraph(
      `Consent for the office of ${title} ${congress.member} to ask federal agencies about my immigration case`,
      'small',
    ),
    caption(fields),
    paragraph(
      `I, ${details.name}, authorize ${title} ${congress.member} and the staff of this office to ask U.S. Citizenship and ` +
        'Immigration Services (USCIS) and the Executive Office for Immigration Review (EOIR), which includes the immigration courts ' +
        'and the Board of Immigration Appeals, for information and records about my immigration case, and to receive them. ' +
        'I authorize those agencies to release this information to this office.',
    ),
    paragraph(
      'I give this written consent under the Privacy Act of 1974.' +
        (pending.asylum
          ? ' My case includes an application for asylum, which is confidential; for this request only, I also consent to ' +
            'the disclosure to this office of information in or about that application.'
          : ''),
    ),
    paragraph(
      'This consent is for the purpose of helping me with my case. I may withdraw it in writing at any time.',
    ),
    paragraph(`Authority: ${authorities.join('; ')}`, 'small'),
    signature(details.name, 'Date: ______________________'),
  ];
}

function sendingChecklist(
  details: PersonDetails,
  congress: CongressDetails,
  title: string,
  pending: Pending,
): Block[] {
  return [
    heading('Checklist: sending your request to Congress'),
    paragraph(`For ${details.name}. Keep this page; it is not sent.`, 'small'),
    checklist([
      `Read the letter. Check your name, A-number${details.receiptNumber !== undefined ? ', receipt number' : ''} and the filing date against your notices.`,
      'Sign the letter and the privacy release by hand, in ink, and date the release.',
      'Enclose a copy of the receipt notice for the delayed application (never an original), and copies of any answers you got when you followed up.',
      `Send it to ${title} ${congress.member}'s district or state office, where caseworkers handle requests about federal agencies. ` +
        'Many offices have their own online form or their own privacy release form: if the office asks you to use theirs, do so.',
      'Keep a copy of everything you send, and write down the date and the name of the caseworker who answers.',
    ]),
    heading('Good to know'),
    list([
      congress.chamber === 'house'
        ? 'A Representative usually helps only people who live in the district; if this office is not yours, find your own.'
        : 'A Senator usually helps only people who live in the state.',
      'Ask one congressional office at a time: two offices asking about the same case slow things down.',
      `The office can ask ${pending.agency.replace(/ \(.*\)$/, '')} about your case and ask for an answer; it cannot change the decision or the law.`,
      'The letter says what is delayed, not why you applied. Do not add details of your claim: the office does not need them.',
      renderStep({ code: 'step.find_authorized_help', params: {} }),
    ]),
    paragraph(NOT_LEGAL_ADVICE, 'notice'),
  ];
}
