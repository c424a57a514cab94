/** The OpenAPI 3.1 description of the API, generated from the same zod schemas the handlers use. */
import * as z from 'zod';
import * as S from './schemas.ts';

interface Route {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodObject;
  readonly status?: number;
}

const ROUTES: readonly Route[] = [
  { method: 'get', path: '/api/health', summary: 'Readiness' },
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in (sets a session cookie, returns the CSRF token)',
    body: S.login,
  },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'Sign out' },
  { method: 'get', path: '/api/v1/me', summary: 'The signed-in person and their organisations' },
  { method: 'get', path: '/api/v1/me/reminders', summary: 'My reminder settings (e-mail, lead days)' },
  {
    method: 'put',
    path: '/api/v1/me/reminders',
    summary: 'Set my reminder settings (also the calendar feed alarms)',
    body: S.reminderSettings,
  },
  { method: 'get', path: '/api/v1/orgs/{orgId}/members', summary: 'Members of the organisation' },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/members',
    summary: 'Invite a member (admins)',
    body: S.invite,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/v1/orgs/{orgId}/members/{userId}',
    summary: 'Change a role (admins)',
    body: S.changeRole,
  },
  { method: 'delete', path: '/api/v1/orgs/{orgId}/members/{userId}', summary: 'Remove a member (admins)' },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/tokens',
    summary: 'Create an API token',
    body: S.newToken,
    status: 201,
  },
  { method: 'get', path: '/api/v1/orgs/{orgId}/cases', summary: 'List and search cases', query: S.listCases },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases',
    summary: 'Create a case',
    body: S.createCase,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}',
    summary: 'A case with its events and deadlines',
  },
  {
    method: 'patch',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}',
    summary: 'Update a case (409 on a stale version)',
    body: S.updateCase,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/archive',
    summary: 'Archive a case',
    body: S.versionOnly,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/events',
    summary: 'Add an event; deadlines are recomputed',
    body: S.eventChange,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/events/{eventId}',
    summary: 'Correct an event',
    body: S.eventChange,
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/events/{eventId}',
    summary: 'Remove an event (query: version)',
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/notes',
    summary: 'Notes on a case (encrypted at rest)',
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/notes',
    summary: 'Add a note',
    body: S.note,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/files',
    summary:
      'Keep a file with the case: the body is the PDF, PNG or JPEG itself (at most 20 MB), its type in Content-Type',
    query: S.fileQuery,
    status: 201,
  },
  { method: 'get', path: '/api/v1/orgs/{orgId}/cases/{caseId}/files', summary: 'Files kept with a case' },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/files/{fileId}',
    summary: 'Download a file (decrypted)',
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/files/{fileId}',
    summary: 'Remove a file',
  },
  { method: 'get', path: '/api/v1/document-kinds', summary: 'The documents a case can prepare' },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/documents/exhibit-packet',
    summary:
      'An exhibit packet (PDF) from files kept with the case: cover, index with page ranges, tabs, every page numbered, proof of service',
    body: S.prepareExhibitPacket,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/documents/{kind}',
    summary:
      'Prepare a document (PDF or DOCX) from the case; 422 names the detail that is missing or does not fit',
    body: S.prepareDocument,
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/deadline-changes',
    summary: 'Deadlines moved by a new rules version',
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/deadline-changes/review',
    summary: 'Mark them reviewed',
  },
  { method: 'get', path: '/api/v1/orgs/{orgId}/deadline-changes', summary: 'All deadline changes to review' },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/export',
    summary: 'The case as a passphrase-encrypted bundle',
    body: S.exportCase,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/cases/import',
    summary: 'A new case from an encrypted bundle',
    body: S.importCase,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{orgId}/calendar-feed',
    summary: 'A new secret iCalendar feed URL (revokes the old one)',
    status: 201,
  },
  { method: 'delete', path: '/api/v1/orgs/{orgId}/calendar-feed', summary: 'Revoke the calendar feed' },
  {
    method: 'get',
    path: '/api/calendar/{file}',
    summary: 'The iCalendar feed (the secret token is the file name)',
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/cases/{caseId}/assessment',
    summary: "The law core's assessment",
    query: S.assessmentQuery,
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{orgId}/deadlines',
    summary: 'Deadlines across the cases, overdue first',
    query: S.dashboardQuery,
  },
  { method: 'get', path: '/api/v1/orgs/{orgId}/audit', summary: 'Audit log (admins)', query: S.pageQuery },
];

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: m[1]!.endsWith('Id') ? { type: 'string', format: 'uuid' } : { type: 'string' },
    }));
    const query = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
        }))
      : [];
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      parameters: [...params, ...query],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: {} } },
        },
        '4XX': {
          description: 'Bad input, not signed in, not allowed, not found or conflict',
          content: { 'application/json': { schema: ERROR } },
        },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Refugio API',
      version: '1.0.0',
      description: 'Case tracker for asylum cases. Legal information, not legal advice.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'refugio_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
  return cached;
}
