/**
 * The HTTP API: each handler validates its input (zod), calls the tracker or the law core, and
 * responds. Versioned under /api/v1; errors in one shape; an organisation's data is reachable
 * only through a membership in that organisation.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type * as z from 'zod';
import { caseEvent } from '../core/facts/case-facts.ts';
import { parseCaseFacts } from '../core/index.ts';
import { assessmentJson } from '../render/assessment-json.ts';
import { renderCalendar } from '../render/ics.ts';
import { renderStep } from '../render/messages.ts';
import { type AccountService, type Principal, SESSION_DAYS } from '../tracker/account-service.ts';
import type { Actor, CaseService } from '../tracker/case-service.ts';
import { ApiError, errorBody, toResponse, zodDetails } from './errors.ts';
import { ALLOWED_FILE_TYPES, isAllowedFileType, looksLike, MAX_FILE_BYTES } from './file-types.ts';
import { openApiDocument } from './openapi.ts';
import { RateLimiter } from './rate-limit.ts';
import * as S from './schemas.ts';
import { hasWebApp, serveWebApp, type WebFiles } from './web-files.ts';

export const SESSION_COOKIE = 'refugio_session';
/** Endpoints whose work is heavy (the law core, encryption of a whole case, files, documents). */
const EXPENSIVE = /\/cases\/(?:import|[^/]+\/(?:assessment|export|files|documents)(?:\/[^/]+)?)$/;
const MAX_BODY_BYTES = 256 * 1024;
/** An exported case with its files, the largest body any route takes. */
const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface AppDeps {
  readonly accounts: AccountService;
  readonly cases: CaseService;
  /** Logs an unexpected error without its message or any request data. */
  readonly logError: (err: unknown) => void;
  /** Whether the server is reached over TLS (secure cookies, HSTS). */
  readonly secure: boolean;
  /** Today's calendar date where the organisation works. */
  readonly today: () => string;
  readonly isReady?: () => boolean;
  /** The built web app to serve at / (see web-files.ts); the API alone without it. */
  readonly web?: WebFiles;
  /** Login attempts allowed per email and address in a 15-minute window. */
  readonly loginLimit?: number;
  /** Expensive requests (assessments, documents, exports, imports, uploads) per person a minute. */
  readonly expensivePerMinute?: number;
}

type Env = { Variables: { principal: Principal } };

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'invalid_input', 'The request is not valid', zodDetails(r.error));
  return r.data;
}

async function body(c: Context, limit = MAX_BODY_BYTES): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > limit) throw new ApiError(413, 'too_large', 'The request body is too large');
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json'))
    throw new ApiError(415, 'unsupported_media_type', 'Send JSON (application/json)');
  const text = await c.req.text();
  if (text.length > limit) throw new ApiError(413, 'too_large', 'The request body is too large');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON');
  }
}

/** A file to download, never cached; `filename` is the disposition's parameter as the caller writes it. */
function attachment(c: Context, bytes: Uint8Array, contentType: string, filename: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; ${filename}`,
    'cache-control': 'no-store',
  });
}

function checkEvent(raw: unknown) {
  const r = caseEvent.safeParse(raw);
  if (r.success) return r.data as unknown as Record<string, unknown> & { type: string; date: string };
  // Reuse the core's wording of the first problem, prefixed with where it is in the body.
  try {
    parseCaseFacts({ asOf: '2100-12-31', events: [raw] });
  } catch (err) {
    const e = err as { message: string; path: (string | number)[] };
    throw new ApiError(400, 'invalid_event', e.message.replace(/^events\.0\.?/, 'event.'), {
      path: ['event', ...e.path.slice(2)].join('.'),
    });
  }
  throw new ApiError(400, 'invalid_event', 'The event is not valid');
}

export function createApp(deps: AppDeps) {
  const app = new Hono<Env>();
  const loginLimit = deps.loginLimit ?? 10;
  const expensive = new RateLimiter(deps.expensivePerMinute ?? 120);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      strictTransportSecurity: deps.secure ? 'max-age=31536000; includeSubDomains' : false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.onError((err, c) => toResponse(c, err, deps.logError));
  // A ceiling for every body, counted as it streams in, so a client that sends no length (or a
  // false one) cannot make the server hold more than the largest request any route accepts.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: () => {
        throw new ApiError(413, 'too_large', 'The request body is too large');
      },
    }),
  );
  app.notFound((c) => c.json(errorBody('not_found', 'No such endpoint'), 404));

  if (deps.web && hasWebApp(deps.web.root)) serveWebApp(app, deps.web);
  // Without a built web app, a plain page tells a visitor what this server is.
  app.get('/', (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Refugio</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">` +
        `<h1>Refugio</h1><p>This is the Refugio case-tracker server. Its HTTP API is described in ` +
        `<a href="/api/openapi.json">/api/openapi.json</a>. Build the web app (npm run build:web) to serve it here.</p>` +
        `<p>Legal information, not legal advice. Only a licensed attorney or a DOJ-accredited representative may represent you; notarios and consultants cannot.</p>` +
        `</body></html>`,
    ),
  );
  app.get('/api/health', (c) =>
    deps.isReady && !deps.isReady() ? c.json({ status: 'starting' }, 503) : c.json({ status: 'ok' }),
  );
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  // A calendar app fetches the feed with no cookie: the unguessable, revocable token is the key.
  app.get('/api/calendar/:file', async (c) => {
    const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(c.req.param('file'))?.[1];
    const who = token ? await deps.accounts.actorForFeed(token) : undefined;
    if (!who) throw new ApiError(404, 'not_found', 'No such calendar feed');
    const rows = await deps.cases.dashboard(who, 366);
    // Alarms at the person's own lead days (GET /api/v1/me/reminders).
    const { leadDays } = await deps.accounts.reminderSettings(who.userId);
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('cache-control', 'no-store');
    return c.body(
      renderCalendar(
        rows.map((r) => ({
          uid: `${r.caseId}-${r.deadlineId}-${r.due}@refugio`,
          date: r.due,
          // Never a name or A-number in what a phone shows on its lock screen.
          summary: `${renderStep({ code: `deadline.${r.deadlineId}`, params: {} })} (case ${r.caseId.slice(0, 8)})`,
          description: renderStep({ code: 'disclaimer.legal_information', params: {} }),
          remindDaysBefore: leadDays.filter((n) => n <= Math.max(r.daysLeft, 0)),
        })),
        deps.today(),
      ),
    );
  });

  // --- sign in -----------------------------------------------------------------------------
  app.post('/api/v1/auth/login', async (c) => {
    const input = parse(S.login, await body(c));
    const key = `${input.email.toLowerCase()}|${c.req.header('x-forwarded-for') ?? 'local'}`;
    // Counted in the database, so every server process sees the same attempts.
    if ((await deps.accounts.recentLoginFailures(key)) >= loginLimit) {
      throw new ApiError(429, 'too_many_attempts', 'Too many attempts; wait 15 minutes');
    }
    let session: Awaited<ReturnType<AccountService['login']>>;
    try {
      session = await deps.accounts.login(input.email, input.password);
    } catch (err) {
      await deps.accounts.recordLoginFailure(key);
      throw err;
    }
    await deps.accounts.clearLoginFailures(key);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: deps.secure,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_DAYS * 86_400,
    });
    return c.json({
      userId: session.userId,
      csrfToken: session.csrfToken,
      memberships: await deps.accounts.memberships(session.userId),
    });
  });

  // Everything below needs a signed-in person (session cookie) or an API token (bearer).
  app.use('/api/v1/*', async (c, next) => {
    const auth = c.req.header('authorization');
    let principal: Principal | undefined;
    if (auth?.startsWith('Bearer '))
      principal = await deps.accounts.principalFromApiToken(auth.slice(7).trim());
    else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) principal = await deps.accounts.principalFromSession(token);
      // Cookies ride along on cross-site requests; a token only our pages know must too (CSRF).
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
      if (principal && unsafe && c.req.header('x-csrf-token') !== principal.csrfToken) {
        throw new ApiError(403, 'csrf', 'Missing or wrong X-CSRF-Token header');
      }
    }
    if (!principal) throw new ApiError(401, 'unauthenticated', 'Sign in first');
    c.set('principal', principal);
    if (EXPENSIVE.test(c.req.path)) {
      const wait = expensive.take(principal.userId);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        throw new ApiError(429, 'rate_limited', `Too many requests of this kind; try again in ${wait} s`);
      }
    }
    await next();
  });

  app.post('/api/v1/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deps.accounts.logout(token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/api/v1/me', async (c) => {
    const p = c.get('principal');
    return c.json({
      userId: p.userId,
      email: p.email,
      memberships: await deps.accounts.memberships(p.userId),
    });
  });

  // Each person's own reminder settings; the calendar feed's alarms follow the same lead days.
  app.get('/api/v1/me/reminders', async (c) =>
    c.json(await deps.accounts.reminderSettings(c.get('principal').userId)),
  );
  app.put('/api/v1/me/reminders', async (c) => {
    const input = parse(S.reminderSettings, await body(c));
    return c.json(await deps.accounts.setReminderSettings(c.get('principal').userId, input));
  });

  const actor = (c: Context<Env>): Promise<Actor> => {
    const orgId = parse(S.uuidParam, c.req.param('orgId'));
    return deps.accounts.actorIn(c.get('principal'), orgId);
  };
  const caseId = (c: Context) => {
    const r = S.uuidParam.safeParse(c.req.param('caseId'));
    if (!r.success) throw new ApiError(404, 'not_found', 'No such case in this organisation');
    return r.data;
  };

  // --- members -----------------------------------------------------------------------------
  app.get('/api/v1/orgs/:orgId/members', async (c) =>
    c.json({ members: await deps.accounts.listMembers(await actor(c)) }),
  );
  app.post('/api/v1/orgs/:orgId/members', async (c) => {
    const a = await actor(c);
    const input = parse(S.invite, await body(c));
    return c.json(await deps.accounts.invite(a, input), 201);
  });
  app.patch('/api/v1/orgs/:orgId/members/:userId', async (c) => {
    const a = await actor(c);
    const input = parse(S.changeRole, await body(c));
    await deps.accounts.changeRole(a, parse(S.uuidParam, c.req.param('userId')), input.role);
    return c.json({ ok: true });
  });
  app.delete('/api/v1/orgs/:orgId/members/:userId', async (c) => {
    const a = await actor(c);
    await deps.accounts.remove(a, parse(S.uuidParam, c.req.param('userId')));
    return c.json({ ok: true });
  });
  app.post('/api/v1/orgs/:orgId/tokens', async (c) => {
    const a = await actor(c);
    const input = parse(S.newToken, await body(c));
    return c.json(await deps.accounts.createApiToken(a, input.name), 201);
  });

  // --- cases -------------------------------------------------------------------------------
  app.get('/api/v1/orgs/:orgId/cases', async (c) => {
    const a = await actor(c);
    const q = parse(S.listCases, c.req.query());
    const result = await deps.cases.list(a, {
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
      ...(q.q ? { q: q.q } : {}),
    });
    return c.json({ page: q.page, pageSize: q.pageSize, ...result });
  });
  app.post('/api/v1/orgs/:orgId/cases', async (c) => {
    const a = await actor(c);
    const input = parse(S.createCase, await body(c));
    return c.json(
      await deps.cases.create(a, { person: input.person, screening: input.screening ?? null }),
      201,
    );
  });
  app.post('/api/v1/orgs/:orgId/cases/import', async (c) => {
    const a = await actor(c);
    const input = parse(S.importCase, await body(c, MAX_IMPORT_BYTES));
    return c.json(await deps.cases.importCase(a, input.bundle, input.passphrase), 201);
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/export', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const input = parse(S.exportCase, await body(c));
    c.header('content-disposition', 'attachment; filename="refugio-case.json"');
    return c.json(await deps.cases.exportCase(a, id, input.passphrase));
  });
  app.get('/api/v1/orgs/:orgId/cases/:caseId', async (c) =>
    c.json(await deps.cases.get(await actor(c), caseId(c))),
  );
  app.patch('/api/v1/orgs/:orgId/cases/:caseId', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const input = parse(S.updateCase, await body(c));
    return c.json(
      await deps.cases.update(a, id, {
        version: input.version,
        ...(input.person ? { person: input.person } : {}),
        ...(input.screening !== undefined ? { screening: input.screening } : {}),
      }),
    );
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/archive', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    return c.json(await deps.cases.archive(a, id, parse(S.versionOnly, await body(c)).version));
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/events', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const input = parse(S.eventChange, await body(c));
    return c.json(
      await deps.cases.changeEvent(a, id, input.version, { kind: 'add', event: checkEvent(input.event) }),
      201,
    );
  });
  app.put('/api/v1/orgs/:orgId/cases/:caseId/events/:eventId', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const eventId = parse(S.uuidParam, c.req.param('eventId'));
    const input = parse(S.eventChange, await body(c));
    return c.json(
      await deps.cases.changeEvent(a, id, input.version, {
        kind: 'replace',
        eventId,
        event: checkEvent(input.event),
      }),
    );
  });
  app.delete('/api/v1/orgs/:orgId/cases/:caseId/events/:eventId', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const eventId = parse(S.uuidParam, c.req.param('eventId'));
    const version = parse(S.versionOnly.shape.version, Number(c.req.query('version')));
    return c.json(await deps.cases.changeEvent(a, id, version, { kind: 'remove', eventId }));
  });
  app.get('/api/v1/orgs/:orgId/cases/:caseId/assessment', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const q = parse(S.assessmentQuery, c.req.query());
    return c.json(assessmentJson(await deps.cases.assessment(a, id, q.asOf)));
  });

  app.get('/api/v1/orgs/:orgId/cases/:caseId/notes', async (c) => {
    const a = await actor(c);
    return c.json({ notes: await deps.cases.notes(a, caseId(c)) });
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/notes', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    return c.json(await deps.cases.addNote(a, id, parse(S.note, await body(c)).body), 201);
  });
  app.get('/api/v1/orgs/:orgId/cases/:caseId/deadline-changes', async (c) => {
    const a = await actor(c);
    return c.json({ changes: await deps.cases.deadlineChanges(a, caseId(c)) });
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/deadline-changes/review', async (c) => {
    const a = await actor(c);
    return c.json(await deps.cases.reviewDeadlineChanges(a, caseId(c)));
  });
  app.get('/api/v1/orgs/:orgId/deadline-changes', async (c) =>
    c.json({ changes: await deps.cases.deadlineChanges(await actor(c)) }),
  );

  // --- documents prepared from a case (see src/documents) ------------------------------------
  app.get('/api/v1/document-kinds', async (c) => {
    const { DOCUMENT_KIND_NAMES } = await import('../documents/kinds/index.ts');
    return c.json({ kinds: DOCUMENT_KIND_NAMES, formats: ['pdf', 'docx'] });
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/documents/exhibit-packet', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const input = parse(S.prepareExhibitPacket, await body(c));
    const { facts, files } = await deps.cases.documentSources(
      a,
      id,
      'exhibit-packet',
      input.exhibits.map((e) => e.fileId),
    );
    const packet = await import('../documents/exhibit-packet.ts');
    // The entries name the case's files by id; the packet names them by their file names.
    const exhibits = input.exhibits.map((e) => ({ file: e.fileId, description: e.description }));
    const { details } = packet.parseExhibitPacketInput({
      document: {},
      ...input.details,
      ...facts,
      exhibits,
    });
    const { bytes } = await packet.assembleExhibitPacket(
      details,
      files.map((f, i) => ({ name: f.name, bytes: f.bytes, description: exhibits[i]!.description })),
    );
    return attachment(c, bytes, 'application/pdf', 'filename="exhibit-packet.pdf"');
  });
  app.post('/api/v1/orgs/:orgId/cases/:caseId/documents/:kind', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const { DOCUMENT_KINDS } = await import('../documents/kinds/index.ts');
    const kind = c.req.param('kind');
    const build = Object.hasOwn(DOCUMENT_KINDS, kind) ? DOCUMENT_KINDS[kind] : undefined;
    if (!build) throw new ApiError(404, 'not_found', 'No such kind of document');
    const input = parse(S.prepareDocument, await body(c));
    const facts = await deps.cases.documentFacts(a, id, kind);
    const { MEDIA_TYPES, renderDocument } = await import('../documents/render.ts');
    // The person's details come from the case, so `document` may add nothing.
    const bytes = await renderDocument(build({ document: {}, ...input.details, ...facts }), input.format);
    // The file name says what it is, never whose it is.
    return attachment(c, bytes, MEDIA_TYPES[input.format], `filename="${kind}.${input.format}"`);
  });

  // --- files kept with a case (PDF, PNG, JPEG), encrypted at rest ----------------------------
  app.post('/api/v1/orgs/:orgId/cases/:caseId/files', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const { name } = parse(S.fileQuery, c.req.query());
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!isAllowedFileType(contentType))
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send a PDF, PNG or JPEG file (${ALLOWED_FILE_TYPES.join(', ')})`,
      );
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_FILE_BYTES)
      throw new ApiError(413, 'too_large', `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_FILE_BYTES)
      throw new ApiError(413, 'too_large', `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    if (bytes.byteLength === 0) throw new ApiError(400, 'empty_file', 'The file is empty');
    if (!looksLike(contentType, bytes))
      throw new ApiError(415, 'type_mismatch', `The file's contents are not ${contentType}`);
    return c.json(await deps.cases.addFile(a, id, { name, contentType, bytes }), 201);
  });
  app.get('/api/v1/orgs/:orgId/cases/:caseId/files', async (c) => {
    const a = await actor(c);
    return c.json({ files: await deps.cases.files(a, caseId(c)) });
  });
  app.get('/api/v1/orgs/:orgId/cases/:caseId/files/:fileId', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const fileId = S.uuidParam.safeParse(c.req.param('fileId'));
    if (!fileId.success) throw new ApiError(404, 'not_found', 'No such file in this case');
    const file = await deps.cases.readFile(a, id, fileId.data);
    // A person's own file name, in any script (RFC 5987).
    return attachment(c, file.bytes, file.contentType, `filename*=UTF-8''${encodeURIComponent(file.name)}`);
  });
  app.delete('/api/v1/orgs/:orgId/cases/:caseId/files/:fileId', async (c) => {
    const a = await actor(c);
    const id = caseId(c);
    const fileId = S.uuidParam.safeParse(c.req.param('fileId'));
    if (!fileId.success) throw new ApiError(404, 'not_found', 'No such file in this case');
    return c.json(await deps.cases.removeFile(a, id, fileId.data));
  });

  app.post('/api/v1/orgs/:orgId/calendar-feed', async (c) => {
    const token = await deps.accounts.newCalendarFeed(await actor(c));
    return c.json({ url: `/api/calendar/${token}.ics` }, 201);
  });
  app.delete('/api/v1/orgs/:orgId/calendar-feed', async (c) => {
    await deps.accounts.revokeCalendarFeed(await actor(c));
    return c.json({ ok: true });
  });

  // --- dashboard and audit -----------------------------------------------------------------
  app.get('/api/v1/orgs/:orgId/deadlines', async (c) => {
    const a = await actor(c);
    const q = parse(S.dashboardQuery, c.req.query());
    const within = Number(q.within.slice(0, -1));
    return c.json({ within: q.within, deadlines: await deps.cases.dashboard(a, within) });
  });
  app.get('/api/v1/orgs/:orgId/audit', async (c) => {
    const a = await actor(c);
    const q = parse(S.pageQuery, c.req.query());
    return c.json({ page: q.page, entries: await deps.cases.auditLog(a, q.page, q.pageSize) });
  });

  return app;
}
