import {
  assessmentDocumentId,
  assessmentIdOfDocument,
  readAssessmentDocument,
  sameContent,
  toAssessmentDocument,
  type AssessmentContent,
} from '@/domain/sync/assessment-document';
import { mergeAssessments, type FieldConflict, type Side } from '@/domain/sync/merge-assessment';
import {
  isResponseDocumentId,
  responseDocumentId,
  responseTextOfDocument,
  toResponseDocument,
} from '@/domain/sync/response-document';
import { SHARE_ALL, sharesAssessment, type SyncShare } from '@/domain/sync/share';
import { allCriteria } from '@/domain/framework/lookups';
import { readResponse, type ResponseFile } from '@/domain/workshop/response-file';
import { loadFramework } from '@/lib/load-framework';
import { deleteAssessment } from '@/storage/repositories/assessments-repo';
import { importResponses } from '@/storage/repositories/workshops-repo';
import {
  assessmentVersions,
  findHostedWorkshop,
  onStoredDataChanged,
  readAssessmentContent,
  writeSyncedAssessment,
} from '@/storage/repositories/sync-repo';
import type { SyncDatabase, SyncDatabaseFactory, SyncDocument, Replication } from './pouch';

/**
 * Partnership sync: keeps this device's assessments (in Dexie, the app's store) and a
 * partnership's CouchDB database in step, through a PouchDB database on this device that
 * replicates with the server (CouchDB's own protocol, live, retrying while offline).
 *
 * For each assessment, `reconcile` brings three versions together: the one in Dexie, the one in
 * the local PouchDB (the latest from the partnership), and the base, the last version both agreed
 * on (kept in a `_local` document, never replicated). Changed on one side only: that side wins.
 * Changed on both: `mergeAssessments` merges field by field, and a field changed on both sides
 * is a conflict the user settles (`resolve`); nothing is decided by which edit came last. When
 * two devices edit offline, CouchDB keeps both revisions; `reconcile` merges them against their
 * common ancestor in the same way.
 */

export type SyncState =
  | { state: 'starting' }
  | { state: 'syncing' }
  | { state: 'up-to-date'; at: number }
  | { state: 'offline'; since: number }
  | { state: 'refused'; reason: 'sign-in' | 'forbidden' | 'not-found' };

export type SyncConflict = {
  assessmentId: string;
  frameworkId: string;
  frameworkVersion: string;
  systemName: string;
  title: string;
  asAt: string;
  conflicts: FieldConflict[];
};

export type SyncSnapshot = {
  status: SyncState;
  /** Assessments changed on this device and not yet on the server. */
  pending: number;
  lastSyncedAt: number | null;
  conflicts: SyncConflict[];
  /** Documents from the server that failed validation and were ignored. */
  rejected: number;
  /** This device's own assessments that what it shares leaves out (never sent). */
  notShared: number;
  /** Participants' responses to workshops hosted here, brought in from the partnership. */
  responsesReceived: number;
};

type Pending = {
  view: SyncConflict;
  base: AssessmentContent | null;
  mine: AssessmentContent;
  theirs: AssessmentContent;
};

type BaseDoc = { _id: string; _rev?: string; content: AssessmentContent };

const baseId = (assessmentId: string) => `_local/base:${assessmentId}`;

/**
 * How long after a change in Dexie sync looks for what changed: typing saves every 250 ms, and
 * each look can make a new revision to replicate, so a pause in typing makes one, not ten.
 */
const SCAN_DELAY_MS = 1000;

/** Retry the server at most every 30 s while it cannot be reached. */
export function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 30_000);
}

export class SyncEngine {
  private local: SyncDatabase | null = null;
  private replication: Replication | null = null;
  private stopFeed: (() => void) | null = null;
  private stopWatch: (() => void) | null = null;
  private readonly queue = new Set<string>();
  private working: Promise<void> | null = null;
  private versions = new Map<string, number>();
  private scanTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pendingIds = new Set<string>();
  private readonly conflicts = new Map<string, Pending>();
  private readonly rejectedIds = new Set<string>();
  private readonly notSharedIds = new Set<string>();
  private readonly responseQueue = new Set<string>();
  private responsesReceived = 0;
  private status: SyncState = { state: 'starting' };
  private lastSyncedAt: number | null = null;
  private stopped = false;
  private readonly onOnline = () => this.restartReplication();

  constructor(
    private readonly open: SyncDatabaseFactory,
    private readonly remoteUrl: string,
    private readonly onChange: (snapshot: SyncSnapshot) => void,
    private readonly share: SyncShare = SHARE_ALL,
  ) {}

  snapshot(): SyncSnapshot {
    return {
      status: this.status,
      pending: this.pendingIds.size,
      lastSyncedAt: this.lastSyncedAt,
      conflicts: [...this.conflicts.values()].map((c) => c.view),
      rejected: this.rejectedIds.size,
      notShared: this.notSharedIds.size,
      responsesReceived: this.responsesReceived,
    };
  }

  private publish(): void {
    if (!this.stopped) this.onChange(this.snapshot());
  }

  async start(): Promise<void> {
    this.local = this.open.local();
    const feed = this.local.changes({ since: 'now', live: true });
    feed.on('change', (change: { id: string }) => {
      if (isResponseDocumentId(change.id)) return this.scheduleResponse(change.id);
      const id = assessmentIdOfDocument(change.id);
      if (id) this.schedule(id);
    });
    this.stopFeed = () => feed.cancel();
    this.stopWatch = onStoredDataChanged(() => this.scanSoon());
    globalThis.addEventListener?.('online', this.onOnline);
    // Everything on either side is reconciled once; after that, only what changes.
    this.versions = await assessmentVersions();
    const docs = await this.local.allDocs({ startkey: 'assessment:', endkey: 'assessment:\uffff' });
    const ids = new Set(this.versions.keys());
    for (const row of docs.rows) {
      const id = assessmentIdOfDocument(row.id);
      if (id) ids.add(id);
    }
    for (const id of ids) this.schedule(id);
    const responses = await this.local.allDocs({
      startkey: 'response:',
      endkey: 'response:\uffff',
    });
    for (const row of responses.rows) this.scheduleResponse(row.id);
    this.startReplication();
    this.publish();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.stopWatch?.();
    this.stopFeed?.();
    this.replication?.cancel();
    await this.working;
    await this.local?.close();
  }

  /** Waits until every queued assessment is reconciled (for tests and the status line). */
  async idle(): Promise<void> {
    while (this.working) await this.working;
  }

  private startReplication(): void {
    if (!this.local || this.stopped) return;
    const remote = this.open.remote(this.remoteUrl);
    const replication = this.local.sync(remote, {
      live: true,
      retry: true,
      back_off_function: backOff,
    });
    this.replication = replication;
    replication
      .on('active', () => this.setStatus({ state: 'syncing' }))
      .on('change', () => this.publish())
      .on('paused', (error?: unknown) => {
        if (error) this.failed(error);
        else {
          this.lastSyncedAt = Date.now();
          this.pendingIds.clear();
          this.setStatus({ state: 'up-to-date', at: this.lastSyncedAt });
        }
      })
      .on('denied', (error: unknown) => this.failed(error))
      .on('error', (error: unknown) => this.failed(error));
  }

  /** After the network returns, try at once rather than at the end of the back-off. */
  private restartReplication(): void {
    if (this.stopped) return;
    this.replication?.cancel();
    this.startReplication();
  }

  private failed(error: unknown): void {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401) this.setStatus({ state: 'refused', reason: 'sign-in' });
    else if (status === 403) this.setStatus({ state: 'refused', reason: 'forbidden' });
    else if (status === 404) this.setStatus({ state: 'refused', reason: 'not-found' });
    else if (this.status.state !== 'offline')
      this.setStatus({ state: 'offline', since: Date.now() });
  }

  private setStatus(status: SyncState): void {
    this.status = status;
    this.publish();
  }

  private scanSoon(): void {
    if (this.scanTimer || this.stopped) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = null;
      void this.scan();
    }, SCAN_DELAY_MS);
  }

  /** Finds the assessments changed (or deleted) in Dexie since the last look. */
  private async scan(): Promise<void> {
    const versions = await assessmentVersions();
    for (const [id, version] of versions) if (this.versions.get(id) !== version) this.schedule(id);
    for (const id of this.versions.keys()) if (!versions.has(id)) this.schedule(id);
    this.versions = versions;
  }

  private schedule(assessmentId: string): void {
    if (this.stopped) return;
    this.queue.add(assessmentId);
    this.drainSoon();
  }

  private scheduleResponse(documentId: string): void {
    if (this.stopped) return;
    this.responseQueue.add(documentId);
    this.drainSoon();
  }

  /** One drain at a time works through both queues; a change queued meanwhile joins it. */
  private drainSoon(): void {
    this.working ??= this.drain().finally(() => {
      this.working = null;
      this.publish();
    });
  }

  private async drain(): Promise<void> {
    while ((this.queue.size > 0 || this.responseQueue.size > 0) && !this.stopped) {
      const [id] = this.queue.size > 0 ? this.queue : this.responseQueue;
      const isResponse = this.queue.size === 0;
      (isResponse ? this.responseQueue : this.queue).delete(id!);
      try {
        await (isResponse ? this.importResponse(id!) : this.reconcile(id!));
      } catch (error) {
        // A failed write (disk full, a closed database) leaves both sides as they were; the
        // next change retries. Never thrown into the app.
        console.error('Sync could not bring in a change', error);
      }
    }
  }

  /**
   * A participant's device sends its response to a workshop (the facilitator's device, syncing
   * with the same partnership, brings it in). Replaces the participant's earlier one for the
   * same round.
   */
  async sendResponse(response: ResponseFile): Promise<void> {
    if (!this.local) throw new Error('Sync has not started');
    const current = await this.getDoc(responseDocumentId(response));
    await this.local.put({
      ...toResponseDocument(response),
      ...(current ? { _rev: current._rev } : {}),
    });
    this.pendingIds.add(responseDocumentId(response));
    this.publish();
  }

  /**
   * A response document: if it is for a workshop hosted on this device, it is checked exactly as
   * a response file is (readResponse) and merged with the same idempotent import, so files and
   * synced responses mix freely. Others' workshops' responses are left alone; a malformed one is
   * counted in `rejected`.
   */
  private async importResponse(documentId: string): Promise<void> {
    const doc = await this.getDoc(documentId);
    if (!doc) return;
    const text = responseTextOfDocument(doc);
    if (text === null) {
      this.rejectedIds.add(documentId);
      return;
    }
    this.rejectedIds.delete(documentId);
    const response = JSON.parse(text) as ResponseFile;
    const hosted = await findHostedWorkshop(response.workshop.id);
    if (!hosted) return;
    const framework = await loadFramework(hosted.frameworkId, hosted.frameworkVersion);
    const read = readResponse(text, {
      id: hosted.workshop.id,
      frameworkId: hosted.frameworkId,
      frameworkVersion: hosted.frameworkVersion,
      criterionIds: new Set(hosted.workshop.criterionIds),
      frameworkCriterionIds: new Set(allCriteria(framework).map((c) => c.id)),
    });
    if (!read.ok) {
      this.rejectedIds.add(documentId);
      return;
    }
    const [outcome] = await importResponses(hosted.workshop.id, [read.value]);
    if (outcome === 'added' || outcome === 'replaced-older') this.responsesReceived += 1;
  }

  private async getDoc(id: string, options: object = {}): Promise<SyncDocument | null> {
    try {
      return await this.local!.get(id, options);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  private async putDoc(content: AssessmentContent, rev: string | undefined): Promise<void> {
    await this.local!.put({ ...toAssessmentDocument(content), ...(rev ? { _rev: rev } : {}) });
    this.pendingIds.add(content.assessment.id);
  }

  private async setBase(content: AssessmentContent | null, assessmentId: string): Promise<void> {
    const current = (await this.getDoc(baseId(assessmentId))) as BaseDoc | null;
    if (content === null) {
      if (current) await this.local!.remove(current as SyncDocument);
      return;
    }
    if (current && sameContent(current.content, content)) return;
    await this.local!.put({ _id: baseId(assessmentId), _rev: current?._rev, content });
  }

  /** The content of a document, or null (and counted) when it fails validation. */
  private contentOf(doc: SyncDocument): AssessmentContent | null {
    const read = readAssessmentDocument(doc);
    if (read.ok) {
      this.rejectedIds.delete(doc._id);
      return read.value;
    }
    this.rejectedIds.add(doc._id);
    return null;
  }

  /**
   * Two revisions made offline on two devices: merges them against their common ancestor (kept
   * on this device) and writes the result over the winner, or records a conflict. Returns the
   * document to carry on with, or null when a conflict waits for the user.
   */
  private async mergeRevisions(
    winner: SyncDocument,
    mine: AssessmentContent | null,
  ): Promise<SyncDocument | null> {
    const docId = winner._id;
    const leaves = await Promise.all(
      [winner._rev, ...(winner._conflicts ?? [])].map((rev) =>
        this.local!.get(docId, { rev, revs: true }),
      ),
    );
    const readable = leaves
      .map((leaf) => ({ leaf, content: this.contentOf(leaf) }))
      .filter((l): l is { leaf: SyncDocument; content: AssessmentContent } => l.content !== null);
    if (readable.length === 0) return winner;
    // This device's own version goes first, so a conflict shows it as "this device".
    readable.sort(
      (a, b) =>
        Number(mine !== null && sameContent(b.content, mine)) -
        Number(mine !== null && sameContent(a.content, mine)),
    );
    let merged = readable[0]!.content;
    for (const { leaf, content } of readable.slice(1)) {
      const base = await this.ancestorContent(readable[0]!.leaf, leaf);
      const result = mergeAssessments(base, merged, content);
      if (result.unresolved > 0) {
        this.recordConflict(base, merged, content, result.conflicts);
        return null;
      }
      merged = result.merged;
    }
    const losers = leaves.filter((leaf) => leaf._rev !== winner._rev);
    const changed = !sameContent(merged, this.contentOf(winner) ?? merged);
    await this.local!.bulkDocs([
      ...(changed ? [{ ...toAssessmentDocument(merged), _rev: winner._rev }] : []),
      ...losers.map((leaf) => ({ _id: docId, _rev: leaf._rev, _deleted: true })),
    ]);
    if (changed) this.pendingIds.add(merged.assessment.id);
    return this.getDoc(docId);
  }

  private async ancestorContent(
    a: SyncDocument,
    b: SyncDocument,
  ): Promise<AssessmentContent | null> {
    const history = (doc: SyncDocument) =>
      (doc._revisions?.ids ?? []).map((hash, i) => `${doc._revisions!.start - i}-${hash}`);
    const theirs = new Set(history(b));
    const common = history(a).find((rev) => theirs.has(rev));
    if (!common) return null;
    try {
      const read = readAssessmentDocument(await this.local!.get(a._id, { rev: common }));
      return read.ok ? read.value : null;
    } catch {
      return null; // the ancestor's body is not on this device
    }
  }

  private recordConflict(
    base: AssessmentContent | null,
    mine: AssessmentContent,
    theirs: AssessmentContent,
    conflicts: FieldConflict[],
  ): void {
    const { id, systemName, title, asAt, frameworkId, frameworkVersion } = mine.assessment;
    this.conflicts.set(id, {
      base,
      mine,
      theirs,
      view: { assessmentId: id, frameworkId, frameworkVersion, systemName, title, asAt, conflicts },
    });
  }

  private async reconcile(assessmentId: string): Promise<void> {
    const docId = assessmentDocumentId(assessmentId);
    const mine = await readAssessmentContent(assessmentId);
    let winner = await this.getDoc(docId, { conflicts: true });
    this.conflicts.delete(assessmentId);
    this.notSharedIds.delete(assessmentId);
    if (winner?._conflicts?.length) {
      winner = await this.mergeRevisions(winner, mine);
      if (!winner) return;
    }
    const baseDoc = (await this.getDoc(baseId(assessmentId))) as BaseDoc | null;
    const base = baseDoc?.content ?? null;
    const theirs = winner ? this.contentOf(winner) : null;
    if (winner && !theirs) return; // unreadable: ignored, counted in `rejected`

    if (!mine && !theirs) return this.setBase(null, assessmentId);
    if (!mine) {
      // Deleted here since the last sync: delete it for the partnership too (an edit made
      // meanwhile on another device survives: CouchDB prefers a kept revision to a deletion).
      if (base && winner && sameContent(base, theirs!)) {
        await this.local!.remove(winner);
        this.pendingIds.add(assessmentId);
        return this.setBase(null, assessmentId);
      }
      if ((await writeSyncedAssessment(theirs!, null)) === 'written')
        await this.setBase(theirs, assessmentId);
      else this.schedule(assessmentId);
      return;
    }
    if (!theirs) {
      if (base && sameContent(base, mine)) {
        // Deleted on another device, unchanged here: delete it here too.
        await deleteAssessment(assessmentId);
        return this.setBase(null, assessmentId);
      }
      if (!base && !sharesAssessment(this.share, mine.assessment)) {
        // Never shared, and outside what this device shares: it stays on this device.
        this.notSharedIds.add(assessmentId);
        return;
      }
      await this.putDoc(mine, undefined);
      return this.setBase(mine, assessmentId);
    }
    if (sameContent(mine, theirs)) return this.setBase(mine, assessmentId);

    const result = mergeAssessments(base, mine, theirs);
    if (result.unresolved > 0) {
      this.recordConflict(base, mine, theirs, result.conflicts);
      return;
    }
    await this.apply(result.merged, mine, theirs, winner!._rev);
  }

  /** Writes a merged version to both sides (where it differs) and makes it the new base. */
  private async apply(
    merged: AssessmentContent,
    mine: AssessmentContent,
    theirs: AssessmentContent,
    rev: string,
  ): Promise<void> {
    const id = merged.assessment.id;
    if (!sameContent(merged, mine)) {
      if ((await writeSyncedAssessment(merged, mine)) === 'changed-meanwhile') {
        this.schedule(id); // typed meanwhile: merge again with the newer answers
        return;
      }
    }
    if (!sameContent(merged, theirs)) await this.putDoc(merged, rev);
    await this.setBase(merged, id);
  }

  /** Settles a conflict with the user's choice for each field, then syncs the result. */
  async resolve(assessmentId: string, choices: Readonly<Record<string, Side>>): Promise<boolean> {
    const pending = this.conflicts.get(assessmentId);
    if (!pending || !this.local) return false;
    const result = mergeAssessments(pending.base, pending.mine, pending.theirs, choices);
    if (result.unresolved > 0) return false;
    const winner = await this.getDoc(assessmentDocumentId(assessmentId), { conflicts: true });
    const current = await readAssessmentContent(assessmentId);
    if (!current || !sameContent(current, pending.mine)) {
      this.schedule(assessmentId); // changed meanwhile: look again
      return false;
    }
    if ((await writeSyncedAssessment(result.merged, pending.mine)) === 'changed-meanwhile') {
      this.schedule(assessmentId);
      return false;
    }
    await this.local.bulkDocs([
      { ...toAssessmentDocument(result.merged), ...(winner ? { _rev: winner._rev } : {}) },
      ...(winner?._conflicts ?? []).map((rev) => ({
        _id: winner!._id,
        _rev: rev,
        _deleted: true,
      })),
    ]);
    this.pendingIds.add(assessmentId);
    await this.setBase(result.merged, assessmentId);
    this.conflicts.delete(assessmentId);
    this.publish();
    return true;
  }
}
