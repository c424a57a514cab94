/**
 * The app shell: language, the answers of this session, the route (in the URL's hash, so the built
 * files work from any static host and offline), and the quick exit.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { initialLanguage, LANGUAGES, languageName, type Translator, translator } from './i18n.ts';
import { type Entry, interviewState, sanitizeEntries } from './interview.ts';
import { later } from './later.tsx';
import { HomePage } from './pages/home.tsx';
import { QuestionPage } from './pages/question.tsx';
import { SummaryPage } from './pages/summary.tsx';
import { today } from './today.ts';

// Pages the first screen does not show load after it, in the background (see `preload`), so the
// first visit downloads less and no step of the interview waits on the network.
const ResultsPage = later(() => import('./pages/results.tsx').then((m) => m.ResultsPage));
const LearnPage = later(() => import('./pages/learn.tsx').then((m) => m.LearnPage));
const HelpPage = later(() => import('./pages/help.tsx').then((m) => m.HelpPage));
const preload = () => Promise.all([ResultsPage.load(), LearnPage.load(), HelpPage.load()]);
const TeamApp = later(() => import('./team/team.tsx').then((m) => m.TeamApp));
const SavePage = later(() => import('./pages/save.tsx').then((m) => m.SavePage));
const LawyerPage = later(() => import('./pages/lawyer.tsx').then((m) => m.LawyerPage));

const ANSWERS_KEY = 'refugio.answers';
const LANGUAGE_KEY = 'refugio.language';

function readRoute(): string {
  return location.hash.replace(/^#/, '') || '/';
}

export function navigate(route: string): void {
  location.hash = route;
}

function loadAnswers(): Entry[] {
  try {
    return sanitizeEntries(JSON.parse(sessionStorage.getItem(ANSWERS_KEY) ?? '[]'));
  } catch {
    return [];
  }
}

/** Clears the screen and this session at once, then leaves for a neutral page. */
function quickExit(): void {
  document.body.replaceChildren();
  sessionStorage.clear();
  location.replace('https://www.weather.gov/');
}

export interface AppContext {
  readonly t: Translator;
  readonly entries: readonly Entry[];
  readonly setEntries: (entries: Entry[]) => void;
  readonly asOf: string;
}

export function App() {
  const [route, setRoute] = useState(readRoute);
  const [lang, setLang] = useState(() =>
    initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? []),
  );
  const [t, setT] = useState<Translator | null>(null);
  const [entries, setEntriesState] = useState<Entry[]>(loadAnswers);
  const [online, setOnline] = useState(navigator.onLine);
  const asOf = useMemo(today, []);

  useEffect(() => {
    const onHash = () => {
      setRoute(readRoute());
      window.scrollTo(0, 0);
    };
    const onNet = () => setOnline(navigator.onLine);
    const onKey = (e: KeyboardEvent) => {
      // Shift+Escape is the keyboard's quick exit.
      if (e.key === 'Escape' && e.shiftKey) quickExit();
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', onNet);
    window.addEventListener('offline', onNet);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onNet);
      window.removeEventListener('offline', onNet);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    let live = true;
    const show = (tr: Translator) => {
      if (!live) return;
      setT(tr);
      document.documentElement.lang = tr.lang;
      document.documentElement.dir = tr.dir;
      document.title = tr.t('app.name');
    };
    // The first screen needs only the app's words; the law core's follow at once, in the background.
    translator(lang, 'ui')
      .then(show)
      .then(() => translator(lang, 'all'))
      .then(show)
      .then(preload);
    return () => {
      live = false;
    };
  }, [lang]);

  const setEntries = useCallback((next: Entry[]) => {
    setEntriesState(next);
    sessionStorage.setItem(ANSWERS_KEY, JSON.stringify(next));
  }, []);

  const chooseLanguage = (next: string) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLang(next);
  };

  if (!t) return <p class="loading">Refugio…</p>;
  const ctx: AppContext = { t, entries, setEntries, asOf };
  const [, section = '', rest = ''] = route.split('/');
  const team = section === 'team';

  return (
    <div class={`shell${team ? ' shell-team' : ''}`}>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t.t('app.skip')}
      </button>
      <header class="top">
        <a class="brand" href="#/">
          {t.t('app.name')}
        </a>
        <label class="lang">
          <span class="visually-hidden">{t.t('app.language')}</span>
          <select value={t.lang} onChange={(e) => chooseLanguage((e.target as HTMLSelectElement).value)}>
            {LANGUAGES.map((l) => (
              <option value={l} key={l} lang={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="exit" onClick={quickExit} title={t.t('exit.hint')}>
          {t.t('exit.button')}
        </button>
      </header>
      <nav class="tabs" aria-label={t.t('app.name')}>
        <a href="#/q" aria-current={section === 'q' ? 'page' : undefined}>
          {t.t('nav.interview')}
        </a>
        <a href="#/results" aria-current={section === 'results' ? 'page' : undefined}>
          {t.t('nav.results')}
        </a>
        <a href="#/learn" aria-current={section === 'learn' ? 'page' : undefined}>
          {t.t('nav.learn')}
        </a>
        <a href="#/help" aria-current={section === 'help' ? 'page' : undefined}>
          {t.t('nav.help')}
        </a>
      </nav>
      {!online && (
        <p class="offline" role="status">
          {t.t('offline.note')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Page section={section} rest={rest} ctx={ctx} />
      </main>
      <footer class="foot">
        <p>{t.t('disclaimer')}</p>
        <p>
          <a href="#/team">{t.t('nav.team')}</a>
        </p>
      </footer>
    </div>
  );
}

/**
 * Pages whose words come after the first screen (the law core's, the other pages' and the legal
 * team's: core.json, relief.json, pages.json, team.json) wait for them, a moment at most.
 */
const NEEDS_CORE_WORDS = new Set(['results', 'lawyer', 'team', 'learn', 'help', 'save']);

function Page({ section, rest, ctx }: { section: string; rest: string; ctx: AppContext }) {
  const waiting = <p class="loading">{ctx.t.t('app.loading')}</p>;
  if (NEEDS_CORE_WORDS.has(section) && !ctx.t.complete) return waiting;
  switch (section) {
    case 'q':
      return <QuestionPage ctx={ctx} state={interviewState(ctx.entries, ctx.asOf)} />;
    case 'summary':
      return <SummaryPage ctx={ctx} />;
    case 'results':
      return <ResultsPage ctx={ctx} state={interviewState(ctx.entries, ctx.asOf)} fallback={waiting} />;
    case 'lawyer':
      return <LawyerPage ctx={ctx} state={interviewState(ctx.entries, ctx.asOf)} fallback={waiting} />;
    case 'save':
      return <SavePage ctx={ctx} fallback={waiting} />;
    case 'learn':
      return <LearnPage t={ctx.t} topic={decodeURIComponent(rest)} fallback={waiting} />;
    case 'help':
      return <HelpPage t={ctx.t} fallback={waiting} />;
    case 'team':
      return <TeamApp t={ctx.t} route={location.hash.replace(/^#\/team\/?/, '')} fallback={waiting} />;
    default:
      return <HomePage ctx={ctx} />;
  }
}
