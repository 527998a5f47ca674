import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  assessmentDocumentId,
  readAssessmentDocument,
  toAssessmentDocument,
  type AssessmentContent,
} from '@/domain/sync/assessment-document';
import { toResponseDocument } from '@/domain/sync/response-document';
import type { SyncShare } from '@/domain/sync/share';
import { workshopKey } from '@/domain/workshop/join-code';

import { refreshSummaries, summaryTables } from '@/storage/assessment-summaries';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { putRatings, readRating } from '@/storage/rating-sets';
import { readAssessmentContent } from '@/storage/repositories/sync-repo';
import { backOff, SyncEngine, type SyncSnapshot } from '@/sync/engine';
import { memoryDatabases, MemoryPouch } from '../../support/memory-pouch';
import { sampleResponse } from '../../support/responses';
import { seedAssessment, seedWorkshop } from '../../support/seed';

/**
 * One device (this process's Dexie database) syncing with a "server" (an in-memory PouchDB
 * database); the other devices are played by writing to the server directly.
 */

/** Sync looks for Dexie changes a second after them (engine.ts, SCAN_DELAY_MS). */
const eventually = <T>(check: () => T | Promise<T>) =>
  vi.waitFor(check, { timeout: 5000, interval: 50 });

let server: InstanceType<typeof MemoryPouch>;
let serverName: string;
let engine: SyncEngine | null = null;
let snapshots: SyncSnapshot[] = [];
let device: ReturnType<typeof memoryDatabases>;

/** Starts sync on this device (its local database kept across restarts); `offline`: the server
 * cannot be reached (the device replicates with a database nobody else sees). */
async function startDevice(offline = false, share?: SyncShare): Promise<SyncEngine> {
  const remote = offline ? `nowhere-${Math.random()}` : serverName;
  const started = new SyncEngine(device, remote, (s) => snapshots.push(s), share);
  await started.start();
  engine = started;
  return started;
}

async function serverContent(assessmentId: string): Promise<AssessmentContent | null> {
  try {
    const read = readAssessmentDocument(await server.get(assessmentDocumentId(assessmentId)));
    return read.ok ? read.value : null;
  } catch {
    return null;
  }
}

function level(content: AssessmentContent | null, criterionId: string) {
  return content?.ratings.find((r) => r.criterionId === criterionId)?.level;
}

/** Another device's edit of one rating, written to the server over the revision it knew. */
async function editOnServer(assessmentId: string, criterionId: string, change: object, at: number) {
  const doc = await server.get(assessmentDocumentId(assessmentId));
  const content = readAssessmentDocument(doc);
  if (!content.ok) throw new Error('unreadable');
  const ratings = content.value.ratings.map((r) =>
    r.criterionId === criterionId
      ? { ...r, ...change, updatedAt: at, stamps: { ...r.stamps, level: at } }
      : r,
  );
  await server.put({
    ...toAssessmentDocument({ ...content.value, ratings }),
    _rev: doc._rev,
  });
}

async function editHere(assessmentId: string, criterionId: string, change: object, at: number) {
  const db = getDb();
  await db.transaction('rw', summaryTables(db), async () => {
    const rating = await readRating(db, assessmentId, criterionId);
    await putRatings(db, [{ ...rating!, ...change, updatedAt: at, stamps: { level: at } }]);
    const assessment = await db.assessments.get(assessmentId);
    await db.assessments.put({ ...assessment!, updatedAt: at });
    await refreshSummaries(db, [assessmentId]);
  });
}

beforeEach(async () => {
  openFreshTestDatabase();
  serverName = `server-${Math.random()}`;
  server = new MemoryPouch(serverName);
  snapshots = [];
  device = memoryDatabases();
});

afterEach(async () => {
  await engine?.stop();
  engine = null;
});

describe('partnership sync', () => {
  it('sends this device’s assessments to the server, whole', async () => {
    const id = await seedAssessment(
      { systemName: 'North Shire ICS' },
      {
        'care.pcns': { level: 'developing' },
        'care.phm': { level: 'maturing' },
      },
    );
    await startDevice();
    await eventually(async () =>
      expect(level(await serverContent(id), 'care.phm')).toBe('maturing'),
    );
    const sent = await serverContent(id);
    expect(sent?.assessment.systemName).toBe('North Shire ICS');
    expect(sent?.ratings).toHaveLength(2);
    await eventually(() => expect(snapshots.at(-1)?.status.state).toBe('up-to-date'));
  });

  it('brings the partnership’s assessments to this device, and later changes to them', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'developing' } });
    const content = (await readAssessmentContent(id))!;
    await server.put(toAssessmentDocument(content));
    await getDb().delete(); // a new device: nothing stored yet
    openFreshTestDatabase();
    device = memoryDatabases();
    await startDevice();
    await eventually(async () => expect(await readAssessmentContent(id)).not.toBeNull());
    await editOnServer(id, 'care.pcns', { level: 'thriving' }, 50);
    await eventually(async () =>
      expect(level(await readAssessmentContent(id), 'care.pcns')).toBe('thriving'),
    );
    const summary = await getDb().assessmentSummaries.get(id);
    expect(summary?.assessedCount).toBe(1);
  });

  it('merges edits of different answers made on two devices', async () => {
    const id = await seedAssessment(
      {},
      {
        'care.pcns': { level: 'developing' },
        'care.phm': { level: 'developing' },
      },
    );
    const running = await startDevice();
    await eventually(async () => expect(await serverContent(id)).not.toBeNull());
    await running.stop(); // offline
    await editHere(id, 'care.pcns', { level: 'maturing' }, 100);
    await editOnServer(id, 'care.phm', { level: 'thriving' }, 200);
    await startDevice();
    await eventually(async () => {
      const here = await readAssessmentContent(id);
      const there = await serverContent(id);
      expect([level(here, 'care.pcns'), level(here, 'care.phm')]).toEqual(['maturing', 'thriving']);
      expect([level(there, 'care.pcns'), level(there, 'care.phm')]).toEqual([
        'maturing',
        'thriving',
      ]);
    });
    expect(snapshots.at(-1)?.conflicts).toEqual([]);
  });

  it('shows a true conflict with both answers, changes nothing until the user chooses', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'developing' } });
    const running = await startDevice();
    await eventually(async () => expect(await serverContent(id)).not.toBeNull());
    await running.stop();
    await editHere(id, 'care.pcns', { level: 'maturing' }, 100);
    await editOnServer(id, 'care.pcns', { level: 'thriving' }, 999);
    const again = await startDevice();
    await eventually(() => expect(snapshots.at(-1)?.conflicts).toHaveLength(1));
    const [conflict] = snapshots.at(-1)!.conflicts;
    expect(conflict!.conflicts).toEqual([
      expect.objectContaining({
        key: 'rating.care.pcns.level',
        mine: 'maturing',
        theirs: 'thriving',
      }),
    ]);
    // Neither side was overwritten, although the other edit is newer.
    expect(level(await readAssessmentContent(id), 'care.pcns')).toBe('maturing');
    expect(level(await serverContent(id), 'care.pcns')).toBe('thriving');

    expect(await again.resolve(id, { 'rating.care.pcns.level': 'theirs' })).toBe(true);
    expect(level(await readAssessmentContent(id), 'care.pcns')).toBe('thriving');
    await eventually(async () => expect(snapshots.at(-1)?.conflicts).toEqual([]));
  });

  it('merges two revisions made offline on two devices against their common ancestor', async () => {
    const id = await seedAssessment(
      {},
      {
        'care.pcns': { level: 'developing' },
        'care.phm': { level: 'developing' },
      },
    );
    const running = await startDevice();
    await eventually(async () => expect(await serverContent(id)).not.toBeNull());
    await running.stop();
    // Offline, this device edits one criterion: sync stores the new revision locally…
    const offline = await startDevice(true);
    await editHere(id, 'care.pcns', { level: 'maturing' }, 100);
    await eventually(async () => {
      const local = readAssessmentDocument(await device.local().get(assessmentDocumentId(id)));
      expect(local.ok && level(local.value, 'care.pcns')).toBe('maturing');
    });
    await offline.stop();
    // …while another device edits the other criterion from the same revision.
    await editOnServer(id, 'care.phm', { level: 'thriving' }, 200);
    await startDevice();
    await eventually(async () => {
      const there = await serverContent(id);
      expect([level(there, 'care.pcns'), level(there, 'care.phm')]).toEqual([
        'maturing',
        'thriving',
      ]);
      const doc = await server.get(assessmentDocumentId(id), { conflicts: true });
      expect(doc._conflicts ?? []).toEqual([]);
    });
  });

  it('ignores a malformed document from the server, and counts it', async () => {
    await server.put({
      _id: 'assessment:bad',
      kind: 'assessment',
      v: 1,
      assessment: { id: 'bad' },
    });
    await startDevice();
    await eventually(() => expect(snapshots.at(-1)?.rejected).toBe(1));
    expect(await readAssessmentContent('bad')).toBeNull();
  });

  it('sends only what this device shares, and keeps in step what the partnership has', async () => {
    const north = await seedAssessment({ systemName: 'North Shire ICS' }, {});
    const south = await seedAssessment({ systemName: 'South Vale' }, {});
    const fromPartner = await seedAssessment(
      { systemName: 'South Vale', title: 'Theirs' },
      { 'care.pcns': { level: 'developing' } },
    );
    await server.put(toAssessmentDocument((await readAssessmentContent(fromPartner))!));
    await startDevice(false, { kind: 'systems', systemKeys: ['north shire ics'] });
    await eventually(async () => expect(await serverContent(north)).not.toBeNull());
    await engine!.idle();
    expect(snapshots.at(-1)?.notShared).toBe(1);
    expect(await serverContent(south)).toBeNull();
    // One the partnership already has is kept in step whatever this device shares.
    await editHere(fromPartner, 'care.pcns', { level: 'maturing' }, 10);
    await eventually(async () =>
      expect(level(await serverContent(fromPartner), 'care.pcns')).toBe('maturing'),
    );
    // A new assessment of a shared system is shared; one of another system is not.
    const later = await seedAssessment({ systemName: 'north shire ics' }, {});
    const other = await seedAssessment({ systemName: 'West Moor' }, {});
    await eventually(async () => expect(await serverContent(later)).not.toBeNull());
    await engine!.idle();
    expect(await serverContent(other)).toBeNull();
    expect(await serverContent(south)).toBeNull();
    expect(snapshots.at(-1)?.notShared).toBe(2);
  });

  it('brings in participants’ responses to a workshop hosted here, by invitation or by code', async () => {
    const workshopId = await seedWorkshop(await seedAssessment({}, {}));
    const response = (workshop: string, id: string, level: 'maturing' | 'thriving', at: string) =>
      sampleResponse({
        workshopId: workshop,
        participantId: id,
        level,
        submittedAt: at,
        // Out of the workshop's scope: left out.
        extra: [{ criterionId: 'leadership.shared-vision', level, note: '' }],
      });
    await server.bulkDocs([
      toResponseDocument(response(workshopId, 'p-file', 'maturing', '2020-01-01T10:00:00.000Z')),
      toResponseDocument(
        response(workshopKey(workshopId), 'p-code', 'thriving', '2020-01-01T10:01:00.000Z'),
      ),
      // Another device's workshop: not this device's business.
      toResponseDocument(response('someone-elses', 'p-x', 'thriving', '2020-01-01T10:02:00.000Z')),
      { _id: 'response:broken:p', kind: 'workshop-response', v: 1, response: { type: 'x' } },
    ]);
    await startDevice();
    await eventually(async () =>
      expect(await getDb().individualRatings.where('workshopId').equals(workshopId).count()).toBe(
        2,
      ),
    );
    const stored = await getDb().individualRatings.where('workshopId').equals(workshopId).toArray();
    expect(stored.map((r) => [r.participantId, r.criterionId, r.level]).sort()).toEqual([
      ['p-code', 'care.pcns', 'thriving'],
      ['p-file', 'care.pcns', 'maturing'],
    ]);
    await engine!.idle();
    expect(snapshots.at(-1)).toMatchObject({ responsesReceived: 2, rejected: 1 });
    expect(await getDb().participants.get('p-x')).toBeUndefined();

    // A participant changes their mind and sends again: the newer response replaces theirs.
    const doc = await server.get('response:' + workshopId + ':p-file');
    await server.put({
      ...toResponseDocument(response(workshopId, 'p-file', 'thriving', '2020-01-01T10:05:00.000Z')),
      _rev: doc._rev,
    });
    await eventually(async () =>
      expect(
        (await getDb().individualRatings.get([workshopId, 'p-file', 'care.pcns']))?.level,
      ).toBe('thriving'),
    );
  });

  it('sends this device’s own response for the facilitator', async () => {
    await startDevice();
    const response = sampleResponse({ workshopId: 'their-workshop', participantId: 'me' });
    await engine!.sendResponse(response);
    await engine!.sendResponse({ ...response, submittedAt: '2020-01-01T11:00:00.000Z' });
    await eventually(async () =>
      expect((await server.get('response:their-workshop:me')).response).toMatchObject({
        submittedAt: '2020-01-01T11:00:00.000Z',
        ratings: [{ criterionId: 'care.pcns', level: 'maturing', note: 'Why' }],
      }),
    );
  });

  it('backs off to at most 30 s between retries', () => {
    expect(backOff(0)).toBe(1000);
    expect(backOff(1000)).toBe(2000);
    expect(backOff(20_000)).toBe(30_000);
    expect(backOff(30_000)).toBe(30_000);
  });
});
