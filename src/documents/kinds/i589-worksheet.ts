/**
 * The I-589 preparation worksheet (document kind `i589-worksheet`): not the federal form, but a
 * worksheet that follows its parts and questions, each question paraphrased (and, for a reader of
 * Spanish or French, also shown in that language) with the person's answer to copy onto the form.
 *
 * It opens with the completeness check (i589-check.ts) as a checklist of what to fix, and the
 * one-year deadline as the law core counts it; then Parts A.I to F. Every word apart from the
 * translated questions is English, as the form must be completed in English; the last page
 * explains the worksheet in the person's language (explanations.ts).
 */
import { citationLabel, formatDate } from '../../core/index.ts';
import { renderStep } from '../../render/messages.ts';
import { explanationSection, type OneYearFact } from '../explanations.ts';
import {
  type Block,
  caption,
  checklist,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  list,
  paragraph,
  question,
  type Section,
} from '../model.ts';
import {
  COMPLETENESS_AUTHORITY,
  fillI589,
  type I589Issue,
  type I589Sheet,
  type OneYearCheck,
} from './i589-check.ts';
import { parseI589Input } from './i589-input.ts';
import { I589_QUESTIONS, type I589Part, PART_TITLES } from './i589-questions.ts';
import { longDate, NOT_LEGAL_ADVICE } from './input.ts';

export {
  checkI589Completeness,
  type I589Completeness,
  type I589Issue,
  type I589IssueCode,
  type OneYearCheck,
} from './i589-check.ts';

const LANGUAGE_NAMES = { es: 'Spanish (español)', fr: 'French (français)' } as const;

/** "Part A.I, item 4" or "Part D, Signature": where on the form an issue is. */
export function issueWhere(issue: Pick<I589Issue, 'part' | 'question'>): string {
  return `Part ${issue.part}, ${/^\d/.test(issue.question) ? `item ${issue.question}` : issue.question}`;
}

function oneYearBlocks(y: OneYearCheck): Block[] {
  const title = heading('The one-year filing deadline (Part C, item 5)');
  if (y.status === 'unknown')
    return [
      title,
      paragraph(
        'Not known yet: the case has no date of your last arrival in the United States, so the deadline cannot be counted. ' +
          'Add it to the case (an "arrival" event), then prepare this worksheet again.',
      ),
    ];
  const status =
    y.status === 'met'
      ? `Met: the application was filed on ${longDate(y.filedOn!)}, within the year.`
      : y.status === 'passed'
        ? y.filedOn !== null
          ? `Passed: the application was filed on ${longDate(y.filedOn)}, after the last day.`
          : 'Passed. Asylum is still possible only if an exception applies; withholding of removal and protection under the Convention Against Torture have no such deadline.'
        : 'Not passed. File so that the application is received by that day.';
  const fields: Field[] = [
    { label: 'Counted from', value: longDate(y.countsFrom!) },
    { label: 'Last day to file', value: longDate(y.due!, { weekday: true }) },
    { label: 'Status', value: status },
    { label: 'Rule', value: y.authority.map(citationLabel).join('; ') },
  ];
  const claimed = (v: boolean | undefined) => (v === undefined ? 'not answered' : v ? 'yes' : 'no');
  const exceptionsSaid =
    y.passed === true
      ? [
          paragraph(
            `Your answers about your case: changed circumstances: ${claimed(y.claimed.changedCircumstances)}; ` +
              `extraordinary circumstances: ${claimed(y.claimed.extraordinaryCircumstances)}. ` +
              'An exception must be explained in Part C, item 5, and shown at the interview or hearing.',
          ),
        ]
      : [];
  return [
    title,
    caption(fields),
    paragraph(`How the date is counted: ${y.steps.map((s) => renderStep(s)).join(' ')}`, 'small'),
    ...(y.notes.length > 0 ? [list(y.notes.map((n) => renderStep(n)))] : []),
    ...exceptionsSaid,
  ];
}

/** The one-year check as the explanation page needs it. */
function oneYearFact(y: OneYearCheck): OneYearFact {
  const filedOn = y.filedOn !== null ? { filedOn: y.filedOn } : {};
  switch (y.status) {
    case 'unknown':
      return { status: 'unknown' };
    case 'met':
      return { status: 'met', ...filedOn };
    case 'passed':
      return { status: 'passed', due: y.due!, ...filedOn };
    case 'upcoming':
      return { status: 'upcoming', due: y.due! };
  }
}

function cover(sheet: I589Sheet): Block[] {
  const { input, issues, oneYear } = sheet;
  const who = input.name !== undefined ? ` for ${input.name}` : '';
  const lang = input.language === 'en' ? undefined : LANGUAGE_NAMES[input.language];
  const fixes =
    issues.length === 0
      ? [
          paragraph(
            'Every question has an answer, and Part D is signed and dated. Read the answers once more against your documents before you copy them.',
          ),
        ]
      : [checklist(issues.map((i) => `${issueWhere(i)}: ${i.message}`))];
  return [
    heading('Form I-589 worksheet: your answers, checked'),
    paragraph(
      `Prepared on ${longDate(input.facts.asOf)}${who}. This worksheet follows the parts and questions of Form I-589, ` +
        'Application for Asylum and for Withholding of Removal. It is not the form and is not filed: copy the answers ' +
        'onto the current edition of the official form, in English.' +
        (lang !== undefined ? ` Each question is also shown in ${lang}; the answers stay in English.` : ''),
      'small',
    ),
    heading(
      issues.length === 0
        ? 'What to fix before you file: nothing found'
        : `What to fix before you file (${issues.length})`,
    ),
    ...fixes,
    paragraph(
      'Why this matters: an application that leaves a question unanswered, or is not signed, is incomplete and is ' +
        'sent back, and an application sent back has not been filed, so the one-year deadline keeps running ' +
        `(${COMPLETENESS_AUTHORITY.map(citationLabel).join('; ')}). Where a question does not apply to you, write ` +
        'N/A; where you have none of something, write NONE. Never leave a box empty.',
      'small',
    ),
    ...oneYearBlocks(oneYear),
    paragraph(
      'Every answer must be true and complete. An asylum application found to have been knowingly made up bars ' +
        `every later immigration benefit, for life (${citationLabel('INA-208-d-6')}).`,
    ),
  ];
}

const NOT_ANSWERED = 'Not answered yet.';

function part(sheet: I589Sheet, p: I589Part): Block[] {
  const flagged = new Set(sheet.issues.map((i) => i.id));
  const language = sheet.input.language;
  return [
    heading(PART_TITLES[p]),
    ...I589_QUESTIONS.filter((q) => q.part === p).map((q) => {
      const row = sheet.rows.get(q.id);
      return question(q.number, q.asks.en, row?.answer ?? NOT_ANSWERED, {
        ...(language !== 'en' ? { translation: { lang: language, text: q.asks[language] } } : {}),
        flagged: flagged.has(q.id),
      });
    }),
  ];
}

export function buildI589Worksheet(input: unknown): DocumentModel {
  const sheet = fillI589(parseI589Input(input));
  const sections: Section[] = [
    { blocks: cover(sheet) },
    { blocks: part(sheet, 'A.I') },
    { blocks: part(sheet, 'A.II') },
    { blocks: part(sheet, 'A.III') },
    { blocks: part(sheet, 'B') },
    { blocks: part(sheet, 'C') },
    {
      blocks: [
        ...part(sheet, 'D'),
        ...part(sheet, 'E'),
        ...part(sheet, 'F'),
        paragraph(
          `Checked as of ${longDate(formatDate(sheet.assessment.report.asOf))}. Check the current edition of Form I-589 and its instructions before you file: the form changes.`,
          'small',
        ),
        paragraph(NOT_LEGAL_ADVICE, 'notice'),
      ],
    },
    explanationSection(sheet.input.language, {
      kind: 'i589-worksheet',
      fixes: sheet.issues.length,
      oneYear: oneYearFact(sheet.oneYear),
    }),
  ];
  return createDocument('Form I-589 worksheet', sections);
}
