import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBackup,
  NO_WORKSHOPS,
  readBackup,
  type Backup,
  type BackupData,
  type BackupProblem,
} from '@/domain/backup/backup-format';
import type { ConflictChoice } from '@/domain/backup/import-plan';
import type { StatusChange } from '@/domain/assessment-status';
import { canonical } from '@/domain/canonical';
import { LEVEL_IDS } from '@/domain/levels';
import { encryptText } from '@/lib/encryption';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { KNOWN_FRAMEWORKS } from '../../../../support/framework';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import {
  addParticipant,
  createWorkshop,
  recordAgreement,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import {
  checkBackup,
  openBackupFile,
  planCounts,
  restoreBackup,
  unlockBackup,
  type RestoreStep,
} from '@/features/backup/lib/restore';

/**
 * The restore use case, step by step, against a real (fake-indexeddb) database: the functions the
 * backup screen calls, with the frameworks the app ships (loaded as the screen loads them).
 */
const dir = (folder: string): URL =>
  new URL(`../../../../fixtures/backups/${folder}/`, import.meta.url);
const files = (folder: string): [string, string][] =>
  readdirSync(dir(folder))
    .sort()
    .map((name) => [name, readFileSync(new URL(name, dir(folder)), 'utf8')]);
const fixture = (name: string): string => readFileSync(new URL(name, dir('valid')), 'utf8');
const northshire = fixture('northshire-2021.json');
const APP = { name: 'ICS Maturity', version: 'test' };

/**
 * Each test reads and writes a database; on a loaded 2-core machine one can take several seconds
 * (the first also loads the framework), so the default 5 s is not enough.
 */
const DB_TEST_TIMEOUT = 30_000;

const asFile = (text: string, name = 'backup.json'): File => new File([text], name);

/** A valid backup's records. */
async function dataOf(text: string): Promise<BackupData> {
  const step = await checkBackup(text);
  if (step.kind !== 'preview') throw new Error(`fixture refused: ${JSON.stringify(step)}`);
  return step.backup.data;
}

/** The file a backup of `data` would be. */
const fileOf = (data: BackupData): string =>
  JSON.stringify(createBackup(data, 'all', APP, new Date('2021-03-01T00:00:00Z')));

/** Expects the step to be a preview and gives it. */
function previewOf(step: RestoreStep): Extract<RestoreStep, { kind: 'preview' }> {
  if (step.kind !== 'preview') throw new Error(`expected a preview, got ${JSON.stringify(step)}`);
  return step;
}

/** The whole walk for a plain file, as the screen takes it: open, preview, restore. */
async function restoreText(text: string, choice: ConflictChoice = 'keep-newer') {
  const step = await openBackupFile(asFile(text));
  if (step.kind !== 'preview') return step;
  const restored = await restoreBackup(step.backup, choice);
  if (!restored.ok) throw new Error(restored.problem);
  return { ...step, plan: restored.value.plan, count: restored.value.count };
}

async function seed(): Promise<void> {
  await restoreText(northshire);
}

beforeEach(() => {
  openFreshTestDatabase();
});

describe('opening a file', { timeout: DB_TEST_TIMEOUT }, () => {
  const expected: Record<string, BackupProblem['code']> = {
    'array.json': 'not-a-backup',
    'blank-system-name.json': 'invalid',
    'dangling-rating.json': 'dangling-rating',
    'dangling-workshop.json': 'dangling-record',
    'data-link.json': 'invalid',
    'date-after-2100.json': 'invalid',
    'date-before-2000.json': 'invalid',
    'duplicate-evidence-id.json': 'duplicate',
    'duplicate-assessment.json': 'duplicate',
    'empty.json': 'not-json',
    'future-version.json': 'newer-version',
    'huge-system-name.json': 'invalid',
    'javascript-link.json': 'invalid',
    'level-as-number.json': 'invalid',
    'level-outside-scale.json': 'invalid',
    'malformed.json': 'not-json',
    'missing-field.json': 'invalid',
    'missing-ratings.json': 'invalid',
    'null.json': 'not-a-backup',
    'rating-of-absent-participant.json': 'dangling-record',
    'response-file-dated-9999.json': 'invalid',
    'stamp-in-2100.json': 'invalid',
    'unknown-agreement-criterion.json': 'unknown-criterion',
    'unknown-criterion.json': 'unknown-criterion',
    'unknown-framework-version.json': 'unknown-framework',
    'updated-at-past-js-dates.json': 'invalid',
    'wrong-type-field.json': 'invalid',
    'wrong-type.json': 'not-a-backup',
  };

  it('covers every file in the corpus', () => {
    expect(files('invalid').map(([name]) => name)).toEqual(Object.keys(expected).sort());
  });

  it.each(files('invalid'))(
    '%s is refused with a specific reason and changes nothing',
    async (name, text) => {
      await seed();
      const before = await readBackupData();
      const step = await openBackupFile(asFile(text, name));
      expect(step).toMatchObject({ kind: 'refused', problem: { code: expected[name] } });
      expect(await readBackupData()).toEqual(before);
    },
  );

  it('refuses a file over 25 MB without reading it', async () => {
    let read = false;
    const file = {
      name: 'huge.json',
      size: 25 * 1024 * 1024 + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    };
    const stages: string[] = [];
    const step = await openBackupFile(file, { onProgress: (p) => stages.push(p.stage) });
    expect(step).toEqual({
      kind: 'refused',
      problem: { code: 'too-large', bytes: 25 * 1024 * 1024 + 1 },
    });
    expect(read).toBe(false);
    expect(stages).toEqual([]);
  });

  it('refuses 50 MB of text without parsing it, and survives 10,000-deep nesting', async () => {
    await seed();
    const before = await readBackupData();
    const huge = `{"type":"ics-maturity-backup","padding":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(await checkBackup(huge)).toMatchObject({
      kind: 'refused',
      problem: { code: 'too-large' },
    });
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(await openBackupFile(asFile(deep))).toMatchObject({
      kind: 'refused',
      problem: { code: 'not-a-backup' },
    });
    const deepField = northshire.replace(
      '"scope": "all"',
      `"scope": "all", "extra": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    );
    expect((await restoreText(deepField)).kind).toBe('preview');
    expect(await readBackupData()).toEqual(before);
  }, 30_000);

  it('previews a valid file against this device before anything is written, saying each stage in order', async () => {
    const stages: string[] = [];
    const step = previewOf(
      await openBackupFile(asFile(northshire), { onProgress: (p) => stages.push(p.stage) }),
    );
    expect(stages).toEqual(['reading', 'checking', 'comparing']);
    expect(step.preview.added).toHaveLength(2);
    expect(step.local.assessments).toEqual([]);
    expect((await readBackupData()).assessments).toEqual([]);
  });
});

describe('parsing once', { timeout: DB_TEST_TIMEOUT }, () => {
  /** How many times JSON.parse was given this very text while `run` ran. */
  async function parsesOf(text: string, run: () => Promise<unknown>): Promise<number> {
    const spy = vi.spyOn(JSON, 'parse');
    try {
      await run();
      return spy.mock.calls.filter(([arg]) => arg === text).length;
    } finally {
      spy.mockRestore();
    }
  }

  it('parses a plain file once, from choosing it to its preview', async () => {
    expect(await parsesOf(northshire, () => openBackupFile(asFile(northshire)))).toBe(1);
  });

  it('parses a protected file once to recognise it, and a file that is not JSON at most once', async () => {
    const text = JSON.stringify(await encryptText(northshire, 'correct horse battery', 1_000));
    expect(await parsesOf(text, () => openBackupFile(asFile(text)))).toBe(1);
    const cut = text.slice(0, 200);
    let step: RestoreStep | undefined;
    expect(await parsesOf(cut, async () => (step = await openBackupFile(asFile(cut))))).toBe(1);
    expect(step).toEqual({ kind: 'damaged' });
  });

  it("takes the file's size from the file: a text within it is never encoded to count its bytes", async () => {
    const file = asFile(northshire);
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    try {
      previewOf(await openBackupFile(file));
      expect(encode.mock.calls.filter(([arg]) => arg === northshire)).toEqual([]);
    } finally {
      encode.mockRestore();
    }
  });
});

describe('a password-protected file', { timeout: DB_TEST_TIMEOUT }, () => {
  const PASSWORD = 'correct horse battery';
  const FAST = 1_000;

  it('asks for the password, says when it is wrong, and opens with the right one', async () => {
    const text = JSON.stringify(await encryptText(northshire, PASSWORD, FAST));
    const locked = await openBackupFile(asFile(text));
    expect(locked).toEqual({ kind: 'locked', text, problem: null });
    expect(await unlockBackup(text, 'not the password')).toEqual({
      kind: 'locked',
      text,
      problem: 'wrong-password',
    });
    const step = previewOf(await unlockBackup(text, PASSWORD));
    expect(step.preview.added).toHaveLength(2);
    const restored = await restoreBackup(step.backup, 'keep-newer');
    expect(restored).toMatchObject({ ok: true, value: { count: 2 } });
    expect((await readBackupData()).assessments).toHaveLength(2);
  });

  it('is damaged when cut short, and a protected invalid backup is refused once opened', async () => {
    const text = JSON.stringify(await encryptText(northshire, PASSWORD, FAST));
    expect(await openBackupFile(asFile(text.slice(0, text.length - 40)))).toEqual({
      kind: 'damaged',
    });
    const invalid = JSON.stringify(await encryptText('{"type":"nothing"}', PASSWORD, FAST));
    expect(await unlockBackup(invalid, PASSWORD)).toEqual({
      kind: 'refused',
      problem: { code: 'not-a-backup' },
    });
  });
});

describe('restoring', { timeout: DB_TEST_TIMEOUT }, () => {
  it('imports script and HTML in text fields as plain text, unchanged', async () => {
    expect((await restoreText(fixture('html-everywhere.json'))).kind).toBe('preview');
    const data = await readBackupData();
    expect(
      data.assessments.some((a) => a.systemName.startsWith('<img src=x onerror=alert(1)>')),
    ).toBe(true);
  });

  it('writes by the rule chosen after the preview: keep newer, keep both or skip', async () => {
    await seed();
    const local = await readBackupData();
    const incoming = structuredClone(local);
    const id = incoming.assessments[0]!.id;
    incoming.assessments[0] = {
      ...incoming.assessments[0]!,
      title: 'Newer title',
      updatedAt: local.assessments[0]!.updatedAt + 1_000,
    };
    const step = previewOf(await checkBackup(fileOf(incoming)));
    expect(step.preview.conflicts.map((c) => c.id)).toEqual([id]);
    expect(planCounts(step, 'skip').counts.assessments).toEqual({
      added: 0,
      replaced: 0,
      kept: 1,
    });
    expect(planCounts(step, 'keep-both').counts.assessments).toEqual({
      added: 1,
      replaced: 0,
      kept: 0,
    });

    expect(await restoreBackup(step.backup, 'skip')).toMatchObject({
      ok: true,
      value: { count: 0 },
    });
    expect(await readBackupData()).toEqual(local);

    let n = 0;
    const both = await restoreBackup(step.backup, 'keep-both', undefined, () => `copy-${++n}`);
    expect(both).toMatchObject({ ok: true, value: { count: 1 } });
    const afterBoth = await readBackupData();
    expect(afterBoth.assessments).toHaveLength(local.assessments.length + 1);
    expect(afterBoth.assessments.find((a) => a.id === id)?.title).toBe(local.assessments[0]!.title);
    expect(afterBoth.assessments.find((a) => a.id === 'copy-1')?.title).toBe('Newer title');

    expect(await restoreBackup(step.backup, 'keep-newer')).toMatchObject({
      ok: true,
      value: { count: 1 },
    });
    expect((await readBackupData()).assessments.find((a) => a.id === id)?.title).toBe(
      'Newer title',
    );
  });

  it('plans against this device as it is when Restore is pressed, not as it was at the preview', async () => {
    const step = previewOf(await checkBackup(northshire));
    expect(step.preview.added).toHaveLength(2);
    await seed();
    const progress: [number, number][] = [];
    const restored = await restoreBackup(step.backup, 'keep-newer', ({ done, total }) =>
      progress.push([done, total]),
    );
    expect(restored).toMatchObject({ ok: true, value: { count: 0 } });
    expect(progress.at(-1)).toEqual([0, 0]);
  });

  it('writes all or nothing: a record storage refuses undoes the whole restore', async () => {
    await seed();
    const before = await readBackupData();
    const backup = previewOf(await checkBackup(northshire)).backup;
    const broken: Backup = structuredClone(backup);
    broken.data.assessments = [
      { ...backup.data.assessments[0]!, id: 'new-one', title: 'Would be added' },
      // Not a valid IndexedDB key: the put fails inside the transaction.
      { ...backup.data.assessments[1]!, id: {} as unknown as string },
    ];
    broken.data.ratings = [];
    expect(await restoreBackup(broken, 'keep-newer')).toEqual({
      ok: false,
      problem: 'write-failed',
    });
    expect(await readBackupData()).toEqual(before);
  });

  it('a full device writes nothing and says storage is full, not that the file is at fault', async () => {
    await seed();
    const before = await readBackupData();
    const backup = previewOf(await checkBackup(northshire)).backup;
    const incoming: Backup = structuredClone(backup);
    incoming.data.assessments = incoming.data.assessments.map((a) => ({ ...a, id: `${a.id}-2` }));
    incoming.data.ratings = incoming.data.ratings.map((r) => ({
      ...r,
      assessmentId: `${r.assessmentId}-2`,
    }));
    // The browser's quota, reached at the ratings (after the assessments were put).
    const ratings = getDb().ratingSets;
    const full = vi
      .spyOn(ratings, 'bulkPut')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    try {
      expect(await restoreBackup(incoming, 'keep-newer')).toEqual({
        ok: false,
        problem: 'storage-full',
      });
    } finally {
      full.mockRestore();
    }
    expect(await readBackupData()).toEqual(before);
  });

  it('keeps a workshop with its assessment: round trip, keep both under new ids, replace when newer', async () => {
    const text = fixture('workshop-2019.json');
    const data = await dataOf(text);
    expect(data.workshops).toHaveLength(1);
    await restoreText(text);
    // Compared table by table as sets: the export sorts rows by key, the fixture need not.
    const asSets = (d: BackupData) =>
      Object.fromEntries(Object.entries(d).map(([k, rows]) => [k, rows.map(canonical).sort()]));
    expect(asSets(await readBackupData())).toEqual(asSets(data));

    // The same file again is identical; an edited copy is a conflict, and "keep both" copies
    // the workshop under new ids so nothing collides with the original.
    expect(previewOf(await checkBackup(text)).preview).toMatchObject({
      identical: 1,
      conflicts: [],
    });
    const edited = structuredClone(data);
    edited.agreements[0]!.dissent = 'Changed on another laptop';
    edited.assessments[0]!.updatedAt += 1;
    const step = previewOf(await checkBackup(fileOf(edited)));
    expect(step.preview.identical).toBe(0);
    expect(step.preview.conflicts).toHaveLength(1);
    expect((await restoreBackup(step.backup, 'keep-both')).ok).toBe(true);
    const after = await readBackupData();
    expect(after.workshops).toHaveLength(2);
    expect(after.participants).toHaveLength(data.participants.length * 2);
    const copy = after.workshops.find((w) => w.id !== data.workshops[0]!.id)!;
    expect(copy.assessmentId).not.toBe(data.assessments[0]!.id);
    expect(after.agreements.find((a) => a.workshopId === copy.id)?.dissent).toBe(
      'Changed on another laptop',
    );
    expect(after.responseFiles.filter((r) => r.workshopId === copy.id)).toEqual([]);

    // "Keep newer" with a newer file replaces the assessment and its workshop together.
    expect((await restoreBackup(step.backup, 'keep-newer')).ok).toBe(true);
    const replaced = await readBackupData();
    expect(replaced.agreements.find((a) => a.workshopId === data.workshops[0]!.id)?.dissent).toBe(
      'Changed on another laptop',
    );
    expect(replaced.participants).toHaveLength(data.participants.length * 2);
  });
});

describe('round trip: export → wipe → restore gives back identical data', () => {
  const text = fc.string({ maxLength: 30 });
  const level = fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null });
  const dataSet = fc
    .uniqueArray(fc.uuid(), { minLength: 0, maxLength: 5 })
    .chain((ids) =>
      fc.record({
        assessments: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              systemName: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
              title: text,
              asAt: fc.constantFrom('2019-06-30', '2020-03-31', '2021-02-28'),
              frameworkId: fc.constant('ics-maturity-2019'),
              frameworkVersion: fc.constant('1.0.0'),
              basedOnId: fc.constant(null),
              status: fc.constant({ state: 'draft' as const }),
              statusHistory: fc.constant<StatusChange[]>([]),
              createdAt: fc.nat(),
              updatedAt: fc.nat(),
              stamps: fc.record({ title: fc.nat() }, { requiredKeys: [] }),
            }),
          ),
        ),
        ratings: fc.tuple(
          ...ids.map((assessmentId) =>
            fc
              .uniqueArray(fc.constantFrom('care.pcns', 'care.phm', 'leadership.governance'), {
                maxLength: 3,
              })
              .chain((criteria) =>
                fc.tuple(
                  ...criteria.map((criterionId) =>
                    fc.record({
                      assessmentId: fc.constant(assessmentId),
                      criterionId: fc.constant(criterionId),
                      level,
                      rationale: text,
                      evidence: fc.array(fc.record({ id: fc.uuid(), text, url: fc.constant('') }), {
                        maxLength: 2,
                      }),
                      confidence: fc.constantFrom(
                        'high' as const,
                        'medium' as const,
                        'low' as const,
                        null,
                      ),
                      updatedAt: fc.nat(),
                      stamps: fc.record({ level: fc.nat() }, { requiredKeys: [] }),
                    }),
                  ),
                ),
              ),
          ),
        ),
      }),
    )
    .map((d): BackupData => ({
      assessments: d.assessments,
      ratings: d.ratings.flat(),
      targets: [],
      actions: [],
      ...NO_WORKSHOPS,
    }));

  /**
   * Each run uses two databases of its own (the device that exports, the device that restores)
   * and deletes them afterwards. fast-check stops starting runs after 30 s, well inside the test's
   * own timeout, so a slow machine fails the property instead of timing the test out: a run left
   * going after its test ended could otherwise switch the database under the next test.
   */
  it('for 20 generated data sets of up to 5 assessments', { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(dataSet, async (data) => {
        const exporting = openFreshTestDatabase();
        let exported: BackupData;
        try {
          await writeImport(data);
          exported = await readBackupData();
        } finally {
          await exporting.delete();
        }
        const restoring = openFreshTestDatabase();
        try {
          const step = await restoreText(fileOf(exported));
          expect(step.kind).toBe('preview');
          expect(await readBackupData()).toEqual(exported);
        } finally {
          await restoring.delete();
        }
      }),
      { numRuns: 20, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true },
    );
  });
});

/**
 * Restoring never deletes or moves what it was not asked to. Workshops are
 * compared in their own right, "keep this device's copy" keeps all of it, and the preview counts
 * what each rule would add, replace or keep, per kind of record, before anything is written.
 */
const CRITERIA = [
  'leadership.shared-vision',
  'leadership.multi-professional',
  'leadership.governance',
  'care.pcns',
  'care.phm',
];

function read(text: string): BackupData {
  const result = readBackup(text, KNOWN_FRAMEWORKS);
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problem)}`);
  return result.value.data;
}

/** Restores `data` as a backup file of it, by the given rule: the use case, from the check on. */
async function restoreData(data: BackupData, choice: ConflictChoice = 'keep-newer') {
  const step = previewOf(await checkBackup(fileOf(data)));
  const restored = await restoreBackup(step.backup, choice);
  if (!restored.ok) throw new Error(restored.problem);
  return { preview: step.preview, plan: restored.value.plan };
}

/** A workshop run on this device: 2 participants, 10 private ratings, 2 notes. */
async function runWorkshop(assessmentId: string): Promise<string> {
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Partnership board workshop',
    date: '2021-03-01',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: CRITERIA,
  });
  for (const label of ['Acute CEO', 'Council director']) {
    const participantId = await addParticipant(workshopId, {
      label,
      organisation: 'Northshire',
      sector: 'acute-trust',
    });
    for (const criterionId of CRITERIA)
      await saveIndividualRating(workshopId, participantId, criterionId, 'maturing', '');
  }
  for (const criterionId of CRITERIA.slice(0, 2))
    await recordAgreement(workshopId, {
      criterionId,
      level: null,
      rationale: `Note on ${criterionId}`,
      dissent: '',
    });
  return workshopId;
}

const workshopTables = (d: BackupData) => ({
  workshops: d.workshops,
  participants: d.participants,
  individualRatings: d.individualRatings,
  agreements: d.agreements,
});

describe('restoring keeps what it was not asked to change', { timeout: DB_TEST_TIMEOUT }, () => {
  it('the default choice keeps a newer local workshop (2 participants, 10 private ratings, 2 notes), and the preview counts per kind', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const id = seed.assessments[0]!.id;
    // The file: the same assessment, edited on another device after this one last changed it,
    // but before this device ran its workshop (workshop activity does not touch updatedAt).
    const file = structuredClone(await readBackupData());
    file.assessments[0] = {
      ...file.assessments[0]!,
      title: 'Edited on the other laptop',
      updatedAt: file.assessments[0]!.updatedAt + 1_000,
    };
    await runWorkshop(id);
    const before = await readBackupData();
    expect(before.participants).toHaveLength(2);
    expect(before.individualRatings).toHaveLength(10);
    expect(before.agreements).toHaveLength(2);

    const text = JSON.stringify(createBackup(file, 'all', APP, new Date('2021-03-01T00:00:00Z')));
    const { preview, plan } = await restoreData(read(text));
    expect(preview.conflicts.map((c) => c.id)).toEqual([id]);
    expect(plan.counts.assessments).toEqual({ added: 0, replaced: 1, kept: 0 });
    for (const kind of ['workshops', 'participants', 'individualRatings', 'agreements'] as const)
      expect(plan.counts[kind]).toEqual({ added: 0, replaced: 0, kept: 0 });

    const after = await readBackupData();
    expect(after.assessments.find((a) => a.id === id)?.title).toBe('Edited on the other laptop');
    expect(workshopTables(after)).toEqual(workshopTables(before));
  });

  it('an older copy of the same workshop in the file replaces none of the newer local records', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const id = seed.assessments[0]!.id;
    await runWorkshop(id);
    const before = await readBackupData();
    // The file holds the workshop as it was earlier: older private ratings, an older note,
    // and one rating the room never changed here.
    const file = structuredClone(before);
    file.assessments[0]!.updatedAt += 1_000;
    file.individualRatings.forEach((r) => {
      r.level = 'emerging';
      r.ratedAt -= 60_000;
    });
    file.agreements[0] = { ...file.agreements[0]!, rationale: 'Old note', agreedAt: 1 };
    file.participants[0] = { ...file.participants[0]!, label: 'Renamed in the file' };
    const { plan } = await restoreData(file);
    expect(plan.counts.individualRatings).toEqual({ added: 0, replaced: 0, kept: 10 });
    expect(plan.counts.agreements).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(plan.counts.participants).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(workshopTables(await readBackupData())).toEqual(workshopTables(before));
  });

  it('"keep this device\'s copy" keeps local targets and actions too, and adds only new ones', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.assessments[0] = {
      ...file.assessments[0]!,
      title: 'Theirs',
      updatedAt: 1_600_000_000_000,
    };
    file.targets[0] = { ...file.targets[0]!, level: 'thriving', updatedAt: 1_600_000_000_000 };
    file.actions[0] = { ...file.actions[0]!, title: 'Theirs', updatedAt: 1_600_000_000_000 };
    file.actions.push({ ...file.actions[1]!, id: 'act-new', title: 'A new action' });
    const { plan } = await restoreData(file, 'skip');
    expect(plan.counts.targets).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(plan.counts.actions).toEqual({ added: 1, replaced: 0, kept: 1 });
    expect(plan.counts.assessments).toEqual({ added: 0, replaced: 0, kept: 1 });
    const after = await readBackupData();
    expect(after.assessments).toEqual(before.assessments);
    expect(after.targets).toEqual(before.targets);
    expect(after.actions.filter((a) => a.id !== 'act-new')).toEqual(before.actions);
    expect(after.actions.find((a) => a.id === 'act-new')?.title).toBe('A new action');
  });

  it('"keep the newer" takes a newer target or action and keeps an older one', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.targets[0] = { ...file.targets[0]!, level: 'thriving', updatedAt: 1_600_000_000_000 };
    file.targets[1] = { ...file.targets[1]!, level: 'emerging', updatedAt: 1 };
    file.actions[0] = { ...file.actions[0]!, title: 'Older', updatedAt: 1 };
    const { plan } = await restoreData(file);
    expect(plan.counts.targets).toEqual({ added: 0, replaced: 1, kept: 1 });
    expect(plan.counts.actions).toEqual({ added: 0, replaced: 0, kept: 1 });
    const after = await readBackupData();
    expect(after.targets.map((t) => t.level)).toEqual([
      'thriving',
      ...before.targets.slice(1).map((t) => t.level),
    ]);
    expect(after.actions).toEqual(before.actions);
  });

  it('never removes local ratings the file does not have', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const id = seed.assessments[0]!.id;
    const file = structuredClone(before);
    file.assessments[0]!.updatedAt += 1_000;
    const dropped = file.ratings.findIndex((r) => r.assessmentId === id);
    const [gone] = file.ratings.splice(dropped, 1);
    await restoreData(file);
    const after = await readBackupData();
    expect(after.ratings).toContainEqual(gone);
  });
});

describe('ids in a file that belong to another record here', { timeout: DB_TEST_TIMEOUT }, () => {
  it.each(['keep-newer', 'keep-both', 'skip'] as const)(
    "a file's workshop and participant ids equal to another assessment's local ones are re-keyed, never merged (%s)",
    async (choice) => {
      const seed = read(fixture('northshire-2021.json'));
      await writeImport(seed);
      const mineId = seed.assessments[0]!.id;
      await runWorkshop(mineId);
      const before = await readBackupData();
      const local = before.workshops[0]!;
      const localParticipant = before.participants[0]!;
      // The file: a different assessment whose workshop and participant reuse those ids.
      const file = read(fixture('workshop-2019.json'));
      const theirs = structuredClone(file);
      theirs.assessments[0]!.id = 'their-assessment';
      theirs.ratings.forEach((r) => (r.assessmentId = 'their-assessment'));
      const oldWorkshopId = theirs.workshops[0]!.id;
      const oldParticipantId = theirs.participants[0]!.id;
      const swap = (id: string): string =>
        id === oldWorkshopId ? local.id : id === oldParticipantId ? localParticipant.id : id;
      theirs.workshops[0] = {
        ...theirs.workshops[0]!,
        id: local.id,
        assessmentId: 'their-assessment',
        title: 'Their workshop',
      };
      theirs.participants.forEach((p) => {
        p.id = swap(p.id);
        p.workshopId = swap(p.workshopId);
      });
      theirs.individualRatings.forEach((r) => {
        r.workshopId = swap(r.workshopId);
        r.participantId = swap(r.participantId);
      });
      theirs.agreements.forEach((a) => (a.workshopId = swap(a.workshopId)));
      theirs.responseFiles.forEach((r) => {
        r.workshopId = swap(r.workshopId);
        r.participantId = swap(r.participantId);
      });
      {
        const { plan } = await restoreData(theirs, choice);
        expect(plan.rekeyed).toBeGreaterThanOrEqual(2);
        const after = await readBackupData();
        // Nothing local moved, retitled or overwritten.
        expect(after.workshops.find((w) => w.id === local.id)).toEqual(local);
        expect(after.participants.find((p) => p.id === localParticipant.id)).toEqual(
          localParticipant,
        );
        for (const table of ['participants', 'individualRatings', 'agreements'] as const)
          expect(after[table].filter((r) => r.workshopId === local.id)).toEqual(
            before[table].filter((r) => r.workshopId === local.id),
          );
        // Their workshop is there under a new id, with its own participants.
        const copy = after.workshops.find((w) => w.title === 'Their workshop')!;
        expect(copy.id).not.toBe(local.id);
        expect(copy.assessmentId).toBe('their-assessment');
        expect(after.participants.filter((p) => p.workshopId === copy.id)).toHaveLength(
          theirs.participants.length,
        );
      }
    },
  );

  it("a target or action id of another system here is re-keyed, not moved to the file's system", async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.targets = [{ ...before.targets[0]!, systemKey: 'another ics' }];
    file.actions = [{ ...before.actions[0]!, systemKey: 'another ics', title: 'Theirs' }];
    const { plan } = await restoreData({ ...file, assessments: [], ratings: [] });
    expect(plan.rekeyed).toBe(2);
    const after = await readBackupData();
    expect(after.targets.filter((t) => t.id === before.targets[0]!.id)).toEqual([
      before.targets[0],
    ]);
    expect(after.actions.filter((a) => a.id === before.actions[0]!.id)).toEqual([
      before.actions[0],
    ]);
    expect(after.actions.find((a) => a.title === 'Theirs')?.systemKey).toBe('another ics');
    expect(after.targets.filter((t) => t.systemKey === 'another ics')).toHaveLength(1);
  });
});

describe('schema v5 stamps travel with a backup', { timeout: DB_TEST_TIMEOUT }, () => {
  it('per-item evidence stamps and workshop note stamps survive export and restore', async () => {
    const seed = read(fixture('workshop-2019.json'));
    const data = structuredClone(seed);
    const at = 1_568_000_000_000;
    data.ratings[0]!.stamps = { level: at, 'evidence:ev-1:text': at, 'evidence:ev-1:url': at };
    data.individualRatings[0]!.stamps = { level: at, note: at };
    data.agreements[0]!.stamps = { rationale: at, dissent: at };
    await writeImport(data);
    const exported = await readBackupData();
    expect(
      exported.ratings.find((r) => r.criterionId === data.ratings[0]!.criterionId)?.stamps,
    ).toEqual(data.ratings[0]!.stamps);
    const text = JSON.stringify(createBackup(exported, 'all', APP, new Date()));
    openFreshTestDatabase();
    await restoreData(read(text));
    expect(await readBackupData()).toEqual(exported);
  });
});
