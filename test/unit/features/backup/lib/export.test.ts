import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, readBackup } from '@/domain/backup/backup-format';
import { CSV_COLUMNS } from '@/domain/backup/csv';
import { systemKey } from '@/domain/system-key';
import { MIN_PASSWORD_LENGTH } from '@/lib/encryption';
import { todayIso } from '@/lib/format';
import { openFreshTestDatabase } from '@/storage/db';
import { readBackupData, readBackupStatus } from '@/storage/repositories/backup-repo';
import {
  checkNewPassword,
  exportBackup,
  exportCsv,
  type BackupRequest,
  type SaveFile,
} from '@/features/backup/lib/export';
import {
  checkBackup,
  openBackupFile,
  restoreBackup,
  unlockBackup,
} from '@/features/backup/lib/restore';
import { KNOWN_FRAMEWORKS } from '../../../../support/framework';

/**
 * The export use cases the backup screen calls, against a real (fake-indexeddb) database; the
 * browser download is replaced by a function that keeps the file.
 */
const northshire = readFileSync(
  new URL('../../../../fixtures/backups/valid/northshire-2021.json', import.meta.url),
  'utf8',
);

type Saved = { content: string; parts: readonly BlobPart[]; fileName: string; type: string };
/**
 * Keeps the files saved; their parts (text, or Blobs made while the data was read) are joined as
 * the browser's Blob joins them, and `settled()` waits until each one's `content` is read.
 */
function keeper(): { saved: Saved[]; save: SaveFile; settled: () => Promise<unknown> } {
  const saved: Saved[] = [];
  const reading: Promise<void>[] = [];
  const save: SaveFile = (parts, fileName, type) => {
    const file: Saved = { content: '', parts, fileName, type };
    saved.push(file);
    reading.push(
      new Blob([...parts]).text().then((text) => {
        file.content = text;
      }),
    );
  };
  return { saved, save, settled: () => Promise.all(reading) };
}

const ALL: BackupRequest = {
  scope: { kind: 'all' },
  label: 'all',
  protection: null,
  appVersion: '9.9.9',
};

async function seed(): Promise<void> {
  const step = await checkBackup(northshire);
  if (step.kind !== 'preview') throw new Error('fixture refused');
  await restoreBackup(step.backup, 'keep-newer');
}

beforeEach(() => {
  openFreshTestDatabase();
});

describe('checkNewPassword', () => {
  it('wants at least the minimum length, then the same password twice', () => {
    const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
    const long = 'x'.repeat(MIN_PASSWORD_LENGTH);
    expect(checkNewPassword(short, short)).toBe('short');
    expect(checkNewPassword(long, `${long}y`)).toBe('mismatch');
    expect(checkNewPassword(long, long)).toBeNull();
  });
});

describe('exportBackup', { timeout: 30_000 }, () => {
  it('saves a backup of everything that restores to the same data, and remembers it was made', async () => {
    await seed();
    const { saved, save, settled } = keeper();
    expect((await readBackupStatus()).lastBackupAt).toBeNull();
    const before = Date.now();
    expect(await exportBackup(ALL, save)).toEqual({ count: 2 });
    await settled();
    expect(saved).toHaveLength(1);
    const file = saved[0]!;
    expect(file.fileName).toBe(`ics-maturity-backup-all-${todayIso()}.json`);
    expect(file.type).toBe('application/json');
    expect(JSON.parse(file.content)).toMatchObject({
      type: 'ics-maturity-backup',
      scope: 'all',
      app: { name: 'ICS Maturity', version: '9.9.9' },
    });
    expect((await readBackupStatus()).lastBackupAt).toBeGreaterThanOrEqual(before);

    const data = await readBackupData();
    openFreshTestDatabase();
    const step = await openBackupFile(new File([file.content], file.fileName));
    if (step.kind !== 'preview') throw new Error(`refused: ${JSON.stringify(step)}`);
    await restoreBackup(step.backup, 'keep-newer');
    expect(await readBackupData()).toEqual(data);
  });

  it('writes compact JSON in parts, in the same format, that reads back to the same backup', async () => {
    await seed();
    const { saved, save, settled } = keeper();
    await exportBackup(ALL, save);
    await settled();
    const file = saved[0]!;
    // Not pretty-printed: no line breaks or indentation between fields.
    expect(file.content).not.toMatch(/\n/);
    expect(file.content).toBe(JSON.stringify(JSON.parse(file.content)));
    expect(file.parts.length).toBeGreaterThan(1);
    const read = readBackup(file.content, KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.version).toBe(BACKUP_VERSION);
    expect(read.ok && read.value.data).toEqual(await readBackupData());
  });

  it('keeps to the scope, and only a full backup counts as the last backup', async () => {
    await seed();
    const [first] = (await readBackupData()).assessments;
    const { saved, save, settled } = keeper();
    expect(
      await exportBackup(
        { ...ALL, scope: { kind: 'assessment', id: first!.id }, label: first!.title },
        save,
      ),
    ).toEqual({ count: 1 });
    expect(
      await exportBackup(
        {
          ...ALL,
          scope: { kind: 'system', systemKey: systemKey(first!.systemName) },
          label: first!.systemName,
        },
        save,
      ),
    ).toMatchObject({ count: expect.any(Number) as number });
    await settled();
    expect(saved.map((s) => (JSON.parse(s.content) as { scope: string }).scope)).toEqual([
      'assessment',
      'system',
    ]);
    expect(
      (
        JSON.parse(saved[0]!.content) as { data: { assessments: { id: string }[] } }
      ).data.assessments.map((a) => a.id),
    ).toEqual([first!.id]);
    expect((await readBackupStatus()).lastBackupAt).toBeNull();
  });

  it(
    'protects the file with the password: it asks for it and opens with it',
    { timeout: 60_000 },
    async () => {
      await seed();
      const { saved, save, settled } = keeper();
      const password = 'correct horse battery';
      await exportBackup({ ...ALL, protection: { password, suffix: 'protected' } }, save);
      await settled();
      const file = saved[0]!;
      expect(file.fileName).toBe(`ics-maturity-backup-all-${todayIso()}-protected.json`);
      expect(file.content).not.toContain('Northshire');
      const locked = await openBackupFile(new File([file.content], file.fileName));
      expect(locked).toMatchObject({ kind: 'locked', problem: null });
      const opened = await unlockBackup(file.content, password);
      expect(opened.kind).toBe('preview');
      if (opened.kind === 'preview') expect(opened.preview.identical).toBe(2);
    },
  );
});

describe('exportCsv', { timeout: 30_000 }, () => {
  it('saves one row per criterion per assessment, with the documented header', async () => {
    await seed();
    const { saved, save, settled } = keeper();
    expect(await exportCsv(save)).toEqual({ count: 2 });
    await settled();
    const file = saved[0]!;
    expect(file.fileName).toBe(`ics-maturity-ratings-${todayIso()}.csv`);
    expect(file.type).toBe('text/csv;charset=utf-8');
    const lines = file.content
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // The shipped framework has 24 criteria.
    expect(lines).toHaveLength(1 + 2 * 24);
  });

  it('saves only the header when there is nothing to export', async () => {
    const { saved, save, settled } = keeper();
    expect(await exportCsv(save)).toEqual({ count: 0 });
    await settled();
    expect(saved[0]!.content.replace(/^\uFEFF/, '').trim()).toBe(CSV_COLUMNS.join(','));
  });
});
