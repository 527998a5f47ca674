import { backupFileParts, createBackup, recordsJson } from '@/domain/backup/backup-format';
import { assessmentsCsv } from '@/domain/backup/csv';
import { encryptBytes, MIN_PASSWORD_LENGTH } from '@/lib/encryption';
import { downloadFile, safeFileName } from '@/lib/files';
import { todayIso } from '@/lib/format';
import { loadFramework } from '@/lib/load-framework';
import {
  readBackupData,
  recordBackupMade,
  type BackupScope,
} from '@/storage/repositories/backup-repo';

/**
 * Making the files the backup screen offers: a backup (optionally password-protected) and the CSV
 * for analysts. The screen passes the translated parts of the file name and shows the outcome;
 * `save` is the browser download (tests pass their own). A file is handed over as the parts it was
 * made in (strings, or bytes), joined only by the `Blob` the browser saves.
 */
export type SaveFile = (parts: readonly BlobPart[], fileName: string, type: string) => void;

/** Why a password cannot protect a file; null when it can. */
export type PasswordProblem = 'short' | 'mismatch';

export function checkNewPassword(password: string, confirmation: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'short';
  if (password !== confirmation) return 'mismatch';
  return null;
}

export type BackupRequest = {
  scope: BackupScope;
  /** What the file name says it holds: the system, the assessment title or "all". */
  label: string;
  /** Protect the file with this password (already checked), or not. */
  protection: { password: string; suffix: string } | null;
  appVersion: string;
};

/**
 * Reads the scope from this device, writes the backup file and saves it; a full backup is
 * remembered as the last one made (the reminder counts from it). Returns how many assessments
 * the file holds. Rejects when storage cannot be read (nothing is saved or remembered then).
 */
export async function exportBackup(
  request: BackupRequest,
  save: SaveFile = downloadFile,
): Promise<{ count: number }> {
  const { scope, label, protection } = request;
  // The ratings (most of the file) are made into text a part at a time while the next part is
  // still being read, each part handed to a Blob at once: the browser holds their bytes, and the
  // file's Blob only joins them.
  const ratingParts: Blob[] = [];
  const data = await readBackupData(scope, {
    onRatings: (ratings) => ratingParts.push(new Blob([recordsJson(ratings)])),
  });
  const backup = createBackup(
    data,
    scope.kind,
    { name: 'ICS Maturity', version: request.appVersion },
    new Date(),
  );
  // Compact JSON in parts; a protected file encrypts the parts' bytes, read back from one Blob.
  const parts = backupFileParts(backup, { ratings: ratingParts });
  const content = protection
    ? [
        JSON.stringify(
          await encryptBytes(
            new Uint8Array(await new Blob(parts).arrayBuffer()),
            protection.password,
          ),
        ),
      ]
    : parts;
  const name = ['ics-maturity-backup', label, todayIso(), protection ? protection.suffix : ''];
  save(content, safeFileName(name, 'json'), 'application/json');
  if (scope.kind === 'all') await recordBackupMade(Date.now());
  return { count: data.assessments.length };
}

/**
 * The CSV for analysts of every assessment on this device, one row per criterion (see
 * domain/backup/csv.ts). Returns how many assessments it holds.
 */
export async function exportCsv(save: SaveFile = downloadFile): Promise<{ count: number }> {
  const data = await readBackupData();
  // Each assessment's ratings by one pass over them, not a scan of all of them per assessment.
  const ratingsOf = new Map<string, (typeof data.ratings)[number][]>();
  for (const rating of data.ratings) {
    const rows = ratingsOf.get(rating.assessmentId);
    if (rows) rows.push(rating);
    else ratingsOf.set(rating.assessmentId, [rating]);
  }
  const items = await Promise.all(
    data.assessments.map(async (assessment) => ({
      assessment,
      ratings: ratingsOf.get(assessment.id) ?? [],
      framework: await loadFramework(assessment.frameworkId, assessment.frameworkVersion),
    })),
  );
  save(
    [assessmentsCsv(items)],
    safeFileName(['ics-maturity-ratings', todayIso()], 'csv'),
    'text/csv;charset=utf-8',
  );
  return { count: data.assessments.length };
}
