import {
  MAX_BACKUP_BYTES,
  readBackup,
  readBackupJson,
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
import { parseJsonFile } from '@/domain/json-file';
import type { Result } from '@/domain/result';
import { decryptText, namesEncryptedType, protectionOf } from '@/lib/encryption';
import { loadKnownFrameworks } from '@/lib/load-framework';
import {
  readBackupData,
  writeImport,
  type WriteProgress,
} from '@/storage/repositories/backup-repo';
import { classifyStorageError } from '@/storage/save-queue';

/**
 * Restoring a backup, step by step: read the file → parse it once → recognise it (plain,
 * password-protected or a damaged protected file) → decrypt → validate each record once → preview
 * against this device → plan by the chosen rule → write in one transaction. The screen calls these
 * functions and only draws what they return; the tests call the same functions. Nothing is
 * written before `restoreBackup`.
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

/**
 * What a restore is doing, in order, for the screen's status: reading the file, checking it
 * (parse, validation, references), comparing it with this device; then, once Restore is pressed,
 * writing (`done` of `total` records).
 */
export type RestoreProgress =
  | { stage: 'reading' }
  | { stage: 'checking' }
  | { stage: 'comparing' }
  | ({ stage: 'writing' } & WriteProgress);

type Options = {
  /** The frameworks the app ships (files naming any other are refused); loaded when not given. */
  known?: KnownFrameworks;
  /**
   * Called as each stage starts, in order (`reading` only once the file is accepted for reading,
   * before its text is read); the browser is given a moment to show it before the work goes on.
   */
  onProgress?: (progress: RestoreProgress) => void;
};

/**
 * Tells the screen what is starting and lets the browser draw it: the checks that follow run
 * without a pause, so a status set just before them would otherwise only show once they end.
 */
async function report(
  onProgress: ((progress: RestoreProgress) => void) | undefined,
  progress: RestoreProgress,
): Promise<void> {
  if (!onProgress) return;
  onProgress(progress);
  await nextPaint();
}

/** Resolves after the browser has had a chance to paint (at once where nothing paints). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    // A hidden tab draws no frames: the timer goes on without one.
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * Step 1: the chosen file. Too large → refused without reading it. Its text is parsed once:
 * not JSON → refused (or damaged, when its start names the protected type); protected → locked
 * (or damaged, when the envelope is not well formed); otherwise checked as a backup.
 */
export async function openBackupFile(
  file: BackupFile,
  options: Options = {},
): Promise<RestoreStep> {
  if (file.size > MAX_BACKUP_BYTES)
    return { kind: 'refused', problem: { code: 'too-large', bytes: file.size } };
  await report(options.onProgress, { stage: 'reading' });
  const text = await file.text();
  await report(options.onProgress, { stage: 'checking' });
  const parsed = parseJsonFile(text, MAX_BACKUP_BYTES, file.size);
  if (!parsed.ok) {
    if (parsed.problem.code === 'not-json' && namesEncryptedType(text)) return { kind: 'damaged' };
    return { kind: 'refused', problem: parsed.problem };
  }
  const protection = protectionOf(parsed.value);
  if (protection === 'damaged') return { kind: 'damaged' };
  if (protection === 'sealed') return { kind: 'locked', text, problem: null };
  const known = options.known ?? (await loadKnownFrameworks());
  return previewBackup(readBackupJson(parsed.value, known), options);
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
  await report(options.onProgress, { stage: 'checking' });
  const known = options.known ?? (await loadKnownFrameworks());
  return previewBackup(readBackup(text, known), options);
}

async function previewBackup(
  read: ReturnType<typeof readBackup>,
  options: Options,
): Promise<RestoreStep> {
  if (!read.ok) return { kind: 'refused', problem: read.problem };
  await report(options.onProgress, { stage: 'comparing' });
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
 * Why a restore wrote nothing: this device's storage is full (`storage-full`, the browser's quota),
 * or refused the data for another reason (`write-failed`).
 */
export type RestoreProblem = 'storage-full' | 'write-failed';

/**
 * Step 4: plan against this device as it is now (it may have changed since the preview), by the
 * rule the preview showed, and write the plan in one transaction: all or nothing. A storage
 * failure comes back as a problem, with nothing changed.
 */
export async function restoreBackup(
  backup: Backup,
  choice: ConflictChoice,
  onProgress?: (progress: WriteProgress) => void,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Result<Restored, RestoreProblem>> {
  try {
    const plan = planImport(backup.data, await readBackupData(), choice, newId);
    await writeImport(plan.put, onProgress);
    return { ok: true, value: { count: plan.put.assessments.length, plan } };
  } catch (error) {
    return {
      ok: false,
      problem: classifyStorageError(error) === 'quota' ? 'storage-full' : 'write-failed',
    };
  }
}
