/** Real server processes for tests: `src/server/main.ts` through tsx, on a free port. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DatabaseKind } from '../support/databases.ts';

export const ROOT = join(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote so far (standard output and error). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(0);
      reject(new Error(`server did not start: ${out}`));
    }, 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out, stop });
      }
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

export const ADMIN_EMAIL = 'admin@example.org';
export const ADMIN_PASSWORD = 'a long enough password';

/** `npx refugio admin create-org` against the database `env` names, as a newcomer would run it. */
export function createOrgWithAdmin(env: NodeJS.ProcessEnv): void {
  const created = spawnSync(
    process.execPath,
    ['bin/refugio.js', 'admin', 'create-org', '--name', 'Legal Aid', '--admin-email', ADMIN_EMAIL],
    { cwd: ROOT, env, input: `${ADMIN_PASSWORD}\n`, encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`create-org failed: ${created.stderr}`);
}

/** A fresh database with one organisation and its admin, and the environment that points a server at it. */
export interface OrgDatabase {
  /** process.env with DATA_DIR and DATABASE_URL for this database (and any variables given). */
  readonly env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** A fresh database of `kind`, bootstrapped with `createOrgWithAdmin`; `extraEnv` is added to its environment. */
export async function freshOrgDatabase(
  kind: DatabaseKind,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<OrgDatabase> {
  // Loaded here: the API bench starts servers through this file and has databases of its own.
  const { freshDatabase } = await import('../support/databases.ts');
  const fresh = await freshDatabase(kind);
  const env = {
    ...process.env,
    DATA_DIR: fresh.options.dataDir,
    DATABASE_URL: fresh.options.databaseUrl ?? '',
    ...extraEnv,
  };
  try {
    createOrgWithAdmin(env);
  } catch (err) {
    await fresh.remove();
    throw err;
  }
  return { env, remove: () => fresh.remove() };
}

export interface OrgServer extends ServerProcess {
  /** Stops the process at once if it still runs, and removes its database. */
  close(): Promise<void>;
}

/** A server process on a fresh PGlite database with one organisation and its admin (`signIn` signs in as it). */
export async function startOrgServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<OrgServer> {
  const database = await freshOrgDatabase('pglite', extraEnv);
  let server: ServerProcess;
  try {
    server = await startServerProcess(database.env);
  } catch (err) {
    await database.remove();
    throw err;
  }
  return {
    ...server,
    close: async () => {
      await server.stop(0);
      await database.remove();
    },
  };
}

export interface Session {
  /** Cookie, CSRF token and JSON content type: what a browser session sends. */
  readonly headers: Record<string, string>;
  readonly orgId: string;
}

export async function signIn(url: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  const body = (await res.json()) as { csrfToken: string; memberships: { orgId: string }[] };
  return {
    headers: {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': body.csrfToken,
      'content-type': 'application/json',
    },
    orgId: body.memberships[0]!.orgId,
  };
}
