/**
 * Child processes for the benchmarks (each measurement in its own process, so one's memory does
 * not show in another's RSS) and CPU accounting of a local PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

export const ROOT = join(import.meta.dirname, '../..');

/** Runs a TypeScript file under tsx with stdio shared; resolves with the JSON it wrote to `outEnv`. */
export async function runTsChild<T>(file: string, env: NodeJS.ProcessEnv, outEnv: string): Promise<T> {
  const out = join(tmpdir(), `refugio-bench-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, ...env, [outEnv]: out },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  try {
    if (code !== 0) throw new Error(`${file} exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(out, { force: true });
  }
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

function cpuOf(pid: number): { ppid: number; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by a local PostgreSQL server (its postmaster and every child), found from
 * a connection's backend; undefined when the server is not on this machine (or not Linux).
 */
export async function postgresCpuMeter(db: Kysely<Database>): Promise<(() => number) | undefined> {
  if (process.platform !== 'linux') return undefined;
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  const backend = cpuOf(Number(rows[0]?.pid));
  if (!backend) return undefined;
  const postmaster = backend.ppid;
  return () => {
    let total = cpuOf(postmaster)?.seconds ?? 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const p = cpuOf(Number(entry));
      if (p?.ppid === postmaster) total += p.seconds;
    }
    return total;
  };
}

/** CPU seconds this process has used (user + system). */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
