/** Plain-language explainers, each with its citation, searchable, in the reader's language. */
import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../i18n.ts';

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly body: readonly string[];
  readonly citations: readonly string[];
  readonly related: readonly string[];
  readonly keywords?: readonly string[];
}

const FILES = import.meta.glob<{ topics: Topic[] }>('../../content/learn/*.json', { import: 'default' });

export async function loadTopics(lang: string): Promise<Topic[]> {
  const own = FILES[`../../content/learn/${lang}.json`] ?? FILES['../../content/learn/en.json'];
  return own ? (await own()).topics : [];
}

/** Accents and case do not matter when searching: "peticion" finds "petición". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function LearnPage({ t, topic }: { t: Translator; topic: string }) {
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    loadTopics(t.lang).then(setTopics);
  }, [t.lang]);
  if (!topics) return <p class="loading">{t.t('app.loading')}</p>;
  const open = topics.find((x) => x.id === topic);
  if (open) {
    return (
      <article class="topic">
        <p>
          <a href="#/learn">← {t.t('learn.back')}</a>
        </p>
        <h1>{open.title}</h1>
        <p class="lead">{open.summary}</p>
        {open.body.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <p class="law">
          {t.t('learn.law')}: {open.citations.map(t.citation).join('; ')}
        </p>
        {open.related.length > 0 && (
          <p>
            {t.t('learn.related')}:{' '}
            {open.related.map((id, i) => {
              const r = topics.find((x) => x.id === id);
              return r ? (
                <span key={id}>
                  {i > 0 && ', '}
                  <a href={`#/learn/${id}`}>{r.title}</a>
                </span>
              ) : null;
            })}
          </p>
        )}
      </article>
    );
  }
  const q = fold(query.trim());
  const shown = q
    ? topics.filter((x) => fold([x.title, x.summary, ...x.body, ...(x.keywords ?? [])].join(' ')).includes(q))
    : topics;
  return (
    <section>
      <h1>{t.t('learn.title')}</h1>
      <p class="lead">{t.t('learn.lead')}</p>
      <div class="field">
        <label for="learn-search">{t.t('learn.search')}</label>
        <input
          id="learn-search"
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      {shown.length === 0 ? (
        <p role="status">{t.t('learn.no_match')}</p>
      ) : (
        <ul class="topics">
          {shown.map((x) => (
            <li key={x.id}>
              <a href={`#/learn/${x.id}`}>{x.title}</a>
              <p>{x.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
