import { answerText, questionText } from '../answer-text.ts';
import { type AppContext, navigate } from '../app.tsx';

export function SummaryPage({ ctx }: { ctx: AppContext }) {
  const { t, entries, setEntries } = ctx;
  const change = (i: number) => {
    // Dropping the answer makes the interview ask it again; every other answer is kept.
    setEntries(entries.filter((_, j) => j !== i));
    navigate('/q');
  };
  const timeline = entries.map((e, i) => [e, i] as const).filter(([e]) => e.q.startsWith('timeline.'));
  const others = entries.map((e, i) => [e, i] as const).filter(([e]) => !e.q.startsWith('timeline.'));
  const rows = (list: typeof timeline) => (
    <dl class="answers">
      {list.map(([e, i]) => (
        <div class="answer-row" key={i}>
          <dt>{questionText(t, e)}</dt>
          <dd>
            {answerText(t, e)}{' '}
            <button type="button" class="button link" onClick={() => change(i)}>
              {t.t('summary.change')}
              <span class="visually-hidden">: {questionText(t, e)}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <section>
      <h1>{t.t('summary.title')}</h1>
      <p class="lead">{t.t('summary.lead')}</p>
      {entries.length === 0 ? (
        <p>{t.t('summary.empty')}</p>
      ) : (
        <>
          <h2>{t.t('summary.events')}</h2>
          {rows(timeline)}
          {others.length > 0 && (
            <>
              <h2>{t.t('summary.answers')}</h2>
              {rows(others)}
            </>
          )}
        </>
      )}
      <p class="actions">
        <a class="button primary" href="#/results">
          {t.t('summary.see_results')}
        </a>
      </p>
    </section>
  );
}
