/**
 * The case tracker's rules of access: who may read or change which case, with exactly one audit
 * entry for every read or write of a case by a person, and deadlines recomputed by the law core
 * whenever events change. Every operation runs in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { DEADLINES } from '../../law/deadlines.ts';
import { type BundleContent, BundleError, openBundle, sealBundle } from '../bundle/case-bundle.ts';
import {
  addDays,
  assess,
  type CaseFacts,
  citationLabel,
  computeDeadlines,
  daysBetween,
  FactsError,
  formatDate,
  parseCaseFacts,
  parseDate,
} from '../core/index.ts';
import { RULES_VERSION } from '../render/deadlines-json.ts';
import type {
  CaseRecord,
  CaseStore,
  Db,
  EventData,
  PersonDetails,
  StoredEvent,
} from '../store/case-store.ts';
import { can, type Permission, type Role } from './roles.ts';

export interface Actor {
  readonly userId: string;
  readonly orgId: string;
  readonly role: Role;
  /** For a client: the one case they may see. */
  readonly clientCaseId: string | null;
}

/** A refusal the API turns into a 4xx; messages never carry personal data. */
export class TrackerError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}

export interface CaseView extends CaseRecord {
  readonly events: readonly StoredEvent[];
}

const notFound = () => new TrackerError(404, 'not_found', 'No such case in this organisation');

export class CaseService {
  constructor(
    private readonly store: CaseStore,
    /** Today's calendar date where the organisation works: the only clock the tracker reads. */
    private readonly today: () => string,
  ) {}

  private require(actor: Actor, permission: Permission): void {
    if (!can(actor.role, permission))
      throw new TrackerError(403, 'forbidden', 'Your role does not allow this');
  }

  /** A client may only ever reach their own case; anyone else's looks like it does not exist. */
  private requireCaseAccess(actor: Actor, caseId: string): void {
    if (actor.role === 'client' && actor.clientCaseId !== caseId) throw notFound();
  }

  private async loadCase(tx: Db, actor: Actor, caseId: string): Promise<CaseRecord> {
    this.requireCaseAccess(actor, caseId);
    const found = await this.store.getCase(tx, actor.orgId, caseId);
    if (!found) throw notFound();
    return found;
  }

  private audit(tx: Db, actor: Actor, caseId: string | null, action: string) {
    return this.store.audit(tx, { orgId: actor.orgId, userId: actor.userId, caseId, action });
  }

  private facts(record: CaseRecord, events: readonly StoredEvent[], asOf: string): CaseFacts {
    try {
      return parseCaseFacts({
        asOf,
        person: record.person.birthDate ? { birthDate: record.person.birthDate } : {},
        events: events.map((e) => e.event),
        ...(record.screening ? { screening: record.screening } : {}),
      });
    } catch (err) {
      if (err instanceof FactsError) {
        throw new TrackerError(422, 'invalid_facts', err.message, { path: err.path.join('.') });
      }
      throw err;
    }
  }

  /** Recomputes and stores a case's deadlines; throws 422 when the events cannot all be true. */
  private async recompute(tx: Db, record: CaseRecord): Promise<void> {
    const events = await this.store.listEvents(tx, record.id);
    let report: ReturnType<typeof computeDeadlines>;
    try {
      report = computeDeadlines(this.facts(record, events, this.today()));
    } catch (err) {
      if (err instanceof FactsError) {
        throw new TrackerError(422, 'impossible_sequence', err.message, { path: err.path.join('.') });
      }
      throw err;
    }
    const next = report.deadlines.map((d) => ({
      deadlineId: d.id,
      due: formatDate(d.due),
      kind: d.kind,
      status: d.status,
    }));
    // A new rules version must never move a date silently: record every change for the team to review.
    if (record.rulesVersion !== null && record.rulesVersion !== RULES_VERSION) {
      const before = new Map<string, string>(
        (await this.store.listDeadlines(tx, record.id)).map((d) => [d.deadlineId, d.due]),
      );
      const after = new Map<string, string>(next.map((d) => [d.deadlineId, d.due]));
      const changes = [...new Set([...before.keys(), ...after.keys()])]
        .filter((id) => before.get(id) !== after.get(id))
        .map((id) => ({
          deadlineId: id,
          oldDue: before.get(id) ?? null,
          newDue: after.get(id) ?? null,
          authority: (
            report.deadlines.find((d) => d.id === id)?.authority ??
            DEADLINES.find((d) => d.id === id)?.authority ??
            []
          ).map((a) => citationLabel(a)),
        }));
      await this.store.recordDeadlineChanges(tx, record.orgId, record.id, RULES_VERSION, changes);
    }
    await this.store.replaceDeadlines(tx, record.orgId, record.id, RULES_VERSION, next);
  }

  /**
   * After the rules change (a new RULES_VERSION), recomputes every case in batches, recording what
   * moved. Run at start-up; returns how many cases were recomputed.
   */
  async recomputeAll(batchSize = 200): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = await this.store.casesWithOtherRules(this.store.db, RULES_VERSION, batchSize);
      if (batch.length === 0) return done;
      for (const record of batch) {
        await this.store.db.transaction().execute(async (tx) => {
          try {
            await this.recompute(tx, record);
          } catch (err) {
            // A case whose facts no longer pass is kept as it was, marked so it is not retried forever.
            if (!(err instanceof TrackerError)) throw err;
            await tx
              .updateTable('cases')
              .set({ rules_version: RULES_VERSION })
              .where('id', '=', record.id)
              .execute();
          }
          await this.store.audit(tx, {
            orgId: record.orgId,
            userId: null,
            caseId: record.id,
            action: 'case.recompute',
          });
        });
        done++;
      }
    }
  }

  async deadlineChanges(actor: Actor, caseId?: string) {
    this.require(actor, caseId ? 'case.read' : 'deadlines.dashboard');
    return this.store.db.transaction().execute(async (tx) => {
      if (caseId) await this.loadCase(tx, actor, caseId);
      const changes = await this.store.deadlineChanges(tx, actor.orgId, caseId);
      for (const id of new Set(changes.map((c) => c.caseId)))
        await this.audit(tx, actor, id, 'case.deadline_changes');
      return changes;
    });
  }

  async reviewDeadlineChanges(actor: Actor, caseId: string) {
    this.require(actor, 'case.update');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const reviewed = await this.store.markChangesReviewed(tx, actor.orgId, caseId);
      await this.audit(tx, actor, caseId, 'case.review_changes');
      return { reviewed };
    });
  }

  async addNote(actor: Actor, caseId: string, body: string) {
    this.require(actor, 'case.notes');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const id = randomUUID();
      await this.store.addNote(tx, actor.orgId, caseId, id, actor.userId, body);
      await this.audit(tx, actor, caseId, 'note.add');
      return { id };
    });
  }

  async addFile(
    actor: Actor,
    caseId: string,
    file: { name: string; contentType: string; bytes: Uint8Array },
  ) {
    this.require(actor, 'case.files');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const id = randomUUID();
      await this.store.addFile(tx, { id, orgId: actor.orgId, caseId, addedBy: actor.userId, ...file });
      await this.audit(tx, actor, caseId, 'file.add');
      return { id, name: file.name, contentType: file.contentType, size: file.bytes.byteLength };
    });
  }

  async files(actor: Actor, caseId: string) {
    this.require(actor, 'case.files');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const files = await this.store.listFiles(tx, caseId);
      await this.audit(tx, actor, caseId, 'file.list');
      return files;
    });
  }

  async readFile(actor: Actor, caseId: string, fileId: string) {
    this.require(actor, 'case.files');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const file = await this.store.readFile(tx, caseId, fileId);
      if (!file) throw new TrackerError(404, 'not_found', 'No such file in this case');
      await this.audit(tx, actor, caseId, 'file.read');
      return file;
    });
  }

  /**
   * What a document is prepared from: the case's facts as of today, with the person's name,
   * A-number and birth date, read (and audited) once for the document being prepared.
   */
  async documentFacts(actor: Actor, caseId: string, kind: string) {
    return (await this.documentSources(actor, caseId, kind, [])).facts;
  }

  /**
   * The same, with files kept with the case (an exhibit packet's exhibits), read in the same
   * transaction and audited as the one document being prepared.
   */
  async documentSources(actor: Actor, caseId: string, kind: string, fileIds: readonly string[]) {
    this.require(actor, 'case.documents');
    if (fileIds.length > 0) this.require(actor, 'case.files');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      const events = await this.store.listEvents(tx, caseId);
      const files = [];
      for (const id of fileIds) {
        const file = await this.store.readFile(tx, caseId, id);
        if (!file) throw new TrackerError(404, 'not_found', 'No such file in this case', { fileId: id });
        files.push({ id, ...file });
      }
      await this.audit(tx, actor, caseId, `document.${kind}`);
      const { name, aNumber, birthDate } = record.person;
      const facts = {
        asOf: this.today(),
        person: {
          name,
          ...(aNumber !== undefined ? { aNumber } : {}),
          ...(birthDate !== undefined ? { birthDate } : {}),
        },
        events: events.map((e) => e.event),
        ...(record.screening ? { screening: record.screening } : {}),
      };
      return { facts, files };
    });
  }

  async removeFile(actor: Actor, caseId: string, fileId: string) {
    this.require(actor, 'case.files');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      if (!(await this.store.removeFile(tx, caseId, fileId)))
        throw new TrackerError(404, 'not_found', 'No such file in this case');
      await this.audit(tx, actor, caseId, 'file.remove');
      return { ok: true };
    });
  }

  async notes(actor: Actor, caseId: string) {
    this.require(actor, 'case.notes');
    return this.store.db.transaction().execute(async (tx) => {
      await this.loadCase(tx, actor, caseId);
      const notes = await this.store.listNotes(tx, caseId);
      await this.audit(tx, actor, caseId, 'note.read');
      return notes;
    });
  }

  async create(actor: Actor, input: { person: PersonDetails; screening?: Record<string, unknown> | null }) {
    this.require(actor, 'case.create');
    const id = randomUUID();
    return this.store.db.transaction().execute(async (tx) => {
      await this.store.createCase(tx, {
        id,
        orgId: actor.orgId,
        person: input.person,
        screening: input.screening ?? null,
        createdBy: actor.userId,
      });
      const record = (await this.store.getCase(tx, actor.orgId, id))!;
      this.facts(record, [], this.today()); // validates the screening answers before anything is kept
      await this.recompute(tx, record);
      await this.audit(tx, actor, id, 'case.create');
      return { ...record, events: [] } satisfies CaseView;
    });
  }

  async get(actor: Actor, caseId: string): Promise<CaseView & { deadlines: unknown[] }> {
    this.require(actor, 'case.read');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      const events = await this.store.listEvents(tx, caseId);
      const deadlines = await this.store.listDeadlines(tx, caseId);
      await this.audit(tx, actor, caseId, 'case.read');
      return { ...record, events, deadlines };
    });
  }

  async list(
    actor: Actor,
    query: { q?: string; status: 'open' | 'archived' | 'all'; page: number; pageSize: number },
  ) {
    if (actor.role === 'client') this.require(actor, 'case.read');
    else this.require(actor, 'case.list');
    return this.store.db.transaction().execute(async (tx) => {
      const result = await this.store.listCases(tx, actor.orgId, {
        q: query.q,
        status: query.status,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        onlyCaseId:
          actor.role === 'client'
            ? (actor.clientCaseId ?? '00000000-0000-0000-0000-000000000000')
            : undefined,
      });
      // A list shows people's names: one audit entry per case shown.
      for (const c of result.cases) await this.audit(tx, actor, c.id, 'case.list');
      return result;
    });
  }

  async update(
    actor: Actor,
    caseId: string,
    input: { version: number; person?: PersonDetails; screening?: Record<string, unknown> | null },
  ) {
    this.require(actor, 'case.update');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      if (record.version !== input.version) throw conflict(record.version);
      const changed = {
        ...record,
        ...(input.person ? { person: input.person } : {}),
        ...(input.screening !== undefined ? { screening: input.screening } : {}),
      };
      const events = await this.store.listEvents(tx, caseId);
      this.facts(changed, events, this.today());
      const ok = await this.store.updateCase(tx, actor.orgId, caseId, input.version, {
        ...(input.person ? { person: input.person } : {}),
        ...(input.screening !== undefined ? { screening: input.screening } : {}),
      });
      if (!ok) throw conflict(record.version);
      const updated = (await this.store.getCase(tx, actor.orgId, caseId))!;
      await this.recompute(tx, updated);
      await this.audit(tx, actor, caseId, 'case.update');
      return { ...updated, events };
    });
  }

  async archive(actor: Actor, caseId: string, version: number) {
    this.require(actor, 'case.archive');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      if (record.version !== version) throw conflict(record.version);
      if (!(await this.store.updateCase(tx, actor.orgId, caseId, version, { status: 'archived' }))) {
        throw conflict(record.version);
      }
      await this.audit(tx, actor, caseId, 'case.archive');
      return (await this.store.getCase(tx, actor.orgId, caseId))!;
    });
  }

  /**
   * Adds, corrects or removes an event, checks that the case's events can still all be true,
   * and recomputes the deadlines, all or nothing. `version` guards against lost updates.
   */
  async changeEvent(
    actor: Actor,
    caseId: string,
    version: number,
    change:
      | { kind: 'add'; event: EventData }
      | { kind: 'replace'; eventId: string; event: EventData }
      | { kind: 'remove'; eventId: string },
  ) {
    this.require(actor, 'case.events');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      if (record.version !== version) throw conflict(record.version);
      let eventId: string;
      if (change.kind === 'add') {
        eventId = randomUUID();
        await this.store.addEvent(tx, actor.orgId, caseId, eventId, change.event);
      } else {
        eventId = change.eventId;
        const ok =
          change.kind === 'replace'
            ? await this.store.replaceEvent(tx, caseId, eventId, change.event)
            : await this.store.removeEvent(tx, caseId, eventId);
        if (!ok) throw new TrackerError(404, 'not_found', 'No such event on this case');
      }
      if (!(await this.store.updateCase(tx, actor.orgId, caseId, version, {})))
        throw conflict(record.version);
      const updated = (await this.store.getCase(tx, actor.orgId, caseId))!;
      await this.recompute(tx, updated);
      await this.audit(tx, actor, caseId, `event.${change.kind}`);
      return {
        case: { ...updated, events: await this.store.listEvents(tx, caseId) },
        eventId,
        deadlines: await this.store.listDeadlines(tx, caseId),
      };
    });
  }

  /** The case as an encrypted bundle (person, answers, events, notes) sealed with a passphrase. */
  async exportCase(actor: Actor, caseId: string, passphrase: string) {
    this.require(actor, 'case.read');
    const content = await this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      const events = await this.store.listEvents(tx, caseId);
      const notes = can(actor.role, 'case.notes') ? await this.store.listNotes(tx, caseId) : [];
      await this.audit(tx, actor, caseId, 'case.export');
      return {
        person: record.person,
        screening: record.screening,
        events: events.map((e) => e.event),
        notes: notes.map((n) => n.body),
      };
    });
    try {
      return await sealBundle(content as BundleContent, passphrase);
    } catch (err) {
      if (err instanceof BundleError) throw new TrackerError(400, 'invalid_passphrase', err.message);
      throw err;
    }
  }

  /** A new case from a bundle, all or nothing: its events must pass the law core's checks. */
  async importCase(actor: Actor, bundle: unknown, passphrase: string) {
    this.require(actor, 'case.create');
    let content: BundleContent;
    try {
      content = await openBundle(bundle, passphrase);
    } catch (err) {
      if (err instanceof BundleError) throw new TrackerError(400, 'invalid_bundle', err.message);
      throw err;
    }
    const id = randomUUID();
    return this.store.db.transaction().execute(async (tx) => {
      await this.store.createCase(tx, {
        id,
        orgId: actor.orgId,
        person: content.person,
        screening: content.screening,
        createdBy: actor.userId,
      });
      for (const event of content.events)
        await this.store.addEvent(tx, actor.orgId, id, randomUUID(), event as EventData);
      if (can(actor.role, 'case.notes')) {
        for (const note of content.notes)
          await this.store.addNote(tx, actor.orgId, id, randomUUID(), actor.userId, note);
      }
      const record = (await this.store.getCase(tx, actor.orgId, id))!;
      await this.recompute(tx, record);
      await this.audit(tx, actor, id, 'case.import');
      return { ...record, events: await this.store.listEvents(tx, id) };
    });
  }

  async assessment(actor: Actor, caseId: string, asOf?: string) {
    this.require(actor, 'case.read');
    return this.store.db.transaction().execute(async (tx) => {
      const record = await this.loadCase(tx, actor, caseId);
      const events = await this.store.listEvents(tx, caseId);
      const result = assess(this.facts(record, events, asOf ?? this.today()));
      await this.audit(tx, actor, caseId, 'case.assessment');
      return result;
    });
  }

  async dashboard(actor: Actor, withinDays: number) {
    this.require(actor, actor.role === 'client' ? 'case.read' : 'deadlines.dashboard');
    return this.store.db.transaction().execute(async (tx) => {
      const today = this.today();
      const until = formatDate(addDays(parseDate(today), withinDays));
      const rows = await this.store.dashboard(
        tx,
        actor.orgId,
        until,
        actor.role === 'client' ? (actor.clientCaseId ?? undefined) : undefined,
      );
      const seen = new Set<string>();
      for (const r of rows) {
        if (seen.has(r.caseId)) continue;
        seen.add(r.caseId);
        await this.audit(tx, actor, r.caseId, 'case.dashboard');
      }
      return rows.map((r) => ({
        ...r,
        overdue: r.due < today,
        daysLeft: daysBetween(parseDate(today), parseDate(r.due)),
      }));
    });
  }

  async auditLog(actor: Actor, page: number, pageSize: number) {
    this.require(actor, 'audit.read');
    return this.store.readAudit(this.store.db, actor.orgId, pageSize, (page - 1) * pageSize);
  }
}

function conflict(current: number): TrackerError {
  return new TrackerError(
    409,
    'version_conflict',
    'The case was changed by someone else; reload it and try again',
    {
      currentVersion: current,
    },
  );
}
