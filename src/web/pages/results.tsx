/**
 * The results: where the case stands, each deadline with its date, days left and why, each option
 * with its status and reasons, the next steps, the risks; calendar export, print and the lawyer's
 * one-page summary. Everything comes from the law core's assessment; this page only words it.
 */
import { useMemo } from 'preact/hooks';
import { assess } from '../../core/assess.ts';
import type { Deadline } from '../../core/deadlines/deadline.ts';
import type { Step } from '../../core/time/periods.ts';
import { formatDate } from '../../core/time/plain-date.ts';
import type { AppContext } from '../app.tsx';
import type { Translator } from '../i18n.ts';
import type { InterviewState } from '../interview.ts';
import { TOPIC_OF_POSTURE, TOPIC_OF_RELIEF, topicOfDeadline } from '../learn-topics.ts';

const say = (t: Translator, s: Step) => t.t(s.code, s.params);

function LearnLink({ t, topic }: { t: Translator; topic: string | undefined }) {
  if (!topic) return null;
  return (
    <a class="learn-link" href={`#/learn/${topic}`}>
      {t.t('results.learn_more')}
    </a>
  );
}

export function deadlineWhen(t: Translator, d: Deadline, asOf: number): string {
  if (d.doneOn !== undefined) return t.t('results.done', { date: formatDate(d.doneOn) });
  const left = d.due - asOf;
  if (d.kind === 'earliest') return t.t('results.earliest');
  return left >= 0 ? t.t('results.days_left', { days: left }) : t.t('results.days_ago', { days: -left });
}

async function downloadCalendar(t: Translator, state: InterviewState) {
  const { deadlinesCalendar } = await import('../../render/deadlines-calendar.ts');
  const report = { ...state.screened.report, deadlines: state.screened.deadlines };
  const ics = deadlinesCalendar(report, { say: (s) => say(t, s) });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'refugio-deadlines.ics';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ResultsPage({ ctx, state }: { ctx: AppContext; state: InterviewState }) {
  const { t } = ctx;
  // The next steps and the evidence come with this page, not with the interview's first load.
  const a = useMemo(() => assess(state.facts), [state.facts]);
  const asOf = a.report.asOf;
  const posture = a.report.posture.posture;
  const risks: Step[] = [
    ...a.warnings,
    ...(a.withdrawal?.warnings ?? []).map((w) => ({ code: w.code, params: {} })),
  ];
  const open = state.step.kind !== 'done';
  return (
    <section class="results">
      <h1>{t.t('results.title')}</h1>
      <p class="as-of">{t.t('results.as_of', { date: formatDate(asOf) })}</p>
      {open && (
        <p class="notice">
          {t.t('results.not_done')} <a href="#/q">{t.t('results.continue')}</a>
        </p>
      )}

      <h2>{t.t('results.stands')}</h2>
      <p class="posture">
        {t.t(`posture.${posture}`)} <LearnLink t={t} topic={TOPIC_OF_POSTURE[posture]} />
      </p>

      <h2>{t.t('results.deadlines')}</h2>
      {a.deadlines.length === 0 ? (
        <p>{t.t('results.no_deadlines')}</p>
      ) : (
        <ul class="deadlines">
          {a.deadlines.map((d) => (
            <li class={`deadline status-${d.status}`} key={`${d.id}-${d.trigger.date}`} data-deadline={d.id}>
              <h3>{t.t(`deadline.${d.id}`)}</h3>
              <p class="due">
                <strong>{t.date(formatDate(d.due))}</strong> · <span>{deadlineWhen(t, d, asOf)}</span> ·{' '}
                <span class="status">{t.t(`status.${d.status}`)}</span>
              </p>
              {d.alternativeDue && (
                <p class="uncertain">
                  {t.t('results.also_possible', { date: formatDate(d.alternativeDue.date) })}
                </p>
              )}
              {d.notes.map((n) => (
                <p class="note" key={n.code}>
                  {say(t, n)}
                </p>
              ))}
              <details>
                <summary>{t.t('results.why')}</summary>
                <ol>
                  {d.steps.map((s, i) => (
                    <li key={i}>{say(t, s)}</li>
                  ))}
                </ol>
                <p class="law">
                  {t.t('results.law')}: {d.authority.map(t.citation).join('; ')}
                </p>
              </details>
              <LearnLink t={t} topic={topicOfDeadline(d.id)} />
            </li>
          ))}
        </ul>
      )}

      <h2>{t.t('results.options')}</h2>
      <ul class="relief">
        {a.relief.map((r) => (
          <li class={`relief-item status-${r.status}`} key={r.id} data-relief={r.id}>
            <h3>
              {t.t(`relief.${r.id}.name`)} <span class="badge">{t.t(`results.status.${r.status}`)}</span>
            </h3>
            <ul>
              {r.reasons.map((reason, i) => (
                <li key={i}>
                  {say(t, reason)}{' '}
                  {reason.authority.length > 0 && (
                    <span class="law">({reason.authority.map(t.citation).join('; ')})</span>
                  )}
                </li>
              ))}
            </ul>
            <LearnLink t={t} topic={TOPIC_OF_RELIEF[r.id]} />
          </li>
        ))}
      </ul>

      <h2>{t.t('results.next_steps')}</h2>
      <ol class="steps">
        {a.nextSteps.map((s) => (
          <li key={s.id}>
            {t.t(`step.${s.id}`)}
            {s.deadline && <strong> — {t.date(formatDate(s.deadline.due))}</strong>}
            {s.authority.length > 0 && <span class="law"> ({s.authority.map(t.citation).join('; ')})</span>}
          </li>
        ))}
      </ol>

      <h2>{t.t('results.risks')}</h2>
      {risks.length === 0 ? (
        <p>{t.t('results.no_risks')}</p>
      ) : (
        <ul class="risks">
          {risks.map((r, i) => (
            <li key={i}>{say(t, r)}</li>
          ))}
        </ul>
      )}

      <div class="actions no-print">
        <button type="button" class="button primary" onClick={() => downloadCalendar(t, state)}>
          {t.t('results.calendar')}
        </button>
        <button type="button" class="button" onClick={() => window.print()}>
          {t.t('results.print')}
        </button>
        <a class="button" href="#/lawyer">
          {t.t('results.for_lawyer')}
        </a>
        <a class="button" href="#/save">
          {t.t('save.title')}
        </a>
        <a class="button link" href="#/summary">
          {t.t('results.edit')}
        </a>
      </div>
      <p class="disclaimer">{t.t('disclaimer')}</p>
    </section>
  );
}
