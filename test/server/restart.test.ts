/**
 * The real server process: `npm start`'s entry point on a free port, bootstrapped with the admin
 * CLI, killed with SIGKILL after writing, restarted: everything it acknowledged is still there.
 * With the embedded database a second server on the same data directory is refused.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

const ROOT = join(import.meta.dirname, '../..');
const PASSWORD = 'a long enough password';

function env(options: { dataDir: string; databaseUrl?: string | undefined }) {
  return {
    ...process.env,
    PORT: '0',
    DATA_DIR: options.dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
  };
}

function startServer(e: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: e,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function login(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
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

for (const kind of databaseKinds) {
  describe(`server process (${kind})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    }, 60_000);

    it('keeps every acknowledged write across a SIGKILL and a restart', async () => {
      const fresh = await freshDatabase(kind);
      cleanups.push(() => fresh.remove());
      const e = env(fresh.options);
      const created = spawnSync(
        process.execPath,
        [
          'bin/refugio.js',
          'admin',
          'create-org',
          '--name',
          'Legal Aid',
          '--admin-email',
          'admin@example.org',
          '--format',
          'json',
        ],
        {
          cwd: ROOT,
          env: e,
          input: `${PASSWORD}\n`,
          encoding: 'utf8',
        },
      );
      expect(created.status, created.stderr).toBe(0);

      let server = await startServer(e);
      cleanups.push(() => killHard(server.child));
      expect((await (await fetch(`${server.url}/api/health`)).json()) as unknown).toEqual({ status: 'ok' });
      let session = await login(server.url);
      const written: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${server.url}/api/v1/orgs/${session.orgId}/cases`, {
          method: 'POST',
          headers: session.headers,
          body: JSON.stringify({ person: { name: `Person ${i}` } }),
        });
        expect(res.status).toBe(201);
        written.push(((await res.json()) as { id: string }).id);
      }

      if (kind === 'pglite') {
        const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
          cwd: ROOT,
          env: e,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(second.status).not.toBe(0);
        expect(second.stderr).toMatch(/Another Refugio process is using the data directory/);
      }

      await killHard(server.child);
      server = await startServer(e);
      session = await login(server.url);
      const list = (await (
        await fetch(`${server.url}/api/v1/orgs/${session.orgId}/cases?pageSize=100`, {
          headers: session.headers,
        })
      ).json()) as {
        cases: { id: string; person: { name: string } }[];
      };
      expect(list.cases.map((c) => c.id).sort()).toEqual([...written].sort());
      await killHard(server.child);
    }, 180_000);
  });
}
