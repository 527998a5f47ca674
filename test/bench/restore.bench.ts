import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { createBackup } from '@/domain/backup/backup-format';
import { checkBackup, restoreBackup } from '@/features/backup/lib/restore';
import { openFreshTestDatabase } from '@/storage/db';
import { readBackupData } from '@/storage/repositories/backup-repo';
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
      // What the backup screen does: check and preview, then restore by the default rule.
      const step = await checkBackup(file, { known: KNOWN_FRAMEWORKS });
      if (step.kind !== 'preview') throw new Error('bench file invalid');
      const restored = await restoreBackup(step.backup, 'keep-newer');
      if (!restored.ok) throw new Error('restore failed');
      if ((await readBackupData()).assessments.length !== 1_000)
        throw new Error('restore incomplete');
    },
    { iterations: 5, time: 0 },
  );
});
