/** One case: the person, the timeline of events (each change recomputes deadlines at once), the
 * deadlines, the assessment, notes and, for admins, the audit trail. */
import { useEffect, useState } from 'preact/hooks';
import { EVENT_DETAILS, type ReportableEvent } from '../../core/interview/timeline-questions.ts';
import type { Translator } from '../i18n.ts';
import { type Api, ApiFailure } from './api.ts';
import { DocumentsPanel } from './documents-panel.tsx';

interface CaseData {
  readonly id: string;
  readonly version: number;
  readonly person: { readonly name: string; readonly aNumber?: string; readonly birthDate?: string };
  readonly events: readonly {
    readonly id: string;
    readonly event: Record<string, unknown> & { type: string; date: string };
  }[];
  readonly deadlines: readonly {
    readonly deadlineId: string;
    readonly due: string;
    readonly status: string;
  }[];
}

interface AssessmentData {
  readonly posture: string;
  readonly relief: readonly { id: string; status: string; reasons: readonly { text: string }[] }[];
  readonly nextSteps: readonly { id: string; deadline: string | null }[];
}

interface DeadlineChange {
  readonly id: string;
  readonly deadlineId: string;
  readonly oldDue: string | null;
  readonly newDue: string | null;
  readonly rulesVersion: string;
  readonly authority: readonly string[];
  readonly reviewed: boolean;
}

interface CaseFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

interface AuditEntry {
  readonly at: string;
  readonly action: string;
  readonly userId?: string | null;
  readonly caseId?: string;
}

/** An audit entry's action in words: "document.motion-to-reopen" reads "Prepared: Motion to reopen". */
function auditAction(t: Translator, action: string): string {
  const [family = '', what = ''] = action.split(/\.(.*)/s);
  if (family === 'document' && t.has(`doc.kind.${what}`))
    return t.t('audit.document', { name: t.t(`doc.kind.${what}`) });
  return t.has(`audit.${action}`) ? t.t(`audit.${action}`) : action;
}

const EVENT_TYPES = Object.keys(EVENT_DETAILS) as ReportableEvent[];

export function CasePage(props: { t: Translator; client: Api; base: string; caseId: string; role: string }) {
  const { t, client, base, caseId } = props;
  const path = `${base}/cases/${caseId}`;
  const [data, setData] = useState<CaseData | null>(null);
  const [assessment, setAssessment] = useState<AssessmentData | null>(null);
  const [notes, setNotes] = useState<{ id: string; body: string; createdAt: string }[]>([]);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [type, setType] = useState<ReportableEvent>('ij_decision');
  const [date, setDate] = useState('');
  const [details, setDetails] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<CaseFile[]>([]);
  const [changes, setChanges] = useState<DeadlineChange[]>([]);
  /** The event being corrected, if any: the form below then replaces it instead of adding one. */
  const [editing, setEditing] = useState<string | null>(null);

  const fail = (err: unknown) =>
    setError(
      err instanceof ApiFailure
        ? err.status === 409
          ? t.t('team.conflict')
          : err.status === 404 || err.status === 403
            ? t.t('team.not_found')
            : err.message
        : t.t('error.generic'),
    );
  const load = async () => {
    try {
      setData(await client.get<CaseData>(path));
      setAssessment(await client.get<AssessmentData>(`${path}/assessment`));
      setNotes((await client.get<{ notes: typeof notes }>(`${path}/notes`)).notes);
      setFiles((await client.get<{ files: CaseFile[] }>(`${path}/files`)).files);
      setChanges(
        (await client.get<{ changes: DeadlineChange[] }>(`${path}/deadline-changes`)).changes.filter(
          (c) => !c.reviewed,
        ),
      );
      if (props.role === 'admin') {
        const all = await client.get<{ entries?: AuditEntry[] }>(`${base}/audit`);
        setAudit((all.entries ?? []).filter((e) => e.caseId === caseId));
        const members = await client.get<{ members: { userId: string; email: string }[] }>(`${base}/members`);
        setPeople(new Map(members.members.map((m) => [m.userId, m.email])));
      }
      setError(null);
    } catch (err) {
      fail(err);
    }
  };
  useEffect(() => {
    load();
  }, [path]);

  if (error && !data)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p class="loading">{t.t('team.loading')}</p>;
  const when = new Intl.DateTimeFormat(t.lang, { dateStyle: 'medium', timeStyle: 'short' });

  const addEvent = async (e: Event) => {
    e.preventDefault();
    const event: Record<string, unknown> = { type, date };
    for (const [k, v] of Object.entries(details)) if (v && k in EVENT_DETAILS[type]) event[k] = v;
    try {
      if (editing) await client.put(`${path}/events/${editing}`, { version: data.version, event });
      else await client.post(`${path}/events`, { version: data.version, event });
      setDate('');
      setDetails({});
      setEditing(null);
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const correctEvent = (e: {
    id: string;
    event: Record<string, unknown> & { type: string; date: string };
  }) => {
    setEditing(e.id);
    setType(e.event.type as ReportableEvent);
    setDate(e.event.date);
    setDetails(
      Object.fromEntries(
        Object.keys(EVENT_DETAILS[e.event.type as ReportableEvent]).flatMap((k) =>
          typeof e.event[k] === 'string' ? [[k, e.event[k] as string]] : [],
        ),
      ),
    );
    document.getElementById('ev-date')?.focus();
  };
  const removeEvent = async (id: string) => {
    try {
      await client.delete(`${path}/events/${id}?version=${data.version}`);
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const upload = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      await client.upload(`${path}/files`, file);
      input.value = '';
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const addNote = async (e: Event) => {
    e.preventDefault();
    try {
      await client.post(`${path}/notes`, { body: note });
      setNote('');
      await load();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <article class="case">
      <h1>{data.person.name}</h1>
      <dl class="person">
        {data.person.aNumber && (
          <div>
            <dt>{t.t('team.a_number')}</dt>
            <dd>{data.person.aNumber}</dd>
          </div>
        )}
        {data.person.birthDate && (
          <div>
            <dt>{t.t('team.birth_date')}</dt>
            <dd>{t.date(data.person.birthDate)}</dd>
          </div>
        )}
      </dl>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {changes.length > 0 && (
        <section class="notice changes" aria-labelledby="changes-title">
          <h2 id="changes-title">{t.t('team.changes')}</h2>
          <p>{t.t('team.changes_lead')}</p>
          <ul>
            {changes.map((c) => (
              <li key={c.id}>
                {t.t(`deadline.${c.deadlineId}`)}: {c.oldDue ? t.date(c.oldDue) : '—'} →{' '}
                {c.newDue ? t.date(c.newDue) : '—'} <span class="law">({c.authority.join('; ')})</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button"
            onClick={async () => {
              try {
                await client.post(`${path}/deadline-changes/review`, {});
                await load();
              } catch (err) {
                fail(err);
              }
            }}
          >
            {t.t('team.changes_reviewed')}
          </button>
        </section>
      )}

      <h2>{t.t('team.deadlines')}</h2>
      <ul class="deadlines" aria-live="polite">
        {data.deadlines.map((d) => (
          <li key={`${d.deadlineId}-${d.due}`} data-deadline={d.deadlineId} class={`status-${d.status}`}>
            {t.t(`deadline.${d.deadlineId}`)} — <strong>{t.date(d.due)}</strong> ({t.t(`status.${d.status}`)})
          </li>
        ))}
      </ul>

      <h2>{t.t('team.timeline')}</h2>
      <ol class="timeline">
        {data.events.map((e) => (
          <li key={e.id}>
            {t.date(e.event.date)} —{' '}
            {t.has(`team.event.${e.event.type}`) ? t.t(`team.event.${e.event.type}`) : e.event.type}
            {typeof e.event.outcome === 'string' && ` (${t.t(`detail.outcome.${e.event.outcome}`)})`}{' '}
            {(EVENT_TYPES as readonly string[]).includes(e.event.type) && (
              <button type="button" class="button link" onClick={() => correctEvent(e)}>
                {t.t('team.correct')}
              </button>
            )}
            <button type="button" class="button link" onClick={() => removeEvent(e.id)}>
              {t.t('team.remove')}
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={addEvent} class="add-event">
        <h3>{t.t(editing ? 'team.correct_event' : 'team.add_event')}</h3>
        <div class="field">
          <label for="ev-type">{t.t('team.event_type')}</label>
          <select
            id="ev-type"
            value={type}
            onChange={(e) => {
              setType((e.target as HTMLSelectElement).value as ReportableEvent);
              setDetails({});
            }}
          >
            {EVENT_TYPES.map((x) => (
              <option value={x} key={x}>
                {t.t(`team.event.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ev-date">{t.t('team.event_date')}</label>
          <input
            id="ev-date"
            type="date"
            required
            value={date}
            onInput={(e) => setDate((e.target as HTMLInputElement).value)}
          />
        </div>
        {Object.entries(EVENT_DETAILS[type]).map(([name, kind]) => (
          <div class="field" key={name}>
            <label for={`ev-${name}`}>{t.t(`detail.${name}`)}</label>
            {kind === 'date' ? (
              <input
                id={`ev-${name}`}
                type="date"
                value={details[name] ?? ''}
                onInput={(e) => setDetails({ ...details, [name]: (e.target as HTMLInputElement).value })}
              />
            ) : (
              <select
                id={`ev-${name}`}
                value={details[name] ?? ''}
                onChange={(e) => setDetails({ ...details, [name]: (e.target as HTMLSelectElement).value })}
              >
                <option value="">—</option>
                {kind.map((v) => (
                  <option value={v} key={v}>
                    {t.t(`detail.${name}.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
        <button type="submit" class="button primary">
          {t.t(editing ? 'team.save_correction' : 'team.add')}
        </button>
        {editing && (
          <button
            type="button"
            class="button link"
            onClick={() => {
              setEditing(null);
              setDate('');
              setDetails({});
            }}
          >
            {t.t('team.cancel')}
          </button>
        )}
      </form>

      {assessment && (
        <>
          <h2>{t.t('team.assessment')}</h2>
          <p>{t.t(`posture.${assessment.posture}`)}</p>
          <ul class="relief">
            {assessment.relief.map((r) => (
              <li key={r.id}>
                <strong>{t.t(`relief.${r.id}.name`)}</strong>: {t.t(`results.status.${r.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t.t('team.files')}</h2>
      <ul class="files">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/api/v1${path}/files/${f.id}`} download={f.name}>
              {f.name}
            </a>{' '}
            <span class="small">({t.t('team.file_size', { kb: Math.ceil(f.size / 1024) })})</span>
          </li>
        ))}
      </ul>
      <div class="field">
        <label for="case-file">{t.t('team.add_file')}</label>
        <input id="case-file" type="file" accept="application/pdf,image/png,image/jpeg" onChange={upload} />
      </div>

      {props.role !== 'client' && <DocumentsPanel t={t} client={client} path={path} files={files} />}

      <h2>{t.t('team.notes')}</h2>
      <ul>
        {notes.map((n) => (
          <li key={n.id}>{n.body}</li>
        ))}
      </ul>
      <form onSubmit={addNote}>
        <label for="note" class="visually-hidden">
          {t.t('team.add_note')}
        </label>
        <textarea
          id="note"
          value={note}
          required
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
        <button type="submit" class="button">
          {t.t('team.add_note')}
        </button>
      </form>

      {audit && (
        <>
          <h2>{t.t('team.audit')}</h2>
          <ul class="audit small">
            {audit.map((a, i) => (
              <li key={i}>
                <time dateTime={a.at}>{when.format(new Date(a.at))}</time> —{' '}
                {(a.userId && people.get(a.userId)) ?? t.t('audit.system')} — {auditAction(t, a.action)}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
