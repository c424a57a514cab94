/**
 * The last page of every document: what it is and does, what the person must do next, the
 * deadline when the law core gives one, what happens if it is late, and that this is legal
 * information, not legal advice. In the person's language (`document.language`: English, Spanish
 * or French), while every page before it stays in English, the language courts and USCIS accept.
 * The page says it is not to be filed.
 *
 * Words as data, by language and by kind: each kind hands over facts only (dates as YYYY-MM-DD, a
 * status, a count), never words, and the functions below put them into plain sentences (6th-8th
 * grade). No ICU: the few variations (a date, a court, with or without a representative) are
 * template literals. Dates are written the reader's way by the same function the web app uses
 * (render/message-format.ts). Spanish says "usted" in neutral Latin American words; French says
 * "vous", with its typographic apostrophe and the no-break space before ":" ";" "?" "!".
 */
import { type Deadline, type DeadlineReport, formatDate } from '../core/index.ts';
import { localDate } from '../render/message-format.ts';
import type { DocumentLanguage } from './kinds/input.ts';
import { type Block, checklist, heading, list, paragraph, type Section } from './model.ts';

/** A deadline as the law core gives it: the last day (YYYY-MM-DD) and where the case stands. */
export interface DeadlineFact {
  readonly due: string;
  readonly status: 'upcoming' | 'passed' | 'met';
}

/** The core's deadline to file documents before a hearing (ICPM ch. 3.1(b)), with the hearing's day. */
export interface PrehearingFact extends DeadlineFact {
  readonly hearingDate: string;
}

/** The one-year filing deadline as the I-589 worksheet found it. */
export type OneYearFact =
  | { readonly status: 'unknown' }
  | { readonly status: 'upcoming'; readonly due: string }
  | { readonly status: 'passed'; readonly due: string; readonly filedOn?: string }
  | { readonly status: 'met'; readonly filedOn?: string };

/** A deadline of the law core as the explanation page needs it: the last day and the status. */
export function deadlineFact(d: Deadline): DeadlineFact {
  return { due: formatDate(d.due), status: d.status };
}

/**
 * The law core's deadline to file documents for the next hearing, when it counts one (not for a
 * detained case, where the court sets the dates): for the pages that go with evidence.
 */
export function prehearingFact(report: DeadlineReport): PrehearingFact | undefined {
  // A hearing already held has no filing date left to tell.
  const d = report.deadlines.find((x) => x.id === 'prehearing_filing' && x.trigger.date >= report.asOf);
  return d !== undefined ? { ...deadlineFact(d), hearingDate: formatDate(d.trigger.date) } : undefined;
}

/** What each kind tells its explanation page: facts only, never words. */
export type Explained =
  | { readonly kind: 'withdrawal-letter'; readonly receiptNumber: boolean }
  | {
      readonly kind: 'change-of-address';
      /** The forms the law core says the move needs, each with its deadline. */
      readonly forms: readonly {
        readonly form: 'court' | 'bia' | 'uscis';
        readonly deadline: DeadlineFact;
      }[];
    }
  | {
      readonly kind: 'motion-to-withdraw';
      /** "Newark, NJ": the immigration court's city and state. */
      readonly court: string;
      readonly prejudice: 'with' | 'without';
      readonly represented: boolean;
      readonly nextHearingDate?: string;
    }
  | {
      readonly kind: 'motion-to-reopen';
      readonly court: string;
      readonly represented: boolean;
      /** The day of the order the motion is about. */
      readonly order: string;
      readonly inAbsentia: boolean;
      readonly deadline: DeadlineFact;
    }
  | {
      readonly kind: 'motion-to-reconsider';
      readonly court: string;
      readonly represented: boolean;
      readonly decision: string;
      readonly deadline: DeadlineFact;
    }
  | {
      readonly kind: 'notice-of-appeal-checklist';
      readonly decision: string;
      readonly deadline: DeadlineFact;
    }
  | {
      readonly kind: 'congress-letter';
      readonly chamber: 'house' | 'senate';
      readonly member: string;
      readonly matter: 'asylum_application' | 'asylum_case' | 'appeal' | 'work_permit';
    }
  | {
      readonly kind: 'translation-certificate';
      readonly documents: number;
      readonly prehearing?: PrehearingFact;
    }
  | { readonly kind: 'i589-worksheet'; readonly fixes: number; readonly oneYear: OneYearFact }
  | {
      readonly kind: 'exhibit-packet';
      readonly court: boolean;
      readonly service: boolean;
      readonly prehearing?: PrehearingFact;
    };

export type ExplainedKind = Explained['kind'];

/** What one kind says, in one language: paragraphs, things to do, and the time it has. */
interface Parts {
  readonly what: readonly string[];
  readonly todo: readonly string[];
  /** True when the law core gives a deadline: the section is then headed as one. */
  readonly deadline: boolean;
  readonly when: readonly string[];
  /** One line per deadline when there are several (the forms of a change of address). */
  readonly dates?: readonly string[];
  readonly late: readonly string[];
}

type KindWords = {
  readonly [K in ExplainedKind]: (e: Extract<Explained, { kind: K }>, date: (iso: string) => string) => Parts;
};

interface Words {
  readonly title: string;
  readonly forYou: string;
  readonly inEnglish: string;
  readonly what: string;
  readonly todo: string;
  readonly deadline: string;
  readonly when: string;
  readonly late: string;
  readonly notAdvice: string;
  readonly kinds: KindWords;
}

// ---------------------------------------------------------------------------------------------
// English

const en: Words = {
  title: 'About this document',
  forYou: 'This page is for you. Do not file it.',
  inEnglish: 'It explains the other pages, which are in English: the language courts and USCIS accept.',
  what: 'What this document is',
  todo: 'What you need to do',
  deadline: 'Your deadline',
  when: 'When to do it',
  late: 'If you are late',
  notAdvice:
    'This is legal information, not legal advice. It can be wrong, and the law changes. Before you sign, file or send ' +
    'anything, talk to a licensed attorney or a DOJ-accredited representative. Notarios and immigration consultants ' +
    'cannot help you: they may not give legal advice or represent you.',
  kinds: {
    'withdrawal-letter': (e) => ({
      what: [
        'This is a letter to the USCIS asylum office. In it, you ask to withdraw your asylum application (Form I-589). ' +
          'To withdraw means that you no longer ask for asylum. When the office accepts the letter, your asylum case at USCIS ends.',
        'This is a big step. If you have no other legal status in the United States, USCIS can send your case to ' +
          'immigration court. A work permit based on your asylum application may end. If you ask for asylum again ' +
          'later, the one-year deadline applies again.',
      ],
      todo: [
        `Read the letter. Check your name, A-number, date of birth${e.receiptNumber ? ' and receipt number' : ''} against your papers from USCIS.`,
        'Sign the letter by hand, in ink, on the line above your name.',
        'Add a copy of your receipt notice or your interview notice, if you have one.',
        'Make a copy of everything and keep it.',
        'Mail it to the asylum office that has your case. Use a way that gives you proof of delivery, such as ' +
          'certified mail with a return receipt. Keep the proof.',
      ],
      deadline: false,
      when: [
        'No law sets a deadline for this letter. Send it only when you have made your decision.',
        'Until USCIS tells you in writing that your application is withdrawn, go to every appointment USCIS gives ' +
          'you, such as an interview or fingerprints.',
      ],
      late: [],
    }),
    'change-of-address': (e, date) => {
      const name = {
        court: 'Form EOIR-33/IC for the immigration court',
        bia: 'Form EOIR-33/BIA for the Board of Immigration Appeals (BIA)',
        uscis: 'Form AR-11 for USCIS',
      } as const;
      const label = {
        court: 'Form EOIR-33/IC (immigration court)',
        bia: 'Form EOIR-33/BIA (BIA)',
        uscis: 'Form AR-11 (USCIS)',
      } as const;
      const eoir = e.forms.some((f) => f.form !== 'uscis');
      return {
        what: [
          'When you move, you must give the government your new address. The page in English has your answers for ' +
            `the forms that do this: ${e.forms.map((f) => name[f.form]).join(' and ')}. That page is not a form.`,
        ],
        todo: [
          'Check your new address on the page in English, letter by letter.',
          ...e.forms.flatMap((f) =>
            f.form === 'court'
              ? [
                  'Get Form EOIR-33/IC from the EOIR website. Fill it in with the answers on the page in English. File it ' +
                    'with the immigration court that has your case, and send a copy to the DHS attorney.',
                ]
              : f.form === 'bia'
                ? [
                    'Get Form EOIR-33/BIA from the EOIR website. Fill it in with the answers on the page in English. File ' +
                      'it with the BIA, and send a copy to the DHS attorney.',
                  ]
                : [],
          ),
          'Fill in Form AR-11 for USCIS, online or on paper, as its instructions say. Keep the confirmation.',
          'Keep a copy of every form you send.',
        ],
        deadline: true,
        when: ['Each office has its own last day, counted from the day you moved:'],
        dates: e.forms.map((f) =>
          f.deadline.status === 'met'
            ? `${label[f.form]}: done on time.`
            : f.deadline.status === 'passed'
              ? `${label[f.form]}: the last day was ${date(f.deadline.due)}. It has passed: send the form now.`
              : `${label[f.form]}: by ${date(f.deadline.due)}.`,
        ),
        late: [
          'Send the forms even if you are late.',
          ...(eoir
            ? [
                'If the immigration court or the BIA does not have your new address, you may not get your notices, such ' +
                  'as the one with the date of your hearing. If you miss a hearing, the judge can order your removal ' +
                  '(deportation) while you are not there.',
              ]
            : []),
          'The law says you must tell USCIS about every move. Not doing it can hurt your case.',
        ],
      };
    },
    'motion-to-withdraw': (e, date) => ({
      what: [
        'This is a motion: a written request to the immigration judge. It asks the judge to let you withdraw your ' +
          'asylum application (Form I-589). To withdraw means that you no longer ask for asylum. The packet has a cover ' +
          'page, the motion, an order for the judge to sign, and a proof of service. The proof of service says that a ' +
          'copy was sent to the DHS attorney.',
        e.prejudice === 'without'
          ? 'You ask for a withdrawal "without prejudice". This means that you could file the application again in this case.'
          : 'You agree to a withdrawal "with prejudice". This means that you cannot file the application again in this ' +
            'case, unless the case is reopened.',
        'If you withdraw and have no other way to stay, the judge can order your removal (deportation) or give you ' +
          'voluntary departure. Voluntary departure means that you leave the country on your own by a set date.',
      ],
      todo: [
        'Read every page. Check your name, your A-number, the court, the judge and the dates.',
        ...(e.represented
          ? [
              'Your attorney or representative signs the motion and the proof of service. Read them together before they are filed.',
              `Your attorney or representative sends a copy to the DHS attorney and files the pages with the immigration court in ${e.court}.`,
            ]
          : [
              'Sign the motion and the proof of service by hand, in ink.',
              'Send a copy of everything to the DHS attorney on the date written in the proof of service.',
              `File the signed pages with the immigration court in ${e.court}. The court counts the day it receives them, not the day you mail them.`,
            ]),
        'Keep a copy of everything, and proof of the day the court received it.',
      ],
      deadline: false,
      when: [
        'No law sets a deadline for this motion.' +
          (e.nextHearingDate !== undefined
            ? ` Your next hearing is on ${date(e.nextHearingDate)}. File the motion well before it, so the judge has time to read it.`
            : ''),
        'Go to every hearing until the judge decides. If you miss a hearing, the judge can order your removal ' +
          '(deportation) while you are not there.',
      ],
      late: [],
    }),
    'motion-to-reopen': (e, date) => ({
      what: [
        e.inAbsentia
          ? 'This is a draft of a motion to reopen. It asks the immigration judge to open your case again and to cancel ' +
            `the removal order of ${date(e.order)}. The judge made that order when you were not at your hearing (in absentia).`
          : `This is a draft of a motion to reopen. It asks the immigration judge to open your case again after the judge's order of ${date(e.order)}.`,
        'It is not finished. An attorney or a DOJ-accredited representative must write the parts in square brackets ' +
          '[ ]: the new facts, the evidence and the legal argument.',
        'Ask your attorney or representative if you also need a stay of removal: an order that stops your removal ' +
          '(deportation) while the judge decides.',
      ],
      todo: [
        e.represented
          ? 'Read these pages with your attorney or representative.'
          : 'Take these pages to an attorney or a DOJ-accredited representative now.',
        'They write the missing parts and delete the drafting notes.',
        'Gather the evidence, your signed declaration and the application the motion lists.',
        'Pay the filing fee or, if you cannot pay, ask for a fee waiver.',
        e.represented
          ? 'Your attorney or representative signs the motion and the proof of service, and sends a copy to the DHS attorney.'
          : 'Sign the motion and the proof of service by hand, in ink. Send a copy of everything to the DHS attorney.',
        `File everything with the immigration court in ${e.court}, and keep a copy.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'The case shows that a motion was filed on time.'
          : e.deadline.status === 'passed'
            ? `The last day was ${date(e.deadline.due)}. It has passed. An exception may still allow the motion, for ` +
              `example when conditions in your country have changed${e.inAbsentia ? ', or when you never got the notice of your hearing' : ''}. ` +
              'Talk to an attorney or a representative right away.'
            : `The immigration court must receive the motion by ${date(e.deadline.due)}. This is the last day of the ` +
              `${e.inAbsentia ? 180 : 90} days the law gives after the order. The day the court receives it counts, not the day you mail it.`,
      ],
      late: [
        'If the court receives the motion after the last day, the judge will usually deny it without looking at your ' +
          'reasons, unless an exception applies.',
      ],
    }),
    'motion-to-reconsider': (e, date) => ({
      what: [
        `This is a draft of a motion to reconsider. It asks the immigration judge to look again at the decision of ${date(e.decision)}, ` +
          'because the decision has mistakes of fact or of law. It cannot add new evidence: new facts go in a motion to reopen.',
        'It is not finished. An attorney or a DOJ-accredited representative must write the mistakes, and the law that ' +
          'shows them, in the space in square brackets [ ].',
        'This motion does not stop the time to appeal to the Board of Immigration Appeals (BIA). Ask your attorney or ' +
          'representative right away if you should also appeal.',
      ],
      todo: [
        e.represented
          ? 'Read these pages with your attorney or representative.'
          : 'Take these pages to an attorney or a DOJ-accredited representative now.',
        'They write the mistakes and delete the drafting note.',
        'Pay the filing fee or, if you cannot pay, ask for a fee waiver.',
        e.represented
          ? 'Your attorney or representative signs the motion and the proof of service, and sends a copy to the DHS attorney.'
          : 'Sign the motion and the proof of service by hand, in ink. Send a copy of everything to the DHS attorney.',
        `File everything with the immigration court in ${e.court}, and keep a copy.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'The case shows that a motion was filed on time.'
          : e.deadline.status === 'passed'
            ? `The last day was ${date(e.deadline.due)}. It has passed. Talk to an attorney or a representative right away about what you can still do.`
            : `The immigration court must receive the motion by ${date(e.deadline.due)}. This is the last day of the ` +
              '30 days the law gives after the decision. The day the court receives it counts, not the day you mail it.',
      ],
      late: [
        'If the court receives the motion after the last day, the judge will usually deny it without looking at your reasons.',
      ],
    }),
    'notice-of-appeal-checklist': (e, date) => ({
      what: [
        'These pages help you prepare your appeal to the Board of Immigration Appeals (BIA). An appeal asks the BIA to ' +
          `review the decision the immigration judge made on ${date(e.decision)}. You appeal with Form EOIR-26.`,
        'These pages are not the form and are not filed. They give your answers for the form, the deadline, the fee, ' +
          'and what to send.',
      ],
      todo: [
        'Get the current Form EOIR-26 from the EOIR website. Fill it in with the answers on the summary page in English.',
        'Write exactly what the judge got wrong, and why. If your reasons are too general, the BIA can dismiss your appeal.',
        'Pay the filing fee, or send Form EOIR-26A to ask for a fee waiver.',
        'Sign the form. Send a copy of everything to the DHS attorney, and fill in the proof of service on the form.',
        'Send the appeal to the BIA, not to the immigration court. Use a service that tracks delivery.',
        'Keep a copy of everything, and the proof of delivery.',
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'The case shows that the BIA received your appeal on time.'
          : e.deadline.status === 'passed'
            ? `The last day was ${date(e.deadline.due)}. It has passed. Talk to an attorney or a DOJ-accredited representative right away.`
            : `The BIA must receive your appeal by ${date(e.deadline.due)}. This is the last day of the 30 days the law ` +
              "gives after the judge's decision. The day the BIA receives it counts, not the day you mail it. Send it early.",
      ],
      late: [
        "If the appeal arrives late, the BIA will usually dismiss it, and the judge's decision becomes final: the " +
          'government can then carry out your removal (deportation).',
      ],
    }),
    'congress-letter': (e) => {
      const matter = {
        asylum_application: 'your asylum application',
        asylum_case: 'your asylum case',
        appeal: 'your appeal',
        work_permit: 'your work permit application',
      }[e.matter];
      const who = e.chamber === 'house' ? `your Representative, ${e.member}` : `your Senator, ${e.member}`;
      return {
        what: [
          `This is a letter to ${who}, in the United States Congress. It asks their office for help with ${matter}, ` +
            'which has been waiting a long time. The office can ask the government about your case and ask for an ' +
            'answer. It cannot change a decision or the law.',
          'The next page is a privacy release. It allows the office to ask about your case. Without it, the office ' +
            'cannot get information about your case.',
        ],
        todo: [
          'Read the letter. Check your name, your A-number and the dates.',
          'Sign the letter and the privacy release by hand, in ink. Write the date on the release.',
          'Add a copy of your receipt notice. Never send the original.',
          `Send it to the local office of ${e.member} (the district or state office). If the office asks you to use ` +
            'its own online form or its own release, do that.',
          'Keep a copy. Write down the date and the name of the person who answers you.',
        ],
        deadline: false,
        when: [
          'No law sets a deadline for this letter. You can send it when your case has waited a long time.',
          'This letter does not stop or change any deadline in your case. Keep every other date.',
        ],
        late: [],
      };
    },
    'translation-certificate': (e, date) => ({
      what: [
        `These are certificates of translation, one for each translated document (${e.documents} in all). In each one, ` +
          'the person who translated says that they know both languages well and that the English translation is ' +
          'complete and correct.',
        'The immigration court and USCIS ask for a certificate with every document that is not in English. A document ' +
          'without a translation and a certificate may not be accepted.',
      ],
      todo: [
        'Give the certificates to the person who translated. That person reads each one, then signs and dates it by hand.',
        'Put each set together in this order: a copy of the original, its English translation, then its certificate.',
        'Check that each translation is complete, with stamps, seals and handwriting.',
        'File copies, not the originals. Bring the originals to your hearing or interview.',
      ],
      deadline: e.prehearing !== undefined,
      when: [
        'No law sets a deadline for the certificates themselves. They go with your translated documents, which must ' +
          'arrive by the date for your evidence.',
        ...prehearingWords.en(e.prehearing, date),
      ],
      late: e.prehearing !== undefined ? ['The judge may refuse to look at documents that arrive late.'] : [],
    }),
    'i589-worksheet': (e, date) => ({
      what: [
        'This is a worksheet to help you fill in Form I-589, the application for asylum and for withholding of ' +
          'removal. It shows each question of the form with your answer. It is not the form: copy the answers onto ' +
          'the official form, in English.',
        e.fixes > 0
          ? `Things to fix before you file: ${e.fixes}. They are listed on the first page.`
          : 'Nothing was found missing. Read your answers again anyway.',
        'Every answer must be true and complete. If a judge finds that you knowingly made up part of your ' +
          'application, you can never get any immigration benefit.',
      ],
      todo: [
        'Fix everything on the list on the first page.',
        'Get the current Form I-589 from the USCIS website. Copy your answers onto it, in English.',
        'Answer every question. Write N/A when a question does not apply to you, and NONE when you have none. Do not leave a box empty.',
        'Sign the form by hand in Part D.',
        'Make a copy of everything before you file it.',
        "File it as the form's instructions say: with USCIS, or with the immigration court if your case is in court.",
      ],
      deadline: true,
      when: [
        e.oneYear.status === 'unknown'
          ? 'We cannot count the one-year deadline yet, because the case has no date of your last arrival in the ' +
            'United States. Add it, then prepare this worksheet again.'
          : e.oneYear.status === 'met'
            ? e.oneYear.filedOn !== undefined
              ? `Your application was filed on ${date(e.oneYear.filedOn)}, within the year.`
              : 'Your application was filed within the year.'
            : e.oneYear.status === 'passed'
              ? e.oneYear.filedOn !== undefined
                ? `Your application was filed on ${date(e.oneYear.filedOn)}, after the one-year deadline of ${date(e.oneYear.due)}. ` +
                  'An exception must explain why.'
                : `The one-year deadline was ${date(e.oneYear.due)}. It has passed. You can still ask for asylum only if ` +
                  'an exception applies, such as changed circumstances or extraordinary circumstances. Withholding of ' +
                  'removal and protection under the Convention Against Torture have no deadline.'
              : 'You must file within one year after your last arrival in the United States: by ' +
                `${date(e.oneYear.due)}. The day it is received counts.`,
      ],
      late: [
        'If your application arrives after the one-year deadline, asylum is denied unless an exception applies. An ' +
          'application with an empty answer or without a signature is sent back, and the deadline keeps running.',
      ],
    }),
    'exhibit-packet': (e, date) => ({
      what: [
        'This is your exhibit packet: the documents (evidence) for your case, in one file. It has a cover page, an ' +
          'index, a tab page before each document, and a number on every page.' +
          (e.service
            ? ' The last numbered page is the proof of service: it says that a copy was sent to the DHS attorney.'
            : ''),
        e.court
          ? 'It is for your case in immigration court.'
          : 'It is for USCIS or another office that asks for your documents.',
      ],
      todo: [
        'Check every page: each document must be complete, easy to read and in the right place.',
        'Each document that is not in English needs an English translation and a certificate of translation.',
        ...(e.service
          ? ['Sign the proof of service by hand. Send a copy of the whole packet to the DHS attorney.']
          : []),
        e.court
          ? 'File the packet with the immigration court. The court counts the day it receives it, not the day you mail it.'
          : 'Send it or bring it as your notice from USCIS says.',
        'Before you file or send the packet, take out the pages after the last numbered page, starting with this one.',
        'Keep a copy of everything. Bring the originals to your hearing or interview.',
      ],
      deadline: e.prehearing !== undefined,
      when:
        e.prehearing !== undefined
          ? prehearingWords.en(e.prehearing, date)
          : [
              e.court
                ? "Look in your hearing notice and the judge's orders for the last day to file your documents."
                : 'Look in your notice from USCIS for when to send or bring your documents.',
            ],
      late: e.prehearing !== undefined ? ['The judge may refuse to look at documents that arrive late.'] : [],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// Spanish

const es: Words = {
  title: 'Sobre este documento',
  forYou: 'Esta página es para usted. No la presente.',
  inEnglish: 'Le explica las otras páginas, que están en inglés: el idioma que aceptan las cortes y USCIS.',
  what: 'Qué es este documento',
  todo: 'Lo que usted debe hacer',
  deadline: 'Su fecha límite',
  when: 'Cuándo hacerlo',
  late: 'Si se pasa la fecha límite',
  notAdvice:
    'Esto es información legal, no asesoría legal. Puede tener errores, y la ley cambia. Antes de firmar, presentar o ' +
    'enviar algo, hable con un abogado con licencia o con un representante acreditado por el DOJ. Los notarios y los ' +
    'consultores de inmigración no pueden ayudarle: no pueden darle asesoría legal ni ser sus representantes.',
  kinds: {
    'withdrawal-letter': (e) => ({
      what: [
        'Esta es una carta para la oficina de asilo de USCIS. En ella, usted pide retirar su solicitud de asilo ' +
          '(formulario I-589). Retirar quiere decir que usted ya no pide asilo. Cuando la oficina acepta la carta, su ' +
          'caso de asilo en USCIS termina.',
        'Es un paso importante. Si usted no tiene otro estatus legal en Estados Unidos, USCIS puede enviar su caso a la ' +
          'corte de inmigración. El permiso de trabajo basado en su solicitud de asilo puede terminar. Si más adelante ' +
          'pide asilo otra vez, se aplica de nuevo la fecha límite de un año.',
      ],
      todo: [
        `Lea la carta. Compare su nombre, su número A, su fecha de nacimiento${e.receiptNumber ? ' y su número de recibo' : ''} con sus papeles de USCIS.`,
        'Firme la carta a mano, con tinta, en la línea que está arriba de su nombre.',
        'Agregue una copia de su aviso de recibo o de su aviso de entrevista, si lo tiene.',
        'Haga una copia de todo y guárdela.',
        'Envíela por correo a la oficina de asilo que tiene su caso. Use un servicio que le dé un comprobante de ' +
          'entrega, como el correo certificado con acuse de recibo (certified mail with return receipt). Guarde el comprobante.',
      ],
      deadline: false,
      when: [
        'Ninguna ley pone una fecha límite para esta carta. Envíela solo cuando haya tomado su decisión.',
        'Hasta que USCIS le diga por escrito que su solicitud está retirada, vaya a todas las citas que USCIS le dé, ' +
          'como la entrevista o la cita para las huellas digitales.',
      ],
      late: [],
    }),
    'change-of-address': (e, date) => {
      const name = {
        court: 'el formulario EOIR-33/IC para la corte de inmigración',
        bia: 'el formulario EOIR-33/BIA para la Junta de Apelaciones de Inmigración (BIA)',
        uscis: 'el formulario AR-11 para USCIS',
      } as const;
      const label = {
        court: 'Formulario EOIR-33/IC (corte de inmigración)',
        bia: 'Formulario EOIR-33/BIA (BIA)',
        uscis: 'Formulario AR-11 (USCIS)',
      } as const;
      const eoir = e.forms.some((f) => f.form !== 'uscis');
      return {
        what: [
          'Cuando usted se muda, debe dar su nueva dirección al gobierno. La página en inglés tiene sus respuestas para ' +
            `los formularios que sirven para eso: ${e.forms.map((f) => name[f.form]).join(' y ')}. Esa página no es un formulario.`,
        ],
        todo: [
          'Revise su nueva dirección en la página en inglés, letra por letra.',
          ...e.forms.flatMap((f) =>
            f.form === 'court'
              ? [
                  'Busque el formulario EOIR-33/IC en el sitio web de la EOIR. Llénelo con las respuestas de la página en ' +
                    'inglés. Preséntelo en la corte de inmigración que tiene su caso y envíe una copia al abogado del DHS.',
                ]
              : f.form === 'bia'
                ? [
                    'Busque el formulario EOIR-33/BIA en el sitio web de la EOIR. Llénelo con las respuestas de la página ' +
                      'en inglés. Preséntelo en la BIA y envíe una copia al abogado del DHS.',
                  ]
                : [],
          ),
          'Llene el formulario AR-11 de USCIS, en línea o en papel, como dicen sus instrucciones. Guarde la confirmación.',
          'Guarde una copia de cada formulario que envíe.',
        ],
        deadline: true,
        when: ['Cada oficina tiene su propia fecha límite, contada desde el día de la mudanza:'],
        dates: e.forms.map((f) =>
          f.deadline.status === 'met'
            ? `${label[f.form]}: presentado a tiempo.`
            : f.deadline.status === 'passed'
              ? `${label[f.form]}: la fecha límite era el ${date(f.deadline.due)}. Ya pasó: envíelo ahora.`
              : `${label[f.form]}: a más tardar el ${date(f.deadline.due)}.`,
        ),
        late: [
          'Envíe los formularios aunque se haya pasado la fecha.',
          ...(eoir
            ? [
                'Si la corte de inmigración o la BIA no tiene su nueva dirección, puede que usted no reciba sus avisos, ' +
                  'como el que tiene la fecha de su audiencia. Si usted no va a una audiencia, el juez puede ordenar su ' +
                  'expulsión (deportación) sin que usted esté presente.',
              ]
            : []),
          'La ley dice que usted debe informar a USCIS de cada mudanza. Si no lo hace, puede perjudicar su caso.',
        ],
      };
    },
    'motion-to-withdraw': (e, date) => ({
      what: [
        'Esta es una moción: un pedido por escrito al juez de inmigración. Pide al juez que le permita retirar su ' +
          'solicitud de asilo (formulario I-589). Retirar quiere decir que usted ya no pide asilo. El paquete tiene una ' +
          'portada, la moción, una orden para que el juez la firme y una prueba de entrega. La prueba de entrega dice ' +
          'que se envió una copia al abogado del DHS.',
        e.prejudice === 'without'
          ? 'Usted pide que el retiro sea «sin perjuicio» (without prejudice). Esto quiere decir que podría presentar la ' +
            'solicitud otra vez en este caso.'
          : 'Usted acepta que el retiro sea «con perjuicio» (with prejudice). Esto quiere decir que no puede presentar la ' +
            'solicitud otra vez en este caso, a menos que el caso se reabra.',
        'Si usted retira la solicitud y no tiene otra forma de quedarse, el juez puede ordenar su expulsión ' +
          '(deportación) o darle la salida voluntaria. La salida voluntaria quiere decir que usted sale del país por su ' +
          'cuenta antes de una fecha fijada.',
      ],
      todo: [
        'Lea cada página. Revise su nombre, su número A, la corte, el juez y las fechas.',
        ...(e.represented
          ? [
              'Su abogado o representante firma la moción y la prueba de entrega. Léanlas juntos antes de presentarlas.',
              `Su abogado o representante envía una copia al abogado del DHS y presenta las páginas en la corte de inmigración de ${e.court}.`,
            ]
          : [
              'Firme la moción y la prueba de entrega a mano, con tinta.',
              'Envíe una copia de todo al abogado del DHS en la fecha escrita en la prueba de entrega.',
              `Presente las páginas firmadas en la corte de inmigración de ${e.court}. La corte cuenta el día en que las recibe, no el día en que usted las envía.`,
            ]),
        'Guarde una copia de todo, y el comprobante del día en que la corte las recibió.',
      ],
      deadline: false,
      when: [
        'Ninguna ley pone una fecha límite para esta moción.' +
          (e.nextHearingDate !== undefined
            ? ` Su próxima audiencia es el ${date(e.nextHearingDate)}. Presente la moción mucho antes, para que el juez tenga tiempo de leerla.`
            : ''),
        'Vaya a todas sus audiencias hasta que el juez decida. Si usted no va a una audiencia, el juez puede ordenar su ' +
          'expulsión (deportación) sin que usted esté presente.',
      ],
      late: [],
    }),
    'motion-to-reopen': (e, date) => ({
      what: [
        e.inAbsentia
          ? 'Este es un borrador de una moción para reabrir. Pide al juez de inmigración que abra su caso otra vez y que ' +
            `anule la orden de expulsión del ${date(e.order)}. El juez dio esa orden cuando usted no estaba en su audiencia (en ausencia).`
          : `Este es un borrador de una moción para reabrir. Pide al juez de inmigración que abra su caso otra vez después de la orden del ${date(e.order)}.`,
        'No está terminado. Un abogado o un representante acreditado por el DOJ debe escribir las partes que están entre ' +
          'corchetes [ ]: los hechos nuevos, las pruebas y el argumento legal.',
        'Pregunte a su abogado o representante si también necesita una pausa de la expulsión (stay): una orden que ' +
          'detiene su expulsión (deportación) mientras el juez decide.',
      ],
      todo: [
        e.represented
          ? 'Lea estas páginas con su abogado o representante.'
          : 'Lleve estas páginas ahora mismo a un abogado o a un representante acreditado por el DOJ.',
        'Esa persona escribe las partes que faltan y borra las notas de redacción (drafting notes).',
        'Reúna las pruebas, su declaración firmada y la solicitud que menciona la moción.',
        'Pague la tarifa de presentación o, si no puede pagar, pida una exención de la tarifa (fee waiver).',
        e.represented
          ? 'Su abogado o representante firma la moción y la prueba de entrega, y envía una copia al abogado del DHS.'
          : 'Firme la moción y la prueba de entrega a mano, con tinta. Envíe una copia de todo al abogado del DHS.',
        `Presente todo en la corte de inmigración de ${e.court} y guarde una copia.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'El caso muestra que se presentó una moción a tiempo.'
          : e.deadline.status === 'passed'
            ? `El último día era el ${date(e.deadline.due)}. Ya pasó. Una excepción todavía podría permitir la moción, ` +
              `por ejemplo si las condiciones en su país cambiaron${e.inAbsentia ? ', o si usted nunca recibió el aviso de su audiencia' : ''}. ` +
              'Hable de inmediato con un abogado o un representante.'
            : `La corte de inmigración debe recibir la moción a más tardar el ${date(e.deadline.due)}. Es el último día ` +
              `de los ${e.inAbsentia ? 180 : 90} días que da la ley después de la orden. Cuenta el día en que la corte la ` +
              'recibe, no el día en que usted la envía.',
      ],
      late: [
        'Si la corte recibe la moción después del último día, el juez normalmente la niega sin mirar sus razones, a ' +
          'menos que se aplique una excepción.',
      ],
    }),
    'motion-to-reconsider': (e, date) => ({
      what: [
        `Este es un borrador de una moción de reconsideración. Pide al juez de inmigración que vuelva a mirar su decisión del ${date(e.decision)}, ` +
          'porque la decisión tiene errores de hecho o de derecho. No puede agregar pruebas nuevas: los hechos nuevos ' +
          'van en una moción para reabrir.',
        'No está terminado. Un abogado o un representante acreditado por el DOJ debe escribir los errores, y la ley que ' +
          'los muestra, en el espacio entre corchetes [ ].',
        'Esta moción no detiene el plazo para apelar ante la Junta de Apelaciones de Inmigración (BIA). Pregunte de ' +
          'inmediato a su abogado o representante si también debe apelar.',
      ],
      todo: [
        e.represented
          ? 'Lea estas páginas con su abogado o representante.'
          : 'Lleve estas páginas ahora mismo a un abogado o a un representante acreditado por el DOJ.',
        'Esa persona escribe los errores y borra la nota de redacción (drafting note).',
        'Pague la tarifa de presentación o, si no puede pagar, pida una exención de la tarifa (fee waiver).',
        e.represented
          ? 'Su abogado o representante firma la moción y la prueba de entrega, y envía una copia al abogado del DHS.'
          : 'Firme la moción y la prueba de entrega a mano, con tinta. Envíe una copia de todo al abogado del DHS.',
        `Presente todo en la corte de inmigración de ${e.court} y guarde una copia.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'El caso muestra que se presentó una moción a tiempo.'
          : e.deadline.status === 'passed'
            ? `El último día era el ${date(e.deadline.due)}. Ya pasó. Hable de inmediato con un abogado o un representante sobre lo que todavía puede hacer.`
            : `La corte de inmigración debe recibir la moción a más tardar el ${date(e.deadline.due)}. Es el último día ` +
              'de los 30 días que da la ley después de la decisión. Cuenta el día en que la corte la recibe, no el día en ' +
              'que usted la envía.',
      ],
      late: [
        'Si la corte recibe la moción después del último día, el juez normalmente la niega sin mirar sus razones.',
      ],
    }),
    'notice-of-appeal-checklist': (e, date) => ({
      what: [
        'Estas páginas le ayudan a preparar su apelación ante la Junta de Apelaciones de Inmigración (BIA). Una ' +
          `apelación pide a la BIA que revise la decisión que el juez de inmigración tomó el ${date(e.decision)}. Usted ` +
          'apela con el formulario EOIR-26.',
        'Estas páginas no son el formulario y no se presentan. Le dan sus respuestas para el formulario, la fecha ' +
          'límite, la tarifa y lo que debe enviar.',
      ],
      todo: [
        'Busque el formulario EOIR-26 actual en el sitio web de la EOIR. Llénelo con las respuestas de la página de resumen en inglés.',
        'Escriba exactamente en qué se equivocó el juez, y por qué. Si sus razones son muy generales, la BIA puede rechazar su apelación.',
        'Pague la tarifa de presentación, o envíe el formulario EOIR-26A para pedir una exención de la tarifa.',
        'Firme el formulario. Envíe una copia de todo al abogado del DHS y llene la prueba de entrega del formulario.',
        'Envíe la apelación a la BIA, no a la corte de inmigración. Use un servicio que permita seguir el envío.',
        'Guarde una copia de todo y el comprobante de entrega.',
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'El caso muestra que la BIA recibió su apelación a tiempo.'
          : e.deadline.status === 'passed'
            ? `El último día era el ${date(e.deadline.due)}. Ya pasó. Hable de inmediato con un abogado o un representante acreditado por el DOJ.`
            : `La BIA debe recibir su apelación a más tardar el ${date(e.deadline.due)}. Es el último día de los 30 días ` +
              'que da la ley después de la decisión del juez. Cuenta el día en que la BIA la recibe, no el día en que ' +
              'usted la envía. Envíela con tiempo.',
      ],
      late: [
        'Si la apelación llega tarde, la BIA normalmente la rechaza, y la decisión del juez queda firme: el gobierno ' +
          'puede entonces llevar a cabo su expulsión (deportación).',
      ],
    }),
    'congress-letter': (e) => {
      const matter = {
        asylum_application: 'su solicitud de asilo',
        asylum_case: 'su caso de asilo',
        appeal: 'su apelación',
        work_permit: 'su solicitud de permiso de trabajo',
      }[e.matter];
      const where =
        e.chamber === 'house'
          ? 'la Cámara de Representantes de Estados Unidos'
          : 'el Senado de Estados Unidos';
      return {
        what: [
          `Esta es una carta para ${e.member}, que le representa en ${where}. Pide a su oficina ayuda con ${matter}, ` +
            'que lleva mucho tiempo esperando. La oficina puede preguntar al gobierno por su caso y pedir una respuesta. ' +
            'No puede cambiar una decisión ni la ley.',
          'La página siguiente es una autorización de privacidad (privacy release). Permite que la oficina pregunte por ' +
            'su caso. Sin ella, la oficina no puede recibir información sobre su caso.',
        ],
        todo: [
          'Lea la carta. Revise su nombre, su número A y las fechas.',
          'Firme la carta y la autorización de privacidad a mano, con tinta. Escriba la fecha en la autorización.',
          'Agregue una copia de su aviso de recibo. Nunca envíe el original.',
          `Envíela a la oficina local de ${e.member} (la oficina del distrito o del estado). Si la oficina le pide usar ` +
            'su propio formulario en línea o su propia autorización, hágalo.',
          'Guarde una copia. Anote la fecha y el nombre de la persona que le responde.',
        ],
        deadline: false,
        when: [
          'Ninguna ley pone una fecha límite para esta carta. Puede enviarla cuando su caso lleve mucho tiempo esperando.',
          'Esta carta no detiene ni cambia ninguna fecha límite de su caso. Cumpla con todas las demás fechas.',
        ],
        late: [],
      };
    },
    'translation-certificate': (e, date) => ({
      what: [
        `Estos son certificados de traducción, uno por cada documento traducido (${e.documents} en total). En cada uno, ` +
          'la persona que hizo la traducción dice que conoce bien los dos idiomas y que la traducción al inglés es ' +
          'completa y correcta.',
        'La corte de inmigración y USCIS piden un certificado con cada documento que no está en inglés. Un documento ' +
          'sin traducción y sin certificado puede no ser aceptado.',
      ],
      todo: [
        'Dé los certificados a la persona que hizo la traducción. Esa persona lee cada uno, y lo firma y le pone la fecha a mano.',
        'Arme cada juego en este orden: una copia del original, su traducción al inglés y luego su certificado.',
        'Revise que cada traducción esté completa, con sellos, timbres y lo que está escrito a mano.',
        'Presente copias, no los originales. Lleve los originales a su audiencia o entrevista.',
      ],
      deadline: e.prehearing !== undefined,
      when: [
        'Ninguna ley pone una fecha límite para los certificados mismos. Van con sus documentos traducidos, que deben ' +
          'llegar en la fecha que corresponde a sus pruebas.',
        ...prehearingWords.es(e.prehearing, date),
      ],
      late:
        e.prehearing !== undefined ? ['El juez puede negarse a mirar los documentos que llegan tarde.'] : [],
    }),
    'i589-worksheet': (e, date) => ({
      what: [
        'Esta es una hoja de trabajo para ayudarle a llenar el formulario I-589, la solicitud de asilo y de suspensión ' +
          'de la expulsión. Muestra cada pregunta del formulario con su respuesta. No es el formulario: copie las ' +
          'respuestas en el formulario oficial, en inglés.',
        e.fixes > 0
          ? `Cosas que debe corregir antes de presentarlo: ${e.fixes}. Están en la lista de la primera página.`
          : 'No se encontró nada que falte. Aun así, lea otra vez sus respuestas.',
        'Cada respuesta debe ser verdadera y completa. Si un juez decide que usted inventó a sabiendas una parte de su ' +
          'solicitud, nunca podrá recibir ningún beneficio de inmigración.',
      ],
      todo: [
        'Corrija todo lo que está en la lista de la primera página.',
        'Busque el formulario I-589 actual en el sitio web de USCIS. Copie en él sus respuestas, en inglés.',
        'Responda cada pregunta. Escriba N/A cuando una pregunta no se aplica a usted, y NONE cuando no tiene nada que ' +
          'poner. No deje ningún espacio vacío.',
        'Firme el formulario a mano en la Parte D.',
        'Haga una copia de todo antes de presentarlo.',
        'Preséntelo como dicen las instrucciones del formulario: en USCIS, o en la corte de inmigración si su caso está en la corte.',
      ],
      deadline: true,
      when: [
        e.oneYear.status === 'unknown'
          ? 'Todavía no podemos contar la fecha límite de un año, porque el caso no tiene la fecha de su última llegada ' +
            'a Estados Unidos. Agréguela y prepare otra vez esta hoja de trabajo.'
          : e.oneYear.status === 'met'
            ? e.oneYear.filedOn !== undefined
              ? `Su solicitud se presentó el ${date(e.oneYear.filedOn)}, dentro del año.`
              : 'Su solicitud se presentó dentro del año.'
            : e.oneYear.status === 'passed'
              ? e.oneYear.filedOn !== undefined
                ? `Su solicitud se presentó el ${date(e.oneYear.filedOn)}, después de la fecha límite de un año, que era ` +
                  `el ${date(e.oneYear.due)}. Una excepción debe explicar por qué.`
                : `La fecha límite de un año era el ${date(e.oneYear.due)}. Ya pasó. Usted todavía puede pedir asilo solo ` +
                  'si se aplica una excepción, como circunstancias cambiadas o extraordinarias. La suspensión de la ' +
                  'expulsión y la protección bajo la Convención contra la Tortura no tienen fecha límite.'
              : 'Usted debe presentar la solicitud dentro del año después de su última llegada a Estados Unidos: a más ' +
                `tardar el ${date(e.oneYear.due)}. Cuenta el día en que la reciben.`,
      ],
      late: [
        'Si su solicitud llega después de la fecha límite de un año, le niegan el asilo, a menos que se aplique una ' +
          'excepción. Una solicitud con una respuesta vacía o sin firma se devuelve, y el plazo sigue corriendo.',
      ],
    }),
    'exhibit-packet': (e, date) => ({
      what: [
        'Este es su paquete de pruebas (exhibits): los documentos de su caso, en un solo archivo. Tiene una portada, ' +
          'un índice, una página separadora antes de cada documento y un número en cada página.' +
          (e.service
            ? ' La última página numerada es la prueba de entrega: dice que se envió una copia al abogado del DHS.'
            : ''),
        e.court
          ? 'Es para su caso en la corte de inmigración.'
          : 'Es para USCIS u otra oficina que le pida sus documentos.',
      ],
      todo: [
        'Revise cada página: cada documento debe estar completo, fácil de leer y en su lugar.',
        'Cada documento que no está en inglés necesita una traducción al inglés y un certificado de traducción.',
        ...(e.service
          ? ['Firme la prueba de entrega a mano. Envíe una copia de todo el paquete al abogado del DHS.']
          : []),
        e.court
          ? 'Presente el paquete en la corte de inmigración. La corte cuenta el día en que lo recibe, no el día en que usted lo envía.'
          : 'Envíelo o llévelo como dice su aviso de USCIS.',
        'Antes de presentar o enviar el paquete, saque las páginas que siguen a la última página numerada, empezando por esta.',
        'Guarde una copia de todo. Lleve los originales a su audiencia o entrevista.',
      ],
      deadline: e.prehearing !== undefined,
      when:
        e.prehearing !== undefined
          ? prehearingWords.es(e.prehearing, date)
          : [
              e.court
                ? 'Busque en su aviso de audiencia y en las órdenes del juez el último día para presentar sus documentos.'
                : 'Busque en su aviso de USCIS cuándo enviar o llevar sus documentos.',
            ],
      late:
        e.prehearing !== undefined ? ['El juez puede negarse a mirar los documentos que llegan tarde.'] : [],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// French

const fr: Words = {
  title: 'À propos de ce document',
  forYou: 'Cette page est pour vous. Ne la déposez pas.',
  inEnglish:
    'Elle vous explique les autres pages, qui sont en anglais : la langue qu’acceptent les tribunaux et l’USCIS.',
  what: 'Ce qu’est ce document',
  todo: 'Ce que vous devez faire',
  deadline: 'Votre date limite',
  when: 'Quand le faire',
  late: 'En cas de retard',
  notAdvice:
    'Ceci est une information juridique, pas un conseil juridique. Elle peut contenir des erreurs, et la loi change. ' +
    'Avant de signer, de déposer ou d’envoyer quoi que ce soit, parlez à un avocat autorisé à exercer ou à un ' +
    'représentant accrédité par le DOJ. Les « notarios » et les consultants en immigration ne peuvent pas vous aider : ' +
    'ils n’ont pas le droit de vous conseiller ni de vous représenter.',
  kinds: {
    'withdrawal-letter': (e) => ({
      what: [
        'Ceci est une lettre pour le bureau d’asile de l’USCIS. Dans cette lettre, vous demandez à retirer votre demande ' +
          'd’asile (formulaire I-589). Retirer veut dire que vous ne demandez plus l’asile. Quand le bureau accepte la ' +
          'lettre, votre dossier d’asile à l’USCIS se termine.',
        'C’est une décision importante. Si vous n’avez pas d’autre statut légal aux États-Unis, l’USCIS peut envoyer ' +
          'votre dossier au tribunal de l’immigration. Le permis de travail lié à votre demande d’asile peut prendre ' +
          'fin. Si vous demandez l’asile de nouveau plus tard, la date limite d’un an s’applique de nouveau.',
      ],
      todo: [
        `Lisez la lettre. Comparez votre nom, votre numéro A, votre date de naissance${e.receiptNumber ? ' et votre numéro de reçu' : ''} avec vos papiers de l’USCIS.`,
        'Signez la lettre à la main, à l’encre, sur la ligne au-dessus de votre nom.',
        'Ajoutez une copie de votre avis de réception (receipt notice) ou de votre convocation à l’entretien, si vous en avez une.',
        'Faites une copie de tout et gardez-la.',
        'Envoyez-la par la poste au bureau d’asile qui a votre dossier. Choisissez un envoi avec preuve de livraison, ' +
          'par exemple le courrier recommandé avec accusé de réception (certified mail with return receipt). Gardez la preuve.',
      ],
      deadline: false,
      when: [
        'Aucune loi ne fixe de date limite pour cette lettre. Envoyez-la seulement quand votre décision est prise.',
        'Tant que l’USCIS ne vous a pas dit par écrit que votre demande est retirée, allez à tous les rendez-vous que ' +
          'l’USCIS vous donne, comme l’entretien ou la prise d’empreintes.',
      ],
      late: [],
    }),
    'change-of-address': (e, date) => {
      const name = {
        court: 'le formulaire EOIR-33/IC pour le tribunal de l’immigration',
        bia: 'le formulaire EOIR-33/BIA pour la Commission des recours en matière d’immigration (BIA)',
        uscis: 'le formulaire AR-11 pour l’USCIS',
      } as const;
      const label = {
        court: 'Formulaire EOIR-33/IC (tribunal de l’immigration)',
        bia: 'Formulaire EOIR-33/BIA (BIA)',
        uscis: 'Formulaire AR-11 (USCIS)',
      } as const;
      const eoir = e.forms.some((f) => f.form !== 'uscis');
      return {
        what: [
          'Quand vous déménagez, vous devez donner votre nouvelle adresse à l’administration. La page en anglais ' +
            `contient vos réponses pour les formulaires qui servent à cela : ${e.forms.map((f) => name[f.form]).join(' et ')}. ` +
            'Cette page n’est pas un formulaire.',
        ],
        todo: [
          'Vérifiez votre nouvelle adresse sur la page en anglais, lettre par lettre.',
          ...e.forms.flatMap((f) =>
            f.form === 'court'
              ? [
                  'Téléchargez le formulaire EOIR-33/IC sur le site de l’EOIR. Remplissez-le avec les réponses de la page ' +
                    'en anglais. Déposez-le au tribunal de l’immigration qui a votre dossier, et envoyez une copie à l’avocat du DHS.',
                ]
              : f.form === 'bia'
                ? [
                    'Téléchargez le formulaire EOIR-33/BIA sur le site de l’EOIR. Remplissez-le avec les réponses de la ' +
                      'page en anglais. Déposez-le à la BIA, et envoyez une copie à l’avocat du DHS.',
                  ]
                : [],
          ),
          'Remplissez le formulaire AR-11 de l’USCIS, en ligne ou sur papier, comme le disent ses instructions. Gardez la confirmation.',
          'Gardez une copie de chaque formulaire envoyé.',
        ],
        deadline: true,
        when: ['Chaque administration a sa propre date limite, comptée à partir du jour du déménagement :'],
        dates: e.forms.map((f) =>
          f.deadline.status === 'met'
            ? `${label[f.form]} : déposé à temps.`
            : f.deadline.status === 'passed'
              ? `${label[f.form]} : la date limite était le ${date(f.deadline.due)}. Elle est passée : envoyez-le maintenant.`
              : `${label[f.form]} : au plus tard le ${date(f.deadline.due)}.`,
        ),
        late: [
          'Envoyez les formulaires même en retard.',
          ...(eoir
            ? [
                'Si le tribunal de l’immigration ou la BIA n’a pas votre nouvelle adresse, vous risquez de ne pas recevoir ' +
                  'vos avis, comme celui qui donne la date de votre audience. Si vous manquez une audience, le juge peut ' +
                  'ordonner votre expulsion en votre absence.',
              ]
            : []),
          'La loi vous oblige à signaler chaque déménagement à l’USCIS. Ne pas le faire peut nuire à votre dossier.',
        ],
      };
    },
    'motion-to-withdraw': (e, date) => ({
      what: [
        'Ceci est une requête : une demande écrite au juge de l’immigration. Elle demande au juge de vous permettre de ' +
          'retirer votre demande d’asile (formulaire I-589). Retirer veut dire que vous ne demandez plus l’asile. Le ' +
          'dossier contient une page de garde, la requête, une ordonnance que le juge signera et une preuve de remise. ' +
          'La preuve de remise dit qu’une copie a été envoyée à l’avocat du DHS.',
        e.prejudice === 'without'
          ? 'Vous demandez un retrait « sans préjudice » (without prejudice). Cela veut dire que vous pourriez déposer la ' +
            'demande de nouveau dans cette procédure.'
          : 'Vous acceptez un retrait « avec préjudice » (with prejudice). Cela veut dire que vous ne pouvez pas déposer ' +
            'la demande de nouveau dans cette procédure, sauf si elle est rouverte.',
        'Si vous retirez votre demande sans avoir d’autre moyen de rester, le juge peut ordonner votre expulsion ou vous ' +
          'accorder un départ volontaire. Le départ volontaire veut dire que vous quittez le pays par vos propres moyens ' +
          'avant une date fixée.',
      ],
      todo: [
        'Lisez chaque page. Vérifiez votre nom, votre numéro A, le tribunal, le juge et les dates.',
        ...(e.represented
          ? [
              'Votre avocat ou représentant signe la requête et la preuve de remise. Lisez-les ensemble avant le dépôt.',
              `Votre avocat ou représentant envoie une copie à l’avocat du DHS et dépose les pages au tribunal de l’immigration de ${e.court}.`,
            ]
          : [
              'Signez la requête et la preuve de remise à la main, à l’encre.',
              'Envoyez une copie de tout à l’avocat du DHS à la date écrite sur la preuve de remise.',
              `Déposez les pages signées au tribunal de l’immigration de ${e.court}. Le tribunal compte le jour où il les reçoit, pas le jour où vous les envoyez.`,
            ]),
        'Gardez une copie de tout, et la preuve du jour où le tribunal l’a reçu.',
      ],
      deadline: false,
      when: [
        'Aucune loi ne fixe de date limite pour cette requête.' +
          (e.nextHearingDate !== undefined
            ? ` Votre prochaine audience est le ${date(e.nextHearingDate)}. Déposez la requête bien avant, pour que le juge ait le temps de la lire.`
            : ''),
        'Allez à toutes vos audiences jusqu’à la décision du juge. Si vous manquez une audience, le juge peut ordonner ' +
          'votre expulsion en votre absence.',
      ],
      late: [],
    }),
    'motion-to-reopen': (e, date) => ({
      what: [
        e.inAbsentia
          ? 'Ceci est un projet de requête en réouverture. Elle demande au juge de l’immigration de rouvrir votre dossier ' +
            `et d’annuler l’ordre d’expulsion du ${date(e.order)}. Le juge a donné cet ordre quand vous n’étiez pas à votre audience (par défaut, in absentia).`
          : `Ceci est un projet de requête en réouverture. Elle demande au juge de l’immigration de rouvrir votre dossier après sa décision du ${date(e.order)}.`,
        'Ce projet n’est pas terminé. Un avocat ou un représentant accrédité par le DOJ doit écrire les parties entre ' +
          'crochets [ ] : les faits nouveaux, les preuves et l’argumentation juridique.',
        'Demandez à votre avocat ou représentant s’il faut aussi demander un sursis à l’expulsion (stay), qui arrête ' +
          'votre expulsion pendant que le juge décide.',
      ],
      todo: [
        e.represented
          ? 'Lisez ces pages avec votre avocat ou représentant.'
          : 'Apportez ces pages dès maintenant à un avocat ou à un représentant accrédité par le DOJ.',
        'Cette personne écrit les parties qui manquent et supprime les notes de rédaction (drafting notes).',
        'Rassemblez les preuves, votre déclaration signée et la demande que la requête mentionne.',
        'Payez les frais de dépôt ou, si vous ne pouvez pas payer, demandez une exonération des frais (fee waiver).',
        e.represented
          ? 'Votre avocat ou représentant signe la requête et la preuve de remise, et envoie une copie à l’avocat du DHS.'
          : 'Signez la requête et la preuve de remise à la main, à l’encre. Envoyez une copie de tout à l’avocat du DHS.',
        `Déposez le tout au tribunal de l’immigration de ${e.court}, et gardez-en une copie.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'Le dossier montre qu’une requête a été déposée à temps.'
          : e.deadline.status === 'passed'
            ? `Le dernier jour était le ${date(e.deadline.due)}. Il est passé. Une exception peut encore permettre la ` +
              `requête, par exemple si la situation dans votre pays a changé${e.inAbsentia ? ', ou si vous n’avez jamais reçu l’avis de votre audience' : ''}. ` +
              'Parlez tout de suite à un avocat ou à un représentant.'
            : `Le tribunal de l’immigration doit recevoir la requête au plus tard le ${date(e.deadline.due)}. C’est le ` +
              `dernier jour des ${e.inAbsentia ? 180 : 90} jours que la loi donne après la décision. C’est le jour de ` +
              'réception qui compte, pas le jour de l’envoi.',
      ],
      late: [
        'Si le tribunal reçoit la requête après le dernier jour, le juge la rejette en général sans examiner vos raisons, ' +
          'sauf si une exception s’applique.',
      ],
    }),
    'motion-to-reconsider': (e, date) => ({
      what: [
        `Ceci est un projet de requête en réexamen. Elle demande au juge de l’immigration de revoir sa décision du ${date(e.decision)}, ` +
          'parce qu’elle contient des erreurs de fait ou de droit. Elle ne peut pas ajouter de preuves : les faits ' +
          'nouveaux vont dans une requête en réouverture.',
        'Ce projet n’est pas terminé. Un avocat ou un représentant accrédité par le DOJ doit écrire les erreurs, et la ' +
          'loi qui les montre, dans l’espace entre crochets [ ].',
        'Cette requête n’arrête pas le délai d’appel devant la Commission des recours en matière d’immigration (BIA). ' +
          'Demandez tout de suite à votre avocat ou représentant s’il faut aussi faire appel.',
      ],
      todo: [
        e.represented
          ? 'Lisez ces pages avec votre avocat ou représentant.'
          : 'Apportez ces pages dès maintenant à un avocat ou à un représentant accrédité par le DOJ.',
        'Cette personne écrit les erreurs et supprime la note de rédaction (drafting note).',
        'Payez les frais de dépôt ou, si vous ne pouvez pas payer, demandez une exonération des frais (fee waiver).',
        e.represented
          ? 'Votre avocat ou représentant signe la requête et la preuve de remise, et envoie une copie à l’avocat du DHS.'
          : 'Signez la requête et la preuve de remise à la main, à l’encre. Envoyez une copie de tout à l’avocat du DHS.',
        `Déposez le tout au tribunal de l’immigration de ${e.court}, et gardez-en une copie.`,
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'Le dossier montre qu’une requête a été déposée à temps.'
          : e.deadline.status === 'passed'
            ? `Le dernier jour était le ${date(e.deadline.due)}. Il est passé. Parlez tout de suite à un avocat ou à un représentant de ce que vous pouvez encore faire.`
            : `Le tribunal de l’immigration doit recevoir la requête au plus tard le ${date(e.deadline.due)}. C’est le ` +
              'dernier jour des 30 jours que la loi donne après la décision. C’est le jour de réception qui compte, pas ' +
              'le jour de l’envoi.',
      ],
      late: [
        'Si le tribunal reçoit la requête après le dernier jour, le juge la rejette en général sans examiner vos raisons.',
      ],
    }),
    'notice-of-appeal-checklist': (e, date) => ({
      what: [
        'Ces pages vous aident à préparer votre appel devant la Commission des recours en matière d’immigration (BIA). ' +
          `Un appel demande à la BIA de revoir la décision que le juge de l’immigration a rendue le ${date(e.decision)}. ` +
          'Vous faites appel avec le formulaire EOIR-26.',
        'Ces pages ne sont pas le formulaire et ne sont pas déposées. Elles donnent vos réponses pour le formulaire, la ' +
          'date limite, les frais et ce qu’il faut envoyer.',
      ],
      todo: [
        'Téléchargez le formulaire EOIR-26 en vigueur sur le site de l’EOIR. Remplissez-le avec les réponses de la page de résumé en anglais.',
        'Écrivez exactement ce que le juge a mal fait, et pourquoi. Si vos raisons sont trop générales, la BIA peut rejeter votre appel.',
        'Payez les frais de dépôt, ou envoyez le formulaire EOIR-26A pour demander une exonération des frais.',
        'Signez le formulaire. Envoyez une copie de tout à l’avocat du DHS, et remplissez la preuve de remise du formulaire.',
        'Envoyez l’appel à la BIA, pas au tribunal de l’immigration. Utilisez un service avec suivi de livraison.',
        'Gardez une copie de tout et la preuve de livraison.',
      ],
      deadline: true,
      when: [
        e.deadline.status === 'met'
          ? 'Le dossier montre que la BIA a reçu votre appel à temps.'
          : e.deadline.status === 'passed'
            ? `Le dernier jour était le ${date(e.deadline.due)}. Il est passé. Parlez tout de suite à un avocat ou à un représentant accrédité par le DOJ.`
            : `La BIA doit recevoir votre appel au plus tard le ${date(e.deadline.due)}. C’est le dernier jour des 30 ` +
              'jours que la loi donne après la décision du juge. C’est le jour de réception qui compte, pas le jour de ' +
              'l’envoi. Envoyez-le tôt.',
      ],
      late: [
        'Si l’appel arrive en retard, la BIA le rejette en général, et la décision du juge devient définitive : ' +
          'l’administration peut alors procéder à votre expulsion.',
      ],
    }),
    'congress-letter': (e) => {
      const matter = {
        asylum_application: 'votre demande d’asile',
        asylum_case: 'votre dossier d’asile',
        appeal: 'votre appel',
        work_permit: 'votre demande de permis de travail',
      }[e.matter];
      const where =
        e.chamber === 'house' ? 'à la Chambre des représentants des États-Unis' : 'au Sénat des États-Unis';
      return {
        what: [
          `Ceci est une lettre pour ${e.member}, qui vous représente ${where}. Elle demande à son bureau de l’aide pour ` +
            `${matter}, qui attend depuis longtemps. Le bureau peut interroger l’administration sur votre dossier et ` +
            'demander une réponse. Il ne peut pas changer une décision ni la loi.',
          'La page suivante est une autorisation de communiquer vos informations (privacy release). Elle permet au ' +
            'bureau de poser des questions sur votre dossier. Sans elle, le bureau ne peut pas obtenir d’informations sur votre dossier.',
        ],
        todo: [
          'Lisez la lettre. Vérifiez votre nom, votre numéro A et les dates.',
          'Signez la lettre et l’autorisation à la main, à l’encre. Écrivez la date sur l’autorisation.',
          'Ajoutez une copie de votre avis de réception (receipt notice). N’envoyez jamais l’original.',
          `Envoyez-la au bureau local de ${e.member} (le bureau de circonscription ou le bureau dans l’État). Si le ` +
            'bureau vous demande d’utiliser son propre formulaire en ligne ou sa propre autorisation, faites-le.',
          'Gardez une copie. Notez la date et le nom de la personne qui vous répond.',
        ],
        deadline: false,
        when: [
          'Aucune loi ne fixe de date limite pour cette lettre. Vous pouvez l’envoyer quand votre dossier attend depuis longtemps.',
          'Cette lettre n’arrête ni ne change aucune date limite de votre dossier. Respectez toutes les autres dates.',
        ],
        late: [],
      };
    },
    'translation-certificate': (e, date) => ({
      what: [
        `Ce sont des certificats de traduction, un pour chaque document traduit (${e.documents} en tout). Dans chacun, ` +
          'la personne qui a traduit déclare qu’elle connaît bien les deux langues et que la traduction anglaise est ' +
          'complète et exacte.',
        'Le tribunal de l’immigration et l’USCIS demandent un certificat avec chaque document qui n’est pas en anglais. ' +
          'Un document sans traduction ni certificat risque de ne pas être accepté.',
      ],
      todo: [
        'Donnez les certificats à la personne qui a traduit. Elle lit chacun, puis le signe et le date à la main.',
        'Assemblez chaque ensemble dans cet ordre : une copie de l’original, sa traduction anglaise, puis son certificat.',
        'Vérifiez que chaque traduction est complète, avec les tampons, les sceaux et ce qui est écrit à la main.',
        'Déposez des copies, pas les originaux. Apportez les originaux à votre audience ou à votre entretien.',
      ],
      deadline: e.prehearing !== undefined,
      when: [
        'Aucune loi ne fixe de date limite pour les certificats eux-mêmes. Ils accompagnent vos documents traduits, qui ' +
          'doivent arriver à la date prévue pour vos preuves.',
        ...prehearingWords.fr(e.prehearing, date),
      ],
      late:
        e.prehearing !== undefined
          ? ['Le juge peut refuser d’examiner les documents qui arrivent en retard.']
          : [],
    }),
    'i589-worksheet': (e, date) => ({
      what: [
        'Ceci est une feuille de travail pour vous aider à remplir le formulaire I-589, la demande d’asile et de ' +
          'suspension de l’expulsion (withholding of removal). Elle montre chaque question du formulaire avec votre ' +
          'réponse. Ce n’est pas le formulaire : recopiez les réponses sur le formulaire officiel, en anglais.',
        e.fixes > 0
          ? `Points à corriger avant le dépôt : ${e.fixes}. Ils sont sur la liste de la première page.`
          : 'Rien de manquant n’a été trouvé. Relisez quand même vos réponses.',
        'Chaque réponse doit être vraie et complète. Si un juge décide que vous avez inventé, en le sachant, une partie ' +
          'de votre demande, vous ne pourrez plus jamais obtenir aucun avantage en matière d’immigration.',
      ],
      todo: [
        'Corrigez tout ce qui est sur la liste de la première page.',
        'Téléchargez le formulaire I-589 en vigueur sur le site de l’USCIS. Recopiez-y vos réponses, en anglais.',
        'Répondez à chaque question. Écrivez N/A quand une question ne vous concerne pas, et NONE quand vous n’avez rien ' +
          'à indiquer. Ne laissez aucune case vide.',
        'Signez le formulaire à la main, dans la partie D.',
        'Faites une copie de tout avant le dépôt.',
        'Déposez-le comme le disent les instructions du formulaire : à l’USCIS, ou au tribunal de l’immigration si votre dossier y est.',
      ],
      deadline: true,
      when: [
        e.oneYear.status === 'unknown'
          ? 'Nous ne pouvons pas encore compter la date limite d’un an : le dossier n’a pas la date de votre dernière ' +
            'arrivée aux États-Unis. Ajoutez-la, puis préparez de nouveau cette feuille de travail.'
          : e.oneYear.status === 'met'
            ? e.oneYear.filedOn !== undefined
              ? `Votre demande a été déposée le ${date(e.oneYear.filedOn)}, dans l’année.`
              : 'Votre demande a été déposée dans l’année.'
            : e.oneYear.status === 'passed'
              ? e.oneYear.filedOn !== undefined
                ? `Votre demande a été déposée le ${date(e.oneYear.filedOn)}, après la date limite d’un an, qui était le ` +
                  `${date(e.oneYear.due)}. Une exception doit expliquer pourquoi.`
                : `La date limite d’un an était le ${date(e.oneYear.due)}. Elle est passée. Vous pouvez encore demander ` +
                  'l’asile seulement si une exception s’applique, comme un changement de circonstances ou des ' +
                  'circonstances exceptionnelles. La suspension de l’expulsion (withholding of removal) et la protection ' +
                  'au titre de la Convention contre la torture n’ont pas de date limite.'
              : 'Vous devez déposer la demande dans l’année qui suit votre dernière arrivée aux États-Unis : au plus tard ' +
                `le ${date(e.oneYear.due)}. C’est le jour de réception qui compte.`,
      ],
      late: [
        'Si votre demande arrive après la date limite d’un an, l’asile est refusé, sauf si une exception s’applique. Une ' +
          'demande avec une réponse vide ou sans signature est renvoyée, et le délai continue de courir.',
      ],
    }),
    'exhibit-packet': (e, date) => ({
      what: [
        'Ceci est votre recueil de pièces (exhibits) : les documents de votre dossier, en un seul fichier. Il contient ' +
          'une page de garde, un index, une page intercalaire avant chaque document et un numéro sur chaque page.' +
          (e.service
            ? ' La dernière page numérotée est la preuve de remise : elle dit qu’une copie a été envoyée à l’avocat du DHS.'
            : ''),
        e.court
          ? 'Il est pour votre dossier au tribunal de l’immigration.'
          : 'Il est pour l’USCIS ou un autre service qui vous demande vos documents.',
      ],
      todo: [
        'Vérifiez chaque page : chaque document doit être complet, lisible et à sa place.',
        'Chaque document qui n’est pas en anglais doit avoir une traduction anglaise et un certificat de traduction.',
        ...(e.service
          ? ['Signez la preuve de remise à la main. Envoyez une copie de tout le recueil à l’avocat du DHS.']
          : []),
        e.court
          ? 'Déposez le recueil au tribunal de l’immigration. Le tribunal compte le jour où il le reçoit, pas le jour où vous l’envoyez.'
          : 'Envoyez-le ou apportez-le comme le dit votre avis de l’USCIS.',
        'Avant de déposer ou d’envoyer le recueil, retirez les pages qui suivent la dernière page numérotée, à commencer par celle-ci.',
        'Gardez une copie de tout. Apportez les originaux à votre audience ou à votre entretien.',
      ],
      deadline: e.prehearing !== undefined,
      when:
        e.prehearing !== undefined
          ? prehearingWords.fr(e.prehearing, date)
          : [
              e.court
                ? 'Cherchez dans votre avis d’audience et dans les décisions du juge le dernier jour pour déposer vos documents.'
                : 'Cherchez dans votre avis de l’USCIS quand envoyer ou apporter vos documents.',
            ],
      late:
        e.prehearing !== undefined
          ? ['Le juge peut refuser d’examiner les documents qui arrivent en retard.']
          : [],
    }),
  },
};

/** The filing date before a hearing, for the translation certificate and the exhibit packet. */
const prehearingWords: Readonly<
  Record<DocumentLanguage, (p: PrehearingFact | undefined, date: (iso: string) => string) => string[]>
> = {
  en: (p, date) =>
    p === undefined
      ? []
      : p.status === 'passed'
        ? [
            `For your hearing on ${date(p.hearingDate)}, the last day to file documents was ${date(p.due)}. It has passed. ` +
              'Ask an attorney or a DOJ-accredited representative if you can ask the judge to accept them late.',
          ]
        : [
            `For your hearing on ${date(p.hearingDate)}, the immigration court must receive your documents by ${date(p.due)}, ` +
              'unless the judge set another date.',
          ],
  es: (p, date) =>
    p === undefined
      ? []
      : p.status === 'passed'
        ? [
            `Para su audiencia del ${date(p.hearingDate)}, el último día para presentar documentos era el ${date(p.due)}. ` +
              'Ya pasó. Pregunte a un abogado o a un representante acreditado por el DOJ si puede pedir al juez que los acepte tarde.',
          ]
        : [
            `Para su audiencia del ${date(p.hearingDate)}, la corte de inmigración debe recibir sus documentos a más tardar ` +
              `el ${date(p.due)}, a menos que el juez haya fijado otra fecha.`,
          ],
  fr: (p, date) =>
    p === undefined
      ? []
      : p.status === 'passed'
        ? [
            `Pour votre audience du ${date(p.hearingDate)}, le dernier jour pour déposer des documents était le ${date(p.due)}. ` +
              'Il est passé. Demandez à un avocat ou à un représentant accrédité par le DOJ si vous pouvez demander au juge de les accepter en retard.',
          ]
        : [
            `Pour votre audience du ${date(p.hearingDate)}, le tribunal de l’immigration doit recevoir vos documents au plus ` +
              `tard le ${date(p.due)}, sauf si le juge a fixé une autre date.`,
          ],
};

const WORDS: Readonly<Record<DocumentLanguage, Words>> = { en, es, fr };

/** The explanation page's title, for a bookmark to it. */
export function explanationTitle(language: DocumentLanguage): string {
  return WORDS[language].title;
}

/**
 * A calendar date the reader's way ("2 de diciembre de 2026", "2 décembre 2026"), by the web
 * app's own function. French writes the first of a month "1er", which Intl does not.
 */
export function explanationDate(iso: string, language: DocumentLanguage): string {
  const text = localDate(iso, language);
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** French puts a no-break space before ":" ";" "?" "!" and inside « », so they never start a line. */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

function partsOf(words: Words, about: Explained, date: (iso: string) => string): Parts {
  // The map is keyed by kind, so the function found is the one for this kind's facts.
  const explain = words.kinds[about.kind] as (e: Explained, d: (iso: string) => string) => Parts;
  return explain(about, date);
}

/** The explanation's blocks in order, as the page shows them. */
export function explanationBlocks(language: DocumentLanguage, about: Explained): Block[] {
  const w = WORDS[language];
  const p = partsOf(w, about, (iso) => explanationDate(iso, language));
  const blocks: Block[] = [
    heading(w.title),
    paragraph(w.forYou),
    paragraph(w.inEnglish, 'small'),
    heading(w.what),
    ...p.what.map((t) => paragraph(t)),
    heading(w.todo),
    checklist(p.todo),
    heading(p.deadline ? w.deadline : w.when),
    ...p.when.map((t) => paragraph(t)),
    ...(p.dates !== undefined && p.dates.length > 0 ? [list(p.dates)] : []),
    ...(p.late.length > 0 ? [heading(w.late), ...p.late.map((t) => paragraph(t))] : []),
    paragraph(w.notAdvice, 'notice'),
  ];
  return language === 'fr' ? blocks.map(frenchBlock) : blocks;
}

function frenchBlock(b: Block): Block {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return { ...b, text: frenchSpacing(b.text) };
    case 'checklist':
    case 'list':
      return { ...b, items: b.items.map(frenchSpacing) };
    default:
      return b;
  }
}

/**
 * The last section of every document: the explanation in the person's language, on a page of its
 * own, marked as not to be filed. In Spanish or French the section carries its language tag.
 */
export function explanationSection(language: DocumentLanguage, about: Explained): Section {
  return {
    blocks: explanationBlocks(language, about),
    // "es" and "fr", as the I-589 worksheet tags its questions: the Spanish is neutral Latin
    // American, so "es-ES" (Spain) would misname it.
    ...(language !== 'en' ? { language } : {}),
  };
}
