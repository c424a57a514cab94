/**
 * Who may do what in an organisation. A client sees only their own case; staff and attorneys work
 * on the organisation's cases; only admins manage members and read the audit log.
 */
export const ROLES = ['admin', 'attorney', 'staff', 'client'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'case.create'
  | 'case.read'
  | 'case.list'
  | 'case.update'
  | 'case.archive'
  | 'case.events'
  | 'case.notes'
  | 'case.files'
  | 'case.documents'
  | 'deadlines.dashboard'
  | 'members.manage'
  | 'members.list'
  | 'audit.read'
  | 'tokens.create';

// Each role can do what the one below it can, and more.
const STAFF: readonly Permission[] = [
  'case.create',
  'case.read',
  'case.list',
  'case.update',
  'case.events',
  'case.notes',
  'case.files',
  'case.documents',
  'deadlines.dashboard',
];
const ATTORNEY: readonly Permission[] = [...STAFF, 'case.archive', 'members.list', 'tokens.create'];
const ADMIN: readonly Permission[] = [...ATTORNEY, 'members.manage', 'audit.read'];

const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(ADMIN),
  attorney: new Set(ATTORNEY),
  staff: new Set(STAFF),
  // A client may read their own case (checked against the membership's client_case_id).
  client: new Set<Permission>(['case.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
