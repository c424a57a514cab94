/**
 * Background jobs of a server process: deadline reminders every 15 minutes and the bulk
 * recomputation of deadlines after a rules version change.
 *
 * - On PostgreSQL (`DATABASE_URL`) every server process runs a graphile-worker: its crontab queues
 *   `send_reminders` every 15 minutes and each process queues `send_reminders` and
 *   `recompute_deadlines` once at start, under job keys, so two processes starting together queue
 *   each job once; graphile-worker hands a job to one worker only. The `reminders_sent` claim stays
 *   the guard that each e-mail goes out once, whatever runs the job.
 * - On the embedded database (PGlite) there is one process by construction (the data directory's
 *   lock) and graphile-worker cannot connect (it needs a `pg` pool over a socket; PGlite has none),
 *   so an in-process timer sends reminders, and `openRuntime` recomputes at start.
 *
 * A task that fails logs its error through the redacting logger and gives graphile-worker a
 * constant message, so the job table's `last_error` never quotes personal data.
 */
import { Logger, parseCronItems, run, runMigrations, type TaskList } from 'graphile-worker';
import type { ServerConfig } from './config.ts';
import type { Runtime } from './runtime.ts';

export const REMINDER_MINUTES = 15;

export interface Jobs {
  /** `graphile-worker` on PostgreSQL, `timer` on the embedded database. */
  readonly kind: 'graphile-worker' | 'timer';
  stop(): Promise<void>;
}

/** What graphile-worker may write: warnings and errors, as a field (its messages are not ours). */
export interface JobLog {
  warn(detail: string): void;
}

export interface JobOptions {
  readonly logError: (err: unknown) => void;
  readonly log?: JobLog;
}

export function workerLogger(log?: JobLog): Logger {
  return new Logger(() => (level, message) => {
    const l = String(level);
    if (log && (l === 'error' || l === 'warning')) log.warn(message);
  });
}

/** Creates or upgrades graphile-worker's own schema (`graphile_worker`); safe with many processes. */
export async function migrateJobQueue(databaseUrl: string, log?: JobLog): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: workerLogger(log), maxPoolSize: 2 });
}

function guarded(name: string, logError: (err: unknown) => void, fn: () => Promise<unknown>) {
  return async () => {
    try {
      await fn();
    } catch (err) {
      logError(err);
      throw new Error(`${name} failed: the server log has the error's kind and stack`);
    }
  };
}

export async function startJobs(runtime: Runtime, config: ServerConfig, options: JobOptions): Promise<Jobs> {
  const reminders = runtime.reminders;
  const sendReminders = guarded('send_reminders', options.logError, async () => reminders?.runOnce());
  const recompute = guarded('recompute_deadlines', options.logError, () => runtime.cases.recomputeAll());

  if (runtime.databaseKind === 'pglite' || !config.DATABASE_URL) {
    // One process: a timer is enough. A failure is logged and retried at the next tick.
    const tick = () => void sendReminders().catch(() => {});
    if (reminders) tick();
    const timer = reminders ? setInterval(tick, REMINDER_MINUTES * 60_000) : undefined;
    timer?.unref();
    return { kind: 'timer', stop: async () => clearInterval(timer) };
  }

  const taskList: TaskList = { recompute_deadlines: recompute };
  if (reminders) taskList.send_reminders = sendReminders;
  const runner = await run({
    connectionString: config.DATABASE_URL,
    maxPoolSize: 4,
    concurrency: 2,
    noHandleSignals: true,
    logger: workerLogger(options.log),
    taskList,
    parsedCronItems: reminders
      ? parseCronItems([
          {
            task: 'send_reminders',
            match: `*/${REMINDER_MINUTES} * * * *`,
            identifier: 'send_reminders',
            // A missed run is not replayed: the next one sends whatever is still due.
            options: { backfillPeriod: 0, maxAttempts: 1, jobKey: 'send_reminders' },
          },
        ])
      : [],
  });
  try {
    // Job keys: a second process starting at the same time replaces the queued job instead of
    // adding another. Recomputations also run one at a time (a named queue), so two never record
    // the same change twice; reminders need no queue: the reminders_sent claim makes two runs safe,
    // and a queue left locked by a killed process would hold them back for hours.
    await runner.addJob(
      'recompute_deadlines',
      {},
      { jobKey: 'recompute_deadlines', queueName: 'recompute', maxAttempts: 5, priority: -1 },
    );
    if (reminders) {
      await runner.addJob('send_reminders', {}, { jobKey: 'send_reminders', maxAttempts: 1 });
    }
  } catch (err) {
    await runner.stop();
    throw err;
  }
  return { kind: 'graphile-worker', stop: () => runner.stop() };
}
