import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { createBackup, readBackup } from '@/domain/backup/backup-format';
import { previewImport, resolveImport } from '@/domain/backup/import-plan';
import { openFreshTestDatabase } from '@/storage/db';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import { dataSet } from '../support/bench-data';
import { KNOWN_FRAMEWORKS } from '../support/framework';

/** Restoring a 1,000-assessment backup into an empty database (fake-indexeddb: on the safe side). */
const file = JSON.stringify(
  createBackup(
    dataSet(1_000),
    'all',
    { name: 'ICS Maturity', version: 'bench' },
    new Date('2026-11-22T00:00:00Z'),
  ),
);

describe('restore', () => {
  bench(
    'backup import, 1,000 assessments',
    async () => {
      openFreshTestDatabase();
      const read = readBackup(file, KNOWN_FRAMEWORKS);
      if (!read.ok) throw new Error('bench file invalid');
      const local = await readBackupData();
      previewImport(read.value.data, local);
      await writeImport(
        resolveImport(read.value.data, local, 'keep-newer', () => crypto.randomUUID()),
      );
      if ((await readBackupData()).assessments.length !== 1_000)
        throw new Error('restore incomplete');
    },
    { iterations: 5, time: 0 },
  );
});
