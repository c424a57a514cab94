/** A one-page summary to print or show a lawyer: the answers and the deadlines, nothing else. */
import { formatDate } from '../../core/time/plain-date.ts';
import { answerText, questionText } from '../answer-text.ts';
import type { AppContext } from '../app.tsx';
import type { InterviewState } from '../interview.ts';
import { deadlineWhen } from './results.tsx';

export function LawyerPage({ ctx, state }: { ctx: AppContext; state: InterviewState }) {
  const { t, entries } = ctx;
  const a = state.screened;
  return (
    <section class="lawyer-page">
      <h1>{t.t('lawyer.title')}</h1>
      <p class="no-print">{t.t('lawyer.lead')}</p>
      <p>
        {t.t('results.as_of', { date: formatDate(a.report.asOf) })} ·{' '}
        {t.t(`posture.${a.report.posture.posture}`)}
      </p>
      <h2>{t.t('results.deadlines')}</h2>
      <table>
        <tbody>
          {a.deadlines.map((d) => (
            <tr key={`${d.id}-${d.trigger.date}`}>
              <th scope="row">{t.t(`deadline.${d.id}`)}</th>
              <td>{t.date(formatDate(d.due))}</td>
              <td>{deadlineWhen(t, d, a.report.asOf)}</td>
              <td class="law">{d.authority.map(t.citation).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.t('summary.answers')}</h2>
      <dl class="answers compact">
        {entries.map((e, i) => (
          <div key={i}>
            <dt>{questionText(t, e)}</dt>
            <dd>{answerText(t, e)}</dd>
          </div>
        ))}
      </dl>
      <p class="actions no-print">
        <button type="button" class="button primary" onClick={() => window.print()}>
          {t.t('results.print')}
        </button>
      </p>
      <p class="disclaimer">{t.t('disclaimer')}</p>
    </section>
  );
}
