import {
  MAX_BACKUP_BYTES,
  readBackup,
  type Backup,
  type BackupData,
  type BackupProblem,
} from '@/domain/backup/backup-format';
import {
  planImport,
  previewImport,
  type ConflictChoice,
  type ImportPlan,
  type ImportPreview,
} from '@/domain/backup/import-plan';
import type { KnownFrameworks } from '@/domain/framework/known';
import type { Result } from '@/domain/result';
import { decryptText, isDamagedEncryptedBackup, isEncryptedBackup } from '@/lib/encryption';
import { loadKnownFrameworks } from '@/lib/load-framework';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';

/**
 * Restoring a backup, step by step: read the file → recognise it (plain, password-protected or a
 * damaged protected file) → decrypt → validate → preview against this device → plan by the chosen
 * rule → write in one transaction. The screen calls these functions and only draws what they
 * return; the tests call the same functions. Nothing is written before `restoreBackup`.
 */

/** What a chosen file turned out to be, and what the screen asks next. */
export type RestoreStep =
  /** The file cannot be restored; nothing was changed. */
  | { kind: 'refused'; problem: BackupProblem }
  /** A password-protected backup that no password can open (cut short or changed). */
  | { kind: 'damaged' }
  /** A password-protected backup: ask for the password (again, after a wrong one). */
  | { kind: 'locked'; text: string; problem: 'wrong-password' | null }
  /** A valid backup, with what it would change here, waiting for the user's choice. */
  | { kind: 'preview'; backup: Backup; preview: ImportPreview; local: BackupData };

/** The part of a browser `File` that restoring reads. */
export type BackupFile = { name: string; size: number; text(): Promise<string> };

type Options = {
  /** The frameworks the app ships (files naming any other are refused); loaded when not given. */
  known?: KnownFrameworks;
  /** Called once the file is accepted for reading, before its text is read. */
  onReading?: () => void;
};

/** Step 1: the chosen file. Too large → refused without reading it; protected → locked. */
export async function openBackupFile(
  file: BackupFile,
  options: Options = {},
): Promise<RestoreStep> {
  if (file.size > MAX_BACKUP_BYTES)
    return { kind: 'refused', problem: { code: 'too-large', bytes: file.size } };
  options.onReading?.();
  const text = await file.text();
  if (isDamagedEncryptedBackup(text)) return { kind: 'damaged' };
  if (isEncryptedBackup(text)) return { kind: 'locked', text, problem: null };
  return checkBackup(text, options);
}

/** Step 2, for a protected file: the password opens it, or the user is asked again. */
export async function unlockBackup(
  text: string,
  password: string,
  options: Options = {},
): Promise<RestoreStep> {
  const opened = await decryptText(text, password);
  if (opened.ok) return checkBackup(opened.value, options);
  if (opened.problem === 'damaged') return { kind: 'damaged' };
  return { kind: 'locked', text, problem: 'wrong-password' };
}

/** Step 3: validate the backup and preview it against this device as it is now. */
export async function checkBackup(text: string, options: Options = {}): Promise<RestoreStep> {
  const read = readBackup(text, options.known ?? (await loadKnownFrameworks()));
  if (!read.ok) return { kind: 'refused', problem: read.problem };
  const local = await readBackupData();
  return {
    kind: 'preview',
    backup: read.value,
    preview: previewImport(read.value.data, local),
    local,
  };
}

/**
 * What the chosen rule would add, replace or keep per kind of record, for the preview. Only the
 * counts are used, so no real ids are drawn.
 */
export function planCounts(
  step: { backup: Backup; local: BackupData },
  choice: ConflictChoice,
): Pick<ImportPlan, 'counts' | 'rekeyed'> {
  const { counts, rekeyed } = planImport(step.backup.data, step.local, choice, () => '');
  return { counts, rekeyed };
}

export type Restored = {
  /** Assessments written (added, replaced or copied). */
  count: number;
  plan: ImportPlan;
};

/**
 * Step 4: plan against this device as it is now (it may have changed since the preview), by the
 * rule the preview showed, and write the plan in one transaction: all or nothing. A storage
 * failure comes back as `write-failed` with nothing changed.
 */
export async function restoreBackup(
  backup: Backup,
  choice: ConflictChoice,
  onProgress?: (done: number, total: number) => void,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Result<Restored, 'write-failed'>> {
  try {
    const plan = planImport(backup.data, await readBackupData(), choice, newId);
    await writeImport(plan.put, onProgress);
    return { ok: true, value: { count: plan.put.assessments.length, plan } };
  } catch {
    return { ok: false, problem: 'write-failed' };
  }
}
