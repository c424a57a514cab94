/** Request bodies and queries of the HTTP API (zod), shared by the handlers and the OpenAPI document. */
import * as z from 'zod';
import { ROLES } from '../tracker/roles.ts';

export const isoDate = z.iso
  .date()
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'between 1900 and 2100');

export const person = z.strictObject({
  name: z.string().trim().min(1).max(300),
  aNumber: z
    .string()
    .max(40)
    .regex(/^\s*[Aa]?[\s\-.]*(\d[\s\-.]*){7,9}$/, 'the letter A and 7 to 9 digits')
    .optional(),
  birthDate: isoDate.optional(),
  address: z.string().max(500).optional(),
  countryOfNationality: z.string().max(100).optional(),
});

/** Screening answers are checked in full by the law core's schema when the case is saved. */
export const screening = z.record(z.string(), z.unknown()).nullable();

export const createCase = z.strictObject({ person, screening: screening.optional() });
export const updateCase = z.strictObject({
  version: z.int().min(1),
  person: person.optional(),
  screening: screening.optional(),
});
export const versionOnly = z.strictObject({ version: z.int().min(1) });
/** The event itself is validated by the law core's event schema. */
export const eventChange = z.strictObject({
  version: z.int().min(1),
  event: z.record(z.string(), z.unknown()),
});

export const listCases = z.strictObject({
  q: z.string().max(100).optional(),
  status: z.enum(['open', 'archived', 'all']).default('open'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const dashboardQuery = z.strictObject({
  within: z
    .string()
    .regex(/^\d{1,3}d$/, 'a number of days such as 30d')
    .default('30d'),
});

export const assessmentQuery = z.strictObject({ asOf: isoDate.optional() });
export const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});

export const login = z.strictObject({ email: z.email().max(320), password: z.string().min(1).max(1000) });
export const invite = z.strictObject({
  email: z.email().max(320),
  role: z.enum(ROLES),
  password: z.string().min(12).max(1000),
  clientCaseId: z.uuid().optional(),
});
export const changeRole = z.strictObject({ role: z.enum(ROLES) });
export const newToken = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const uuidParam = z.uuid();
export const note = z.strictObject({ body: z.string().trim().min(1).max(20_000) });
export const exportCase = z.strictObject({ passphrase: z.string().min(8).max(1000) });
export const importCase = z.strictObject({ passphrase: z.string().min(1).max(1000), bundle: z.unknown() });
/** A person's own reminder settings: e-mail on or off, and days before each deadline (0 to 365). */
export const reminderSettings = z.strictObject({
  email: z.boolean(),
  leadDays: z.array(z.int().min(0).max(365)).max(10),
});

/** A file's name as the person gave it: no path, no control characters. */
export const fileQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\\/\p{Cc}]+$/u, 'a file name without slashes or control characters'),
});

/**
 * A document prepared from a case: the case gives the facts and the person's name, A-number and
 * birth date; `details` gives what only a person knows (the receipt number, the court, a reason),
 * as the top-level objects each kind reads (`document`, `appeal`, `congress`, ...).
 */
export const prepareDocument = z.strictObject({
  format: z.enum(['pdf', 'docx']),
  details: z
    .record(z.string(), z.unknown())
    .refine((d) => !['asOf', 'events', 'person', 'screening'].some((k) => Object.hasOwn(d, k)), {
      message: 'asOf, events, person and screening come from the case, not from details',
    })
    .default({}),
});

/** An exhibit packet from files kept with the case, in the order given, each with its description. */
export const prepareExhibitPacket = z.strictObject({
  exhibits: z
    .array(z.strictObject({ fileId: z.uuid(), description: z.string().min(1).max(500) }))
    .min(1)
    .max(500),
  details: prepareDocument.shape.details,
});
