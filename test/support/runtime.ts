/**
 * The server's runtime in-process on a fresh database (PGlite or the run's PostgreSQL), with one
 * organisation and a signed-in admin per name given: what the API tests start from.
 */
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { type DatabaseKind, freshDatabase } from './databases.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** A browser session: the cookie to send and the CSRF token writes need. */
export interface AdminSession {
  readonly cookie: string;
  readonly csrf: string;
}

export interface RuntimeWithOrgs {
  readonly rt: Runtime;
  /** Each organisation's id, by the name given (its admin is `admin@<name>.test`). */
  readonly orgs: Record<string, string>;
  readonly sessions: Record<string, AdminSession>;
  close(): Promise<void>;
}

export async function runtimeWithOrgs(
  kind: DatabaseKind,
  names: readonly string[],
  options: { today: string; settings?: Record<string, string> },
): Promise<RuntimeWithOrgs> {
  const fresh = await freshDatabase(kind);
  const rt = await openRuntime(
    readConfig({
      DATA_DIR: fresh.options.dataDir,
      ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
      ...options.settings,
    }),
    { env: {}, today: () => options.today },
  );
  const orgs: Record<string, string> = {};
  const sessions: Record<string, AdminSession> = {};
  for (const name of names) {
    const email = `admin@${name}.test`;
    orgs[name] = (
      await rt.accounts.createOrganisation({
        name: `Org ${name}`,
        adminEmail: email,
        adminPassword: ADMIN_PASSWORD,
      })
    ).orgId;
    const res = await rt.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: ADMIN_PASSWORD }),
    });
    sessions[name] = {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  }
  return {
    rt,
    orgs,
    sessions,
    close: async () => {
      await rt.close();
      await fresh.remove();
    },
  };
}
