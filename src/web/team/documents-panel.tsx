/**
 * The case page's documents: pick one, add what only the team knows (a receipt number, the court,
 * the new address), and download it as PDF or Word. The case gives the rest: its facts, and the
 * person's name, A-number and birth date. When a document does not fit the case, the server says
 * why and which detail, and nothing typed here is lost.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../i18n.ts';
import { type Api, ApiFailure } from './api.ts';
import { ADDRESS_PARTS, FIELDS, type Field } from './document-fields.ts';

/** Puts a value at a dotted path, making the objects on the way. */
function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

/** The request's details from what was typed: empty fields are left out, never sent as "". */
export function detailsFrom(
  fields: readonly Field[],
  values: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'address') {
      const parts = Object.fromEntries(
        ADDRESS_PARTS.map((p) => [p, values[`${f.path}.${p}`]?.trim() ?? '']).filter(([, v]) => v !== ''),
      );
      if (Object.keys(parts).length > 0) put(out, f.path, parts);
      continue;
    }
    const v = values[f.path]?.trim() ?? '';
    if (v === '') continue;
    if (f.kind === 'checkbox') put(out, f.path, v === 'true');
    else if (f.kind === 'lines')
      put(
        out,
        f.path,
        v
          .split('\n')
          .map((title) => title.trim())
          .filter(Boolean)
          .map((title) => ({ title })),
      );
    else put(out, f.path, v);
  }
  return out;
}

function fieldId(path: string): string {
  return `doc-${path.replace(/\./g, '-')}`;
}

interface CaseFile {
  readonly id: string;
  readonly name: string;
}

export function DocumentsPanel(props: {
  t: Translator;
  client: Api;
  path: string;
  files: readonly CaseFile[];
}) {
  const { t, client, path, files } = props;
  const [kinds, setKinds] = useState<string[]>([]);
  const [kind, setKind] = useState('');
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState<string | null>(null);
  /** For an exhibit packet: the chosen files, in the order chosen, each with its description. */
  const [exhibits, setExhibits] = useState<{ fileId: string; description: string }[]>([]);

  useEffect(() => {
    client
      .get<{ kinds: string[] }>('/document-kinds')
      .then((r) => {
        const offered = r.kinds.filter((k) => k in FIELDS);
        setKinds(offered);
        setKind((k) => k || offered[0] || '');
      })
      .catch(() => setKinds([]));
  }, []);

  const fields = FIELDS[kind] ?? [];
  const packet = kind === 'exhibit-packet';
  const toggle = (fileId: string, on: boolean) =>
    setExhibits((list) =>
      on ? [...list, { fileId, description: '' }] : list.filter((e) => e.fileId !== fileId),
    );
  const describe = (fileId: string, description: string) =>
    setExhibits((list) => list.map((e) => (e.fileId === fileId ? { ...e, description } : e)));
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const prepare = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setReady(null);
    try {
      const details = detailsFrom(fields, values);
      const blob = await client.download(
        `${path}/documents/${kind}`,
        packet ? { exhibits, details } : { format, details },
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${kind}.${packet ? 'pdf' : format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setReady(t.t('doc.ready', { name: t.t(`doc.kind.${kind}`) }));
    } catch (err) {
      setProblem(err instanceof ApiFailure ? err.message : t.t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  const label = (f: Field, part?: string) => t.t(`doc.field.${f.path}${part ? `.${part}` : ''}`);
  const input = (f: Field) => {
    const id = fieldId(f.path);
    const value = values[f.path] ?? '';
    if (f.kind === 'address')
      return (
        <fieldset key={f.path} class="address">
          <legend>{label(f)}</legend>
          {ADDRESS_PARTS.map((p) => (
            <div class="field" key={p}>
              <label for={`${id}-${p}`}>{t.t(`doc.address.${p}`)}</label>
              <input
                id={`${id}-${p}`}
                value={values[`${f.path}.${p}`] ?? ''}
                autocomplete="off"
                onInput={(e) => set(`${f.path}.${p}`, (e.target as HTMLInputElement).value)}
              />
            </div>
          ))}
        </fieldset>
      );
    if (f.kind === 'checkbox')
      return (
        <div class="field check" key={f.path}>
          <input
            id={id}
            type="checkbox"
            checked={value === 'true'}
            onChange={(e) => set(f.path, String((e.target as HTMLInputElement).checked))}
          />
          <label for={id}>{label(f)}</label>
        </div>
      );
    if (typeof f.kind === 'object')
      return (
        <div class="field" key={f.path}>
          <label for={id}>{label(f)}</label>
          <select id={id} value={value} onChange={(e) => set(f.path, (e.target as HTMLSelectElement).value)}>
            <option value="">{t.t('doc.choose')}</option>
            {f.kind.options.map((o) => (
              <option value={o} key={o}>
                {t.t(`doc.option.${o}`)}
              </option>
            ))}
          </select>
        </div>
      );
    const multiline = f.kind === 'textarea' || f.kind === 'lines';
    return (
      <div class="field" key={f.path}>
        <label for={id}>{label(f)}</label>
        {multiline ? (
          <textarea
            id={id}
            rows={3}
            value={value}
            onInput={(e) => set(f.path, (e.target as HTMLTextAreaElement).value)}
          />
        ) : f.kind === 'date' ? (
          <input
            id={id}
            type="date"
            value={value}
            onInput={(e) => set(f.path, (e.target as HTMLInputElement).value)}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={value}
            autocomplete="off"
            onInput={(e) => set(f.path, (e.target as HTMLInputElement).value)}
          />
        )}
      </div>
    );
  };

  if (kinds.length === 0) return null;
  return (
    <section class="documents" aria-labelledby="documents-title">
      <h2 id="documents-title">{t.t('doc.title')}</h2>
      <p class="small">{t.t('doc.lead')}</p>
      <form onSubmit={prepare}>
        <div class="field">
          <label for="doc-kind">{t.t('doc.kind')}</label>
          <select
            id="doc-kind"
            value={kind}
            onChange={(e) => {
              setKind((e.target as HTMLSelectElement).value);
              setProblem(null);
              setReady(null);
            }}
          >
            {kinds.map((k) => (
              <option value={k} key={k}>
                {t.t(`doc.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {packet && (
          <fieldset class="exhibits">
            <legend>{t.t('doc.exhibits')}</legend>
            {files.length === 0 && <p class="small">{t.t('doc.no_files')}</p>}
            {files.map((f) => {
              const chosen = exhibits.findIndex((e) => e.fileId === f.id);
              return (
                <div class="exhibit" key={f.id}>
                  <div class="field check">
                    <input
                      id={`exhibit-${f.id}`}
                      type="checkbox"
                      checked={chosen >= 0}
                      onChange={(e) => toggle(f.id, (e.target as HTMLInputElement).checked)}
                    />
                    <label for={`exhibit-${f.id}`}>
                      {chosen >= 0 ? `${t.t('doc.exhibit_tab', { n: chosen + 1 })} ` : ''}
                      {f.name}
                    </label>
                  </div>
                  {chosen >= 0 && (
                    <div class="field">
                      <label for={`exhibit-desc-${f.id}`}>{t.t('doc.exhibit_description')}</label>
                      <input
                        id={`exhibit-desc-${f.id}`}
                        type="text"
                        required
                        value={exhibits[chosen]!.description}
                        onInput={(e) => describe(f.id, (e.target as HTMLInputElement).value)}
                      />
                    </div>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
        {fields.map(input)}
        {!packet && (
          <fieldset class="format">
            <legend>{t.t('doc.format')}</legend>
            {(['pdf', 'docx'] as const).map((f) => (
              <label key={f} class="choice">
                <input type="radio" name="doc-format" checked={format === f} onChange={() => setFormat(f)} />{' '}
                {t.t(`doc.format.${f}`)}
              </label>
            ))}
          </fieldset>
        )}
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        {ready && (
          <p class="ok" role="status">
            {ready}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy || (packet && exhibits.length === 0)}>
          {busy ? t.t('doc.preparing') : t.t('doc.prepare')}
        </button>
      </form>
    </section>
  );
}
