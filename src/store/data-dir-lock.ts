/**
 * An exclusive lock on a data directory, held by one process at a time.
 *
 * PGlite has no lock of its own: two processes on one data directory each keep their own copy of
 * the database in memory and silently lose each other's writes (measured: see STACK.md). So the
 * embedded database is opened only under this lock: a file created with O_EXCL that holds the
 * owner's pid. A lock whose pid is no longer running was left by a crash and is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    /** The holder's pid, when the lock file says. */
    readonly pid: number | undefined,
  ) {
    // One wording for every case, so the message can be matched: "Another Refugio process is using".
    const who =
      pid === process.pid
        ? `it is this very process (pid ${pid}), which has it open already: close that first`
        : `${pid === undefined ? 'a process' : `pid ${pid}`} holds ${lockPath}. Stop it first or use another ` +
          'data directory; if no Refugio process is running, delete that lock file';
    super(`Another Refugio process is using the data directory ${dirname(lockPath)}: ${who}.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** Lock files this process holds, released when it exits however it exits normally. */
const held = new Set<string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const path of held) removeIfOurs(path);
  held.clear();
}

/**
 * A lock file older than this with no readable pid is taken to be left by a crash between
 * creating the file and writing the pid; a younger one may be a process that is doing exactly that.
 */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export function acquireDataDirLock(lockPath: string): DataDirLock {
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(lockPath);
      if (owner === 'gone') continue;
      if (owner !== 'unreadable' && isHeldByLiveProcess(lockPath, owner)) {
        throw new DataDirLockedError(lockPath, owner);
      }
      if (owner === 'unreadable' && ageMs(lockPath) < UNREADABLE_LOCK_GRACE_MS) {
        throw new DataDirLockedError(lockPath, undefined);
      }
      // Stale: its owner is gone. (Two processes taking over the same stale lock in the same
      // instant could both unlink it; that needs a crash and two starts within microseconds.)
      try {
        unlinkSync(lockPath);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    held.add(lockPath);
    if (!exitHookInstalled) {
      process.on('exit', releaseAllOnExit);
      exitHookInstalled = true;
    }
    return {
      path: lockPath,
      release() {
        if (!held.delete(lockPath)) return;
        removeIfOurs(lockPath);
      },
    };
  }
  throw new Error(`Could not take the lock ${lockPath}: it kept changing hands`);
}

function readOwner(lockPath: string): number | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : 'unreadable';
}

function isHeldByLiveProcess(lockPath: string, pid: number): boolean {
  // Our own pid in a lock this process does not hold: a previous process that had the same pid
  // (common in containers, where the server is often pid 1) crashed and left it.
  if (pid === process.pid) return held.has(lockPath);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function removeIfOurs(lockPath: string): void {
  try {
    if (readOwner(lockPath) === process.pid) unlinkSync(lockPath);
  } catch {
    // Already gone, or the directory was removed: nothing to release.
  }
}
