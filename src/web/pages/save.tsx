/**
 * Keeping answers: locked on this device with a passphrase, or exported as a locked file the case
 * tracker imports. WebCrypto only (src/bundle/case-bundle.ts); nothing leaves the device by itself.
 */
import { useState } from 'preact/hooks';
import { BundleError, openJson, type Sealed, sealBundle, sealJson } from '../../bundle/case-bundle.ts';
import type { AppContext } from '../app.tsx';
import { navigate } from '../app.tsx';
import { factsOf, sanitizeEntries } from '../interview.ts';

const SAVED_KEY = 'refugio.saved';
const DEVICE_PURPOSE = 'refugio-device-answers';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SavePage({ ctx }: { ctx: AppContext }) {
  const { t, entries, setEntries, asOf } = ctx;
  const [pass, setPass] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = localStorage.getItem(SAVED_KEY);

  const run = async (work: () => Promise<string>) => {
    if (pass.length < 8) return setMessage({ kind: 'error', text: t.t('save.passphrase_short') });
    setBusy(true);
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: err instanceof BundleError ? t.t('save.wrong') : t.t('error.generic'),
      });
    } finally {
      setBusy(false);
    }
  };

  const saveHere = () =>
    run(async () => {
      localStorage.setItem(SAVED_KEY, JSON.stringify(await sealJson(entries, pass, DEVICE_PURPOSE)));
      return t.t('save.saved');
    });
  const openHere = () =>
    run(async () => {
      if (!saved) return t.t('save.none');
      setEntries(sanitizeEntries(await openJson(JSON.parse(saved) as Sealed, pass, DEVICE_PURPOSE)));
      navigate('/summary');
      return '';
    });
  const exportFile = () => {
    if (!name.trim()) return setMessage({ kind: 'error', text: t.t('save.name_required') });
    return run(async () => {
      const facts = factsOf(entries, asOf);
      const sealed = await sealBundle(
        {
          person: {
            name: name.trim(),
            ...(facts.person?.birthDate ? { birthDate: facts.person.birthDate } : {}),
          },
          screening: (facts.screening ?? null) as Record<string, unknown> | null,
          events: facts.events as unknown as Record<string, unknown>[],
          notes: [],
        },
        pass,
      );
      download('refugio-case.json', JSON.stringify(sealed));
      return t.t('save.saved');
    });
  };

  return (
    <section>
      <h1>{t.t('save.title')}</h1>
      <p>{t.t('save.device_help')}</p>
      <div class="field">
        <label for="pass">{t.t('save.passphrase')}</label>
        <input
          id="pass"
          type="password"
          autocomplete="new-password"
          value={pass}
          onInput={(e) => setPass((e.target as HTMLInputElement).value)}
        />
      </div>
      <p class="actions">
        <button
          type="button"
          class="button primary"
          disabled={busy || entries.length === 0}
          onClick={saveHere}
        >
          {t.t('save.device')}
        </button>
        {saved && (
          <button type="button" class="button" disabled={busy} onClick={openHere}>
            {t.t('save.open')}
          </button>
        )}
      </p>
      <h2>{t.t('save.export')}</h2>
      <p>{t.t('save.export_help')}</p>
      <div class="field">
        <label for="export-name">{t.t('save.name')}</label>
        <input
          id="export-name"
          autocomplete="name"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </div>
      <p class="actions">
        <button type="button" class="button" disabled={busy || entries.length === 0} onClick={exportFile}>
          {t.t('save.export')}
        </button>
      </p>
      {busy && <p role="status">{t.t('save.working')}</p>}
      {message?.text && (
        <p
          class={message.kind === 'error' ? 'error' : 'ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
