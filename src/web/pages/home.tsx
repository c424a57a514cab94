import type { AppContext } from '../app.tsx';

export function HomePage({ ctx }: { ctx: AppContext }) {
  const { t, entries, setEntries } = ctx;
  const started = entries.length > 0;
  return (
    <section class="home">
      <h1>{t.t('home.title')}</h1>
      <p class="lead">{t.t('home.lead')}</p>
      <p>{t.t('home.time')}</p>
      <p class="privacy">{t.t('privacy.local')}</p>
      <p class="actions">
        <a class="button primary" href="#/q">
          {started ? t.t('home.continue') : t.t('home.start')}
        </a>
        {started && (
          <button
            type="button"
            class="button"
            onClick={() => {
              if (confirm(t.t('home.restart_confirm'))) setEntries([]);
            }}
          >
            {t.t('home.restart')}
          </button>
        )}
        <a class="button" href="#/save">
          {t.t('home.load')}
        </a>
      </p>
    </section>
  );
}
