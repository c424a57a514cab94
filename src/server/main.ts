/**
 * `npm start`: the case-tracker server on http://localhost:3000 with the embedded database in
 * ./data (PORT, DATA_DIR and DATABASE_URL override them).
 */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { readConfig } from './config.ts';
import { startJobs } from './jobs.ts';
import { openRuntime } from './runtime.ts';
import { createLogger } from './security/logger.ts';

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const config = readConfig(env);
  // The redacting logger writes an error's kind and stack frames only, never its message or input.
  const logger = createLogger({ destination: pino.destination(2) });
  const logError = (err: unknown) =>
    logger.error(err instanceof Error ? err : { value: String(typeof err) }, 'unexpected error');
  const where = config.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${config.DATA_DIR}`;
  process.stdout.write(`Starting Refugio with ${where}...\n`);
  const runtime = await openRuntime(config, { env, logError });
  const firstRun = !(await runtime.accounts.hasOrganisations());
  const server = serve({
    fetch: runtime.app.fetch,
    port: config.PORT,
    hostname: config.HOST,
    serverOptions: {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: 5_000,
      // Node checks the two timeouts above this often; its default (30 s) lets a slow client linger.
      connectionsCheckingInterval: Math.min(1_000, config.HTTP_HEADERS_TIMEOUT_MS),
    },
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const lines = [`Refugio is running at http://${config.HOST}:${port}`];
  if (firstRun) {
    lines.push(
      'No organisation yet. To create the first one and its admin:',
      ...(config.DATABASE_URL
        ? []
        : ['  stop the server (Ctrl+C): the embedded database allows one process at a time, then']),
      '  echo "a long password" | npx refugio admin create-org --name "Your organisation" --admin-email you@example.org',
      ...(config.DATABASE_URL ? [] : ['  and run npm start again.']),
    );
  }
  lines.push(
    runtime.reminders
      ? `Deadline reminders by e-mail: on, ${config.REMINDER_LEAD_DAYS.join(', ')} days before each deadline.`
      : 'Deadline reminders by e-mail: off (set SMTP_URL to turn them on).',
    'Legal information, not legal advice.',
    '',
  );
  process.stdout.write(lines.join('\n'));
  // Reminders at start and every 15 minutes; recomputation after a rules change (see jobs.ts).
  let jobs: Awaited<ReturnType<typeof startJobs>>;
  try {
    jobs = await startJobs(runtime, config, {
      logError,
      log: { warn: (detail) => logger.warn({ component: 'jobs', detail }, 'job queue') },
    });
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
    throw err;
  }
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await jobs.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
  };
  return stop;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/main.ts')) {
  startServer()
    .then((stop) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    })
    .catch((err: Error) => {
      process.stderr.write(`Refugio could not start: ${err.message}\n`);
      process.exit(1);
    });
}
