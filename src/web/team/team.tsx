/**
 * The legal team's workspace, loaded only when someone opens it: sign in, the caseload, the
 * deadlines dashboard, a case (details, timeline, assessment, notes, audit trail), settings and
 * import. Everything goes through the HTTP API (/api/v1) with the session cookie and CSRF token.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../i18n.ts';
import { type Api, ApiFailure, api, type Membership } from './api.ts';
import { CasePage } from './case-page.tsx';

const CSRF_KEY = 'refugio.csrf';

export function TeamApp({ t, route }: { t: Translator; route: string }) {
  const [me, setMe] = useState<{ email: string; memberships: Membership[] } | null | undefined>(undefined);
  const [client, setClient] = useState<Api>(() => api(sessionStorage.getItem(CSRF_KEY) ?? ''));
  const [orgId, setOrgId] = useState<string | null>(null);

  useEffect(() => {
    client
      .get<{ email: string; memberships: Membership[] }>('/me')
      .then((m) => {
        setMe(m);
        setOrgId((o) => o ?? m.memberships[0]?.orgId ?? null);
      })
      .catch(() => setMe(null));
  }, [client]);

  if (me === undefined) return <p class="loading">{t.t('team.loading')}</p>;
  if (me === null)
    return (
      <Login
        t={t}
        onIn={(csrf) => {
          sessionStorage.setItem(CSRF_KEY, csrf);
          setClient(api(csrf));
        }}
      />
    );
  const membership = me.memberships.find((m) => m.orgId === orgId) ?? me.memberships[0];
  if (!membership) return <p>{t.t('team.not_found')}</p>;
  const [section = '', id = ''] = route.split('/');
  const signOut = async () => {
    await client.post('/auth/logout', {}).catch(() => undefined);
    sessionStorage.removeItem(CSRF_KEY);
    setMe(null);
  };
  const base = `/orgs/${membership.orgId}`;
  return (
    <div class="team">
      <nav class="team-nav" aria-label={t.t('team.title')}>
        <a href="#/team/cases" aria-current={section === 'cases' || section === '' ? 'page' : undefined}>
          {t.t('team.caseload')}
        </a>
        <a href="#/team/deadlines" aria-current={section === 'deadlines' ? 'page' : undefined}>
          {t.t('team.dashboard')}
        </a>
        <a href="#/team/settings" aria-current={section === 'settings' ? 'page' : undefined}>
          {t.t('team.settings')}
        </a>
        {me.memberships.length > 1 && (
          <label>
            <span class="visually-hidden">{t.t('team.org')}</span>
            <select
              value={membership.orgId}
              onChange={(e) => setOrgId((e.target as HTMLSelectElement).value)}
            >
              {me.memberships.map((m) => (
                <option value={m.orgId} key={m.orgId}>
                  {m.orgName}
                </option>
              ))}
            </select>
          </label>
        )}
        <span class="who">{membership.orgName}</span>
        <button type="button" class="button link" onClick={signOut}>
          {t.t('team.signout')}
        </button>
      </nav>
      {section === 'case' ? (
        <CasePage t={t} client={client} base={base} caseId={id} role={membership.role} />
      ) : section === 'deadlines' ? (
        <Dashboard t={t} client={client} base={base} />
      ) : section === 'settings' ? (
        <Settings t={t} client={client} base={base} role={membership.role} />
      ) : (
        <Caseload t={t} client={client} base={base} />
      )}
    </div>
  );
}

function Login({ t, onIn }: { t: Translator; onIn: (csrf: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await api('').post<{ csrfToken: string }>('/auth/login', { email, password });
      onIn(r.csrfToken);
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 429 ? t.t('team.too_many') : t.t('team.bad_login'),
      );
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>{t.t('team.signin')}</h1>
      <div class="field">
        <label for="email">{t.t('team.email')}</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="password">{t.t('team.password')}</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button primary">
        {t.t('team.signin')}
      </button>
    </form>
  );
}

interface CaseRow {
  readonly id: string;
  readonly person: { readonly name: string; readonly aNumber?: string };
  readonly status: string;
}

function Caseload({ t, client, base }: { t: Translator; client: Api; base: string }) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<{ total: number; cases: CaseRow[] } | null>(null);
  const [name, setName] = useState('');
  const [aNumber, setANumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = (query: string) =>
    client
      .get<{ total: number; cases: CaseRow[] }>(
        `${base}/cases?${new URLSearchParams(query ? { q: query } : {})}`,
      )
      .then(setRows)
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : t.t('error.generic')));
  useEffect(() => {
    load('');
  }, [base]);
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const c = await client.post<{ id: string }>(`${base}/cases`, {
        person: { name, ...(aNumber ? { aNumber } : {}) },
      });
      location.hash = `/team/case/${c.id}`;
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : t.t('error.generic'));
    }
  };
  return (
    <section>
      <h1>{t.t('team.caseload')}</h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          load(q);
        }}
      >
        <label for="case-search">{t.t('team.search')}</label>
        <input
          id="case-search"
          type="search"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t.t('learn.search')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.cases.length === 0 && <p>{t.t('team.no_cases')}</p>}
      <ul class="cases">
        {rows?.cases.map((c) => (
          <li key={c.id}>
            <a href={`#/team/case/${c.id}`}>{c.person.name}</a>{' '}
            {c.person.aNumber && <span>{c.person.aNumber}</span>}
          </li>
        ))}
      </ul>
      <h2>{t.t('team.new_case')}</h2>
      <form onSubmit={create}>
        <div class="field">
          <label for="new-name">{t.t('team.name')}</label>
          <input
            id="new-name"
            required
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="new-a">{t.t('team.a_number')}</label>
          <input
            id="new-a"
            value={aNumber}
            onInput={(e) => setANumber((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button primary">
          {t.t('team.create')}
        </button>
      </form>
      <Import t={t} client={client} base={base} />
    </section>
  );
}

function Import({ t, client, base }: { t: Translator; client: Api; base: string }) {
  const [pass, setPass] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    try {
      const bundle = JSON.parse(await file.text()) as unknown;
      const c = await client.post<{ id: string }>(`${base}/cases/import`, { bundle, passphrase: pass });
      setMessage(t.t('team.imported'));
      location.hash = `/team/case/${c.id}`;
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : t.t('error.generic'));
    }
  };
  return (
    <form onSubmit={submit}>
      <h2>{t.t('team.import')}</h2>
      <div class="field">
        <label for="import-file">{t.t('team.import_file')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
        />
      </div>
      <div class="field">
        <label for="import-pass">{t.t('team.import_passphrase')}</label>
        <input
          id="import-pass"
          type="password"
          value={pass}
          onInput={(e) => setPass((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="button">
        {t.t('team.import')}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

interface DashboardRow {
  readonly caseId: string;
  readonly deadlineId: string;
  readonly due: string;
  readonly personName: string;
  readonly overdue: boolean;
  readonly daysLeft: number;
}

function Dashboard({ t, client, base }: { t: Translator; client: Api; base: string }) {
  const [rows, setRows] = useState<DashboardRow[] | null>(null);
  const [toReview, setToReview] = useState<string[]>([]);
  useEffect(() => {
    client
      .get<{ deadlines: DashboardRow[] }>(`${base}/deadlines?within=30d`)
      .then((r) => setRows(r.deadlines));
    client
      .get<{ changes: { caseId: string; reviewed: boolean }[] }>(`${base}/deadline-changes`)
      .then((r) => setToReview([...new Set(r.changes.filter((c) => !c.reviewed).map((c) => c.caseId))]))
      .catch(() => setToReview([]));
  }, [base]);
  if (!rows) return <p class="loading">{t.t('team.loading')}</p>;
  const groups: [string, DashboardRow[]][] = [
    ['team.overdue', rows.filter((r) => r.overdue)],
    ['team.this_week', rows.filter((r) => !r.overdue && r.daysLeft <= 7)],
    ['team.this_month', rows.filter((r) => !r.overdue && r.daysLeft > 7)],
  ];
  return (
    <section class="dashboard">
      <h1>{t.t('team.dashboard')}</h1>
      {toReview.length > 0 && (
        <div class="notice">
          <p>{t.t('team.changes_cases', { n: toReview.length })}</p>
          <ul>
            {toReview.map((id, i) => (
              <li key={id}>
                <a href={`#/team/case/${id}`}>
                  {t.t('team.case')} {i + 1}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {rows.length === 0 && <p>{t.t('team.no_deadlines')}</p>}
      {groups.map(([key, list]) =>
        list.length ? (
          <div key={key}>
            <h2>{t.t(key)}</h2>
            <ul>
              {list.map((r) => (
                <li key={`${r.caseId}-${r.deadlineId}-${r.due}`} data-deadline={r.deadlineId}>
                  <a href={`#/team/case/${r.caseId}`}>{r.personName}</a> — {t.t(`deadline.${r.deadlineId}`)} —{' '}
                  <strong>{t.date(r.due)}</strong> (
                  {t.t(r.overdue ? 'results.days_ago' : 'results.days_left', { days: Math.abs(r.daysLeft) })})
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}

interface Member {
  readonly userId: string;
  readonly email: string;
  readonly role: string;
}

const STAFF_ROLES = ['admin', 'attorney', 'staff'] as const;

function Settings({ t, client, base, role }: { t: Translator; client: Api; base: string; role: string }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [newRole, setNewRole] = useState<string>('staff');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () => client.get<{ members: Member[] }>(`${base}/members`).then((r) => setMembers(r.members));
  useEffect(() => {
    if (role === 'admin') load();
  }, [base, role]);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setMessage({ ok: true, text: t.t('team.saved') });
      await load();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? err.message : t.t('error.generic') });
    }
  };
  const invite = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      await client.post(`${base}/members`, { email, role: newRole, password });
      setEmail('');
      setPassword('');
    });
  };
  const createFeed = async () => {
    const r = await client.post<{ url: string }>(`${base}/calendar-feed`, {});
    setFeed(new URL(r.url, location.origin).href);
  };
  return (
    <section>
      <h1>{t.t('team.settings')}</h1>
      {members && (
        <>
          <h2>{t.t('team.members')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t('team.email')}</th>
                <th scope="col">{t.t('team.role')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.t('team.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <td>{m.email}</td>
                  <td>
                    {m.role === 'client' ? (
                      t.t('team.role.client')
                    ) : (
                      <select
                        aria-label={`${t.t('team.role')}: ${m.email}`}
                        value={m.role}
                        onChange={(e) =>
                          act(() =>
                            client.patch(`${base}/members/${m.userId}`, {
                              role: (e.target as HTMLSelectElement).value,
                            }),
                          )
                        }
                      >
                        {STAFF_ROLES.map((r) => (
                          <option value={r} key={r}>
                            {t.t(`team.role.${r}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button link"
                      onClick={() => act(() => client.delete(`${base}/members/${m.userId}`))}
                    >
                      {t.t('team.remove')}
                      <span class="visually-hidden"> {m.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form onSubmit={invite}>
            <h3>{t.t('team.invite')}</h3>
            <div class="field">
              <label for="inv-email">{t.t('team.email')}</label>
              <input
                id="inv-email"
                type="email"
                required
                value={email}
                onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="inv-role">{t.t('team.role')}</label>
              <select
                id="inv-role"
                value={newRole}
                onChange={(e) => setNewRole((e.target as HTMLSelectElement).value)}
              >
                {STAFF_ROLES.map((r) => (
                  <option value={r} key={r}>
                    {t.t(`team.role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="inv-pass">{t.t('team.first_password')}</label>
              <input
                id="inv-pass"
                type="password"
                autocomplete="new-password"
                minLength={12}
                required
                value={password}
                onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              />
            </div>
            <button type="submit" class="button primary">
              {t.t('team.invite')}
            </button>
          </form>
          {message && (
            <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
        </>
      )}
      <h2>{t.t('team.feed')}</h2>
      <p>{t.t('team.feed_help')}</p>
      <button type="button" class="button" onClick={createFeed}>
        {t.t('team.feed_create')}
      </button>
      {feed && (
        <p>
          <code>{feed}</code>
        </p>
      )}
    </section>
  );
}
