/**
 * Deadline reminders by e-mail: at each lead time (14, 7, 3 and 1 days by default) every member
 * who may see a case gets one message per deadline, exactly once, whatever number of processes
 * run the job. A reminder never carries the person's name, A-number or birth date (8 CFR 208.6):
 * it names the deadline and a short case reference, and the details stay behind sign-in.
 */
import { sql } from 'kysely';
import { addDays, formatDate, parseDate } from '../core/index.ts';
import { renderStep } from '../render/messages.ts';
import type { CaseStore } from '../store/case-store.ts';
import { DEFAULT_LEAD_DAYS } from '../tracker/account-service.ts';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

export class ReminderService {
  constructor(
    private readonly store: CaseStore,
    private readonly send: SendMail,
    private readonly today: () => string,
    private readonly leadDays: readonly number[] = DEFAULT_LEAD_DAYS,
  ) {}

  /**
   * Sends the reminders due today; returns how many this call sent. Each person's own settings
   * (reminder_settings) decide their lead days and whether they get e-mail at all; a person
   * without settings gets the installation's lead days.
   */
  async runOnce(): Promise<number> {
    const today = parseDate(this.today());
    const chosen = await this.store.db
      .selectFrom('reminder_settings')
      .select(sql<number>`unnest(lead_days)`.as('lead'))
      .where('email_enabled', '=', true)
      .distinct()
      .execute();
    const leads = [...new Set([...this.leadDays, ...chosen.map((r) => Number(r.lead))])].sort(
      (a, b) => b - a,
    );
    let sent = 0;
    for (const lead of leads) {
      const due = formatDate(addDays(today, lead));
      const byDefault = this.leadDays.includes(lead);
      const rows = await this.store.db
        .selectFrom('case_deadlines as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .innerJoin('memberships as m', 'm.org_id', 'd.org_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .leftJoin('reminder_settings as s', 's.user_id', 'u.id')
        .select(['d.case_id', 'd.org_id', 'd.deadline_id', 'd.due', 'u.id as user_id', 'u.email'])
        .where('d.due', '=', due)
        .where('d.kind', '=', 'deadline')
        .where('d.status', '!=', 'met')
        .where('c.status', '=', 'open')
        .where((eb) =>
          eb.or([
            eb('m.role', 'in', ['admin', 'attorney', 'staff']),
            eb.and([eb('m.role', '=', 'client'), eb('m.client_case_id', '=', eb.ref('d.case_id'))]),
          ]),
        )
        .where((eb) =>
          eb.or([
            // No settings: the installation's lead days.
            ...(byDefault ? [eb('s.user_id', 'is', null)] : []),
            eb.and([eb('s.email_enabled', '=', true), sql<boolean>`${lead}::integer = ANY (s.lead_days)`]),
          ]),
        )
        .orderBy('d.case_id')
        .execute();
      for (const row of rows) {
        const claimed = await this.store.db.transaction().execute(async (tx) => {
          // The insert claims this reminder; a second process waits on the row and then finds it taken.
          const inserted = await tx
            .insertInto('reminders_sent')
            .values({
              user_id: row.user_id,
              case_id: row.case_id,
              deadline_id: row.deadline_id,
              due,
              lead_days: lead,
            })
            .onConflict((oc) => oc.doNothing())
            .returning(sql<number>`1`.as('claimed'))
            .execute();
          if (inserted.length === 0) return false;
          const title = renderStep({ code: `deadline.${row.deadline_id}`, params: {} });
          const reference = row.case_id.slice(0, 8);
          await this.send({
            to: row.email,
            subject: `Refugio: ${title} - due ${due} (case ${reference})`,
            text: [
              `${title}`,
              `Due: ${due} (${lead} day${lead === 1 ? '' : 's'} from today).`,
              `Case reference: ${reference}. Sign in to Refugio to see the case.`,
              '',
              renderStep({ code: 'disclaimer.legal_information', params: {} }),
            ].join('\n'),
          });
          await this.store.audit(tx, {
            orgId: row.org_id,
            userId: null,
            caseId: row.case_id,
            action: 'reminder.sent',
          });
          return true;
        });
        if (claimed) sent++;
      }
    }
    return sent;
  }
}

/** An SMTP sender from a `smtp://user:pass@host:port` URL (nodemailer). */
export async function smtpSender(url: string, from: string): Promise<SendMail> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}
