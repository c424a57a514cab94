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
  DeadlineChange,
  EventData,
  PersonDetails,
  StoredDeadline,
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

/** A batch of `recomputeAll`: how many cases it did, and the unexpected error that stopped it there. */
interface BatchResult {
  readonly recomputed: number;
  readonly failure?: unknown;
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

  /** One entry per case for a read of many cases, in one statement. */
  private auditEach(tx: Db, actor: Actor, caseIds: readonly string[], action: string) {
    return this.store.auditMany(
      tx,
      caseIds.map((caseId) => ({ orgId: actor.orgId, userId: actor.userId, caseId, action })),
    );
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

  /**
   * A case's deadlines as the law core computes them today, in the form they are stored; throws
   * 422 when the facts no longer pass or the events cannot all be true. Pure: no I/O.
   */
  private plan(record: CaseRecord, events: readonly StoredEvent[]) {
    let report: ReturnType<typeof computeDeadlines>;
    try {
      report = computeDeadlines(this.facts(record, events, this.today()));
    } catch (err) {
      if (err instanceof FactsError) {
        throw new TrackerError(422, 'impossible_sequence', err.message, { path: err.path.join('.') });
      }
      throw err;
    }
    const next: StoredDeadline[] = report.deadlines.map((d) => ({
      deadlineId: d.id,
      due: formatDate(d.due),
      kind: d.kind,
      status: d.status,
    }));
    return { report, next };
  }

  /**
   * What a new rules version moved, for the team to review: every deadline whose date differs
   * between what was stored (`before`, by date, as listDeadlines returns it) and `next`, with
   * the authority for it.
   */
  private changesOf(
    before: readonly StoredDeadline[],
    { report, next }: ReturnType<CaseService['plan']>,
  ): DeadlineChange[] {
    const old = new Map<string, string>(before.map((d) => [d.deadlineId, d.due]));
    const now = new Map<string, string>(next.map((d) => [d.deadlineId, d.due]));
    return [...new Set([...old.keys(), ...now.keys()])]
      .filter((id) => old.get(id) !== now.get(id))
      .map((id) => ({
        deadlineId: id,
        oldDue: old.get(id) ?? null,
        newDue: now.get(id) ?? null,
        authority: (
          report.deadlines.find((d) => d.id === id)?.authority ??
          DEADLINES.find((d) => d.id === id)?.authority ??
          []
        ).map((a) => citationLabel(a)),
      }));
  }

  /** Whether the stored deadlines came from another rules version, so that what moves is recorded. */
  private fromOtherRules(record: CaseRecord): boolean {
    return record.rulesVersion !== null && record.rulesVersion !== RULES_VERSION;
  }

  /** Recomputes and stores a case's deadlines; throws 422 when the events cannot all be true. */
  private async recompute(tx: Db, record: CaseRecord): Promise<void> {
    const planned = this.plan(record, await this.store.listEvents(tx, record.id));
    // A new rules version must never move a date silently: record every change for the team to review.
    if (this.fromOtherRules(record)) {
      const changes = this.changesOf(await this.store.listDeadlines(tx, record.id), planned);
      await this.store.recordDeadlineChanges(tx, record.orgId, record.id, RULES_VERSION, changes);
    }
    await this.store.replaceDeadlines(tx, record.orgId, record.id, RULES_VERSION, planned.next);
  }

  /**
   * After the rules change (a new RULES_VERSION), recomputes every case whose deadlines another
   * version computed, recording what moved. Run at start-up on PGlite and as the
   * `recompute_deadlines` job on PostgreSQL; returns how many cases were recomputed.
   *
   * Each case ends as `recompute` would leave it, with one `case.recompute` audit entry (no
   * person), and a case whose facts no longer pass is kept as it was, only marked with the rules
   * version so it is not retried forever. But a batch of cases shares one transaction and a
   * handful of statements (the cases, locked; their events; their stored deadlines; then one
   * statement each for the changes, the deadlines, the rules version and the audit), instead of
   * about ten statements per case. Batches follow each other by id (`id > last id`).
   *
   * `onProgress` is called with the number of cases done after each batch is committed; an error
   * it throws stops the run there (what is committed stays: the next run goes on from it). An
   * unexpected error on one case commits the cases before it in its batch, then stops the run,
   * as a transaction per case did.
   */
  async recomputeAll(
    options: { batchSize?: number; onProgress?: (done: number) => void } = {},
  ): Promise<number> {
    const batchSize = options.batchSize ?? 500;
    let done = 0;
    let after: string | null = null;
    // Two batches in flight: while one batch's writes run in the database, the next batch's cases
    // are read and computed here, on another connection (PGlite, one session, runs them one after
    // the other). Writes keep their order: a batch writes once the one before it has committed and
    // been reported, and stops (rolls back) if that one failed.
    let written: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const before = written;
        const from: string | null = after;
        let selected: (last: string | null) => void = () => {};
        const lastId = new Promise<string | null>((resolve) => {
          selected = resolve;
        });
        written = this.store.db
          .transaction()
          .execute((tx) => this.recomputeBatch(tx, from, batchSize, selected, before))
          .then(
            (batch) => {
              done += batch.recomputed;
              if (batch.recomputed > 0) options.onProgress?.(done);
              if (batch.failure !== undefined) throw batch.failure;
            },
            (err: unknown) => {
              selected(null);
              throw err;
            },
          );
        written.catch(() => {}); // awaited below, or in the catch
        after = await lastId;
        await before;
        if (after === null) {
          await written;
          return done;
        }
      }
    } catch (err) {
      await written.catch(() => {}); // the batch still open rolls back before this returns
      throw err;
    }
  }

  /**
   * One batch: its cases locked and read, computed, then (once `before`, the previous batch, is
   * committed) written. `selected` learns the batch's last id as soon as it is known.
   */
  private async recomputeBatch(
    tx: Db,
    after: string | null,
    limit: number,
    selected: (last: string | null) => void,
    before: Promise<void>,
  ): Promise<BatchResult> {
    const records = await this.store.lockCasesWithOtherRules(tx, RULES_VERSION, after, limit);
    selected(records.at(-1)?.id ?? null);
    if (records.length === 0) return { recomputed: 0 };
    const ids = records.map((r) => r.id);
    const events = await this.store.listEventsOf(tx, ids);
    const reviewed = records.filter((r) => this.fromOtherRules(r)).map((r) => r.id);
    const stored = await this.store.listDeadlinesOf(tx, reviewed);
    const replaced: { caseId: string; orgId: string; deadlines: StoredDeadline[] }[] = [];
    const changes: (DeadlineChange & { caseId: string; orgId: string })[] = [];
    let processed = records;
    let failure: unknown;
    for (const [i, record] of records.entries()) {
      let planned: ReturnType<CaseService['plan']>;
      try {
        planned = this.plan(record, events.get(record.id) ?? []);
      } catch (err) {
        // Facts that no longer pass: the case is kept as it was (its rules version moves, below).
        if (err instanceof TrackerError) continue;
        processed = records.slice(0, i);
        failure = err;
        break;
      }
      if (this.fromOtherRules(record)) {
        for (const change of this.changesOf(stored.get(record.id) ?? [], planned))
          changes.push({ ...change, caseId: record.id, orgId: record.orgId });
      }
      replaced.push({ caseId: record.id, orgId: record.orgId, deadlines: planned.next });
    }
    await before;
    // The same writes, in the same order, as `recompute` and its audit entry made per case.
    await this.store.recordDeadlineChangesOf(tx, RULES_VERSION, changes);
    await this.store.replaceDeadlinesOf(tx, RULES_VERSION, replaced);
    await this.store.setRulesVersion(
      tx,
      processed.map((r) => r.id),
      RULES_VERSION,
    );
    await this.store.auditMany(
      tx,
      processed.map((r) => ({ orgId: r.orgId, userId: null, caseId: r.id, action: 'case.recompute' })),
    );
    return { recomputed: processed.length, ...(failure !== undefined ? { failure } : {}) };
  }

  async deadlineChanges(actor: Actor, caseId?: string) {
    this.require(actor, caseId ? 'case.read' : 'deadlines.dashboard');
    return this.store.db.transaction().execute(async (tx) => {
      if (caseId) await this.loadCase(tx, actor, caseId);
      const changes = await this.store.deadlineChanges(tx, actor.orgId, caseId);
      await this.auditEach(tx, actor, [...new Set(changes.map((c) => c.caseId))], 'case.deadline_changes');
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
      // A list shows people's names: one audit entry per case shown, written in one statement.
      await this.auditEach(
        tx,
        actor,
        result.cases.map((c) => c.id),
        'case.list',
      );
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
      // One entry per case shown (a case may have several deadlines listed), in order of first appearance.
      await this.auditEach(tx, actor, [...new Set(rows.map((r) => r.caseId))], 'case.dashboard');
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
