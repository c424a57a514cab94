/** Getting help: who may represent a person, what to bring, and a directory an organisation edits. */
import { useEffect, useState } from 'preact/hooks';
import { languageName, type Translator } from '../i18n.ts';

interface Provider {
  readonly id: string;
  readonly name: string;
  readonly languages: readonly string[];
  readonly city?: string;
  readonly state: string;
  readonly contact: { readonly phone?: string; readonly url?: string; readonly email?: string };
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\//.test(url) ? url : undefined;
}

export function HelpPage({ t }: { t: Translator }) {
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [language, setLanguage] = useState('');
  const [state, setState] = useState('');
  useEffect(() => {
    fetch('./providers.json')
      .then((r) => (r.ok ? r.json() : { providers: [] }))
      .then((d: { providers?: Provider[] }) => setProviders(Array.isArray(d.providers) ? d.providers : []))
      .catch(() => setProviders([]));
  }, []);
  const list = providers ?? [];
  const languages = [...new Set(list.flatMap((p) => p.languages))].sort();
  const states = [...new Set(list.map((p) => p.state).filter((s) => s !== 'national'))].sort();
  const shown = list.filter(
    (p) =>
      (!language || p.languages.includes(language)) &&
      (!state || p.state === state || p.state === 'national'),
  );
  return (
    <section class="help-page">
      <h1>{t.t('help.title')}</h1>
      <h2>{t.t('help.who')}</h2>
      <p>{t.t('help.who_text')}</p>
      <p>{t.t('help.check_attorney')}</p>
      <h2>{t.t('help.bring')}</h2>
      <p>
        {t.t('help.bring_text')} <a href="#/lawyer">{t.t('results.for_lawyer')}</a>
      </p>
      <h2>{t.t('help.directory')}</h2>
      <p class="small">{t.t('help.directory_note')}</p>
      <div class="filters">
        <div class="field">
          <label for="f-lang">{t.t('help.filter_language')}</label>
          <select
            id="f-lang"
            value={language}
            onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t.t('help.any')}</option>
            {languages.map((l) => (
              <option value={l} key={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-state">{t.t('help.filter_state')}</label>
          <select
            id="f-state"
            value={state}
            onChange={(e) => setState((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t.t('help.any')}</option>
            {states.map((s) => (
              <option value={s} key={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">{t.t('help.count', { n: shown.length })}</p>
      <ul class="providers">
        {shown.map((p) => (
          <li key={p.id} data-provider={p.id}>
            <h3>{p.name}</h3>
            <p>
              {p.state === 'national' ? t.t('help.national') : [p.city, p.state].filter(Boolean).join(', ')} ·{' '}
              {p.languages.map(languageName).join(', ')}
            </p>
            <p>
              {p.contact.phone && (
                <a href={`tel:${p.contact.phone.replace(/[^\d+]/g, '')}`}>{p.contact.phone}</a>
              )}{' '}
              {safeUrl(p.contact.url) && (
                <a href={safeUrl(p.contact.url)} rel="noopener noreferrer">
                  {p.contact.url}
                </a>
              )}{' '}
              {p.contact.email && <a href={`mailto:${p.contact.email}`}>{p.contact.email}</a>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
