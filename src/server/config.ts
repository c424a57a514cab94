/** The server's settings, read once from the environment and validated (zod). */
import * as z from 'zod';

const settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  // An empty value means "not set", as a shell's `DATABASE_URL=` does.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
      .optional(),
  ),
  /** SMTP server for deadline reminders; without it no reminder is sent (and start-up says so). */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.string().default('Refugio <no-reply@localhost>'),
  /** Days before a deadline when reminders go out. */
  REMINDER_LEAD_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'comma-separated numbers of days, such as 14,7,3,1')
    .default('14,7,3,1')
    .transform((v) => [...new Set(v.split(',').map(Number))]),
  /** The time zone whose calendar date is "today" for deadline status. */
  REFUGIO_TIME_ZONE: z.string().default('America/New_York'),
  /**
   * How long a client may take to send a request's headers, and the whole request. A client that
   * trickles bytes (slowloris) is cut off then instead of holding a connection for ever.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Expensive requests (assessments, documents, exports, imports, uploads) per person a minute. */
  EXPENSIVE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Set when a TLS-terminating proxy is in front: secure cookies and HSTS. */
  REFUGIO_TLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type ServerConfig = z.infer<typeof settings>;

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const r = settings.safeParse(env);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid settings: ${problems}`);
  }
  return r.data;
}

/** Today's calendar date in a time zone, as YYYY-MM-DD (the one place the server reads the clock). */
export function todayIn(timeZone: string): () => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return () => format.format(new Date());
}
