/**
 * Organisations, people who sign in, their roles, sessions and API tokens. Passwords are stored
 * only as argon2 hashes; session and API tokens only as SHA-256 hashes, so a database dump
 * cannot be replayed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword, hashToken, newToken, verifyPassword } from '../server/security/passwords.ts';
import type { Database } from '../store/schema.ts';
import type { Actor } from './case-service.ts';
import { TrackerError } from './case-service.ts';
import { can, type Role } from './roles.ts';

export const SESSION_DAYS = 7;

/** When deadline reminders go out unless the installation (REMINDER_LEAD_DAYS) or the person says otherwise. */
export const DEFAULT_LEAD_DAYS: readonly number[] = [14, 7, 3, 1];

/** A person's reminder settings: e-mail on or off, and the days before a deadline (also the feed's alarms). */
export interface ReminderSettings {
  readonly email: boolean;
  /** Distinct, largest first. */
  readonly leadDays: readonly number[];
  /** True while the person has not chosen: the installation's lead days apply. */
  readonly isDefault: boolean;
}

export interface Membership {
  readonly orgId: string;
  readonly orgName: string;
  readonly role: Role;
  readonly clientCaseId: string | null;
}

export interface Principal {
  readonly userId: string;
  readonly email: string;
  /** Set for API tokens, which belong to one organisation. */
  readonly tokenOrgId?: string;
  /** Set for browser sessions: unsafe requests must echo it (CSRF). */
  readonly csrfToken?: string;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

const normaliseLeadDays = (days: readonly number[]) => [...new Set(days)].sort((a, b) => b - a);

export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    /** The installation's lead days, for people who have not chosen their own. */
    private readonly defaultLeadDays: readonly number[] = DEFAULT_LEAD_DAYS,
  ) {}

  async reminderSettings(userId: string): Promise<ReminderSettings> {
    const row = await this.db
      .selectFrom('reminder_settings')
      .select(['email_enabled', 'lead_days'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row
      ? { email: row.email_enabled, leadDays: normaliseLeadDays(row.lead_days), isDefault: false }
      : { email: true, leadDays: normaliseLeadDays(this.defaultLeadDays), isDefault: true };
  }

  /** Saves a person's own settings (the API has checked the lead days: 0 to 365, at most 10). */
  async setReminderSettings(
    userId: string,
    input: { email: boolean; leadDays: readonly number[] },
  ): Promise<ReminderSettings> {
    const leadDays = normaliseLeadDays(input.leadDays);
    await this.db
      .insertInto('reminder_settings')
      .values({ user_id: userId, email_enabled: input.email, lead_days: leadDays })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ email_enabled: input.email, lead_days: leadDays, updated_at: new Date() }),
      )
      .execute();
    await this.db
      .insertInto('audit_log')
      .values({ org_id: null, user_id: userId, case_id: null, action: 'reminders.settings' })
      .execute();
    return { email: input.email, leadDays, isDefault: false };
  }

  /** Failed sign-ins for this key in the last 15 minutes, across every server process. */
  async recentLoginFailures(key: string): Promise<number> {
    const row = await this.db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('key_hash', '=', hashToken(key))
      .where('at', '>', new Date(Date.now() - 15 * 60_000))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async recordLoginFailure(key: string): Promise<void> {
    await this.db
      .insertInto('login_failures')
      .values({ key_hash: hashToken(key) })
      .execute();
    // Old rows are of no use: drop them as we go.
    await this.db
      .deleteFrom('login_failures')
      .where('at', '<', new Date(Date.now() - 24 * 3_600_000))
      .execute();
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key_hash', '=', hashToken(key)).execute();
  }

  async hasOrganisations(): Promise<boolean> {
    return (await this.db.selectFrom('organisations').select('id').limit(1).execute()).length > 0;
  }

  async createOrganisation(input: { name: string; adminEmail: string; adminPassword: string }) {
    return this.db.transaction().execute(async (tx) => {
      const orgId = randomUUID();
      await tx.insertInto('organisations').values({ id: orgId, name: input.name }).execute();
      const email = normaliseEmail(input.adminEmail);
      let user = await tx.selectFrom('users').select(['id']).where('email', '=', email).executeTakeFirst();
      if (!user) {
        user = { id: randomUUID() };
        await tx
          .insertInto('users')
          .values({ id: user.id, email, password_hash: await hashPassword(input.adminPassword) })
          .execute();
      }
      await tx.insertInto('memberships').values({ org_id: orgId, user_id: user.id, role: 'admin' }).execute();
      await tx
        .insertInto('audit_log')
        .values({ org_id: orgId, user_id: user.id, case_id: null, action: 'org.create' })
        .execute();
      return { orgId, userId: user.id };
    });
  }

  /** Checks a password; the same error for an unknown email and a wrong password. */
  async login(
    emailInput: string,
    password: string,
  ): Promise<{ token: string; csrfToken: string; userId: string }> {
    const email = normaliseEmail(emailInput);
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirst();
    // Hash anyway when the user does not exist, so timing does not reveal who has an account.
    let ok = false;
    if (user) ok = await verifyPassword(user.password_hash, password);
    else await hashPassword(password);
    if (!user || !ok) throw new TrackerError(400, 'invalid_credentials', 'Wrong email or password');
    const token = newToken();
    const csrfToken = newToken();
    await this.db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      })
      .execute();
    return { token, csrfToken, userId: user.id };
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  async principalFromSession(token: string): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.email', 's.csrf_token', 's.expires_at'])
      .where('s.id', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || new Date(row.expires_at).getTime() < Date.now()) return undefined;
    return { userId: row.id, email: row.email, csrfToken: row.csrf_token };
  }

  async principalFromApiToken(token: string): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['u.id', 'u.email', 't.org_id'])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? { userId: row.id, email: row.email, tokenOrgId: row.org_id } : undefined;
  }

  async memberships(userId: string): Promise<Membership[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.org_id')
      .select(['m.org_id', 'o.name', 'm.role', 'm.client_case_id'])
      .where('m.user_id', '=', userId)
      .orderBy('o.name')
      .execute();
    return rows.map((r) => ({
      orgId: r.org_id,
      orgName: r.name,
      role: r.role as Role,
      clientCaseId: r.client_case_id,
    }));
  }

  /** The caller acting in an organisation, or a 404 that does not confirm the organisation exists. */
  async actorIn(principal: Principal, orgId: string): Promise<Actor> {
    if (principal.tokenOrgId && principal.tokenOrgId !== orgId)
      throw new TrackerError(404, 'not_found', 'No such organisation');
    const m = await this.db
      .selectFrom('memberships')
      .select(['role', 'client_case_id'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', principal.userId)
      .executeTakeFirst();
    if (!m) throw new TrackerError(404, 'not_found', 'No such organisation');
    return { userId: principal.userId, orgId, role: m.role as Role, clientCaseId: m.client_case_id };
  }

  async listMembers(actor: Actor) {
    if (!can(actor.role, 'members.list'))
      throw new TrackerError(403, 'forbidden', 'Your role does not allow this');
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'm.role', 'm.client_case_id'])
      .where('m.org_id', '=', actor.orgId)
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      role: r.role as Role,
      clientCaseId: r.client_case_id,
    }));
  }

  /** Adds a person to the organisation (creating their account with the given password if new). */
  async invite(
    actor: Actor,
    input: { email: string; role: Role; password: string; clientCaseId?: string | undefined },
  ) {
    this.requireManage(actor);
    return this.db.transaction().execute(async (tx) => {
      if (input.role === 'client') {
        if (!input.clientCaseId)
          throw new TrackerError(400, 'client_case_required', 'A client must be linked to their case');
        const c = await tx
          .selectFrom('cases')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', input.clientCaseId)
          .executeTakeFirst();
        if (!c) throw new TrackerError(404, 'not_found', 'No such case in this organisation');
      }
      const email = normaliseEmail(input.email);
      let user = await tx.selectFrom('users').select(['id']).where('email', '=', email).executeTakeFirst();
      if (!user) {
        user = { id: randomUUID() };
        await tx
          .insertInto('users')
          .values({ id: user.id, email, password_hash: await hashPassword(input.password) })
          .execute();
      }
      const existing = await tx
        .selectFrom('memberships')
        .select('user_id')
        .where('org_id', '=', actor.orgId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (existing) throw new TrackerError(409, 'already_member', 'This person is already a member');
      await tx
        .insertInto('memberships')
        .values({
          org_id: actor.orgId,
          user_id: user.id,
          role: input.role,
          client_case_id: input.role === 'client' ? (input.clientCaseId ?? null) : null,
        })
        .execute();
      await this.auditAction(tx, actor, 'member.invite');
      return { userId: user.id, email, role: input.role };
    });
  }

  async changeRole(actor: Actor, userId: string, role: Role) {
    this.requireManage(actor);
    if (role === 'client')
      throw new TrackerError(400, 'client_by_invite', 'Invite a client with their case instead');
    await this.guardLastAdmin(actor, userId, role);
    const r = await this.db
      .updateTable('memberships')
      .set({ role, client_case_id: null })
      .where('org_id', '=', actor.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new TrackerError(404, 'not_found', 'No such member');
    await this.auditAction(this.db, actor, 'member.role');
  }

  async remove(actor: Actor, userId: string) {
    this.requireManage(actor);
    await this.guardLastAdmin(actor, userId, null);
    const r = await this.db
      .deleteFrom('memberships')
      .where('org_id', '=', actor.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new TrackerError(404, 'not_found', 'No such member');
    await this.auditAction(this.db, actor, 'member.remove');
  }

  async createApiToken(actor: Actor, name: string) {
    if (!can(actor.role, 'tokens.create'))
      throw new TrackerError(403, 'forbidden', 'Your role does not allow this');
    const token = newToken();
    await this.db
      .insertInto('api_tokens')
      .values({
        id: randomUUID(),
        user_id: actor.userId,
        org_id: actor.orgId,
        token_hash: hashToken(token),
        name,
      })
      .execute();
    return { token, name };
  }

  /** A new secret calendar-feed token for this person in this organisation; any earlier one stops working. */
  async newCalendarFeed(actor: Actor): Promise<string> {
    const token = newToken();
    await this.db.transaction().execute(async (tx) => {
      await this.revokeFeeds(tx, actor);
      await tx
        .insertInto('calendar_feeds')
        .values({ token_hash: hashToken(token), user_id: actor.userId, org_id: actor.orgId })
        .execute();
    });
    return token;
  }

  async revokeCalendarFeed(actor: Actor): Promise<void> {
    await this.revokeFeeds(this.db, actor);
  }

  /** The person a live feed token belongs to, acting in its organisation (while still a member). */
  async actorForFeed(token: string): Promise<Actor | undefined> {
    const feed = await this.db
      .selectFrom('calendar_feeds')
      .select(['user_id', 'org_id'])
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!feed) return undefined;
    try {
      return await this.actorIn({ userId: feed.user_id, email: '' }, feed.org_id);
    } catch {
      return undefined;
    }
  }

  /** Membership changes are audited like case access: who did what, never the content. */
  private auditAction(db: Kysely<Database>, actor: Actor, action: string) {
    return db
      .insertInto('audit_log')
      .values({ org_id: actor.orgId, user_id: actor.userId, case_id: null, action })
      .execute();
  }

  private revokeFeeds(db: Kysely<Database>, actor: Actor) {
    return db
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', actor.userId)
      .where('org_id', '=', actor.orgId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  private requireManage(actor: Actor) {
    if (!can(actor.role, 'members.manage'))
      throw new TrackerError(403, 'forbidden', 'Your role does not allow this');
  }

  /** An organisation always keeps at least one admin. */
  private async guardLastAdmin(actor: Actor, userId: string, newRole: Role | null) {
    if (newRole === 'admin') return;
    const admins = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', actor.orgId)
      .where('role', '=', 'admin')
      .execute();
    if (admins.length === 1 && admins[0]!.user_id === userId) {
      throw new TrackerError(409, 'last_admin', 'An organisation needs at least one admin');
    }
  }
}
