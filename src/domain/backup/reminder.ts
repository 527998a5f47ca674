/** When to remind about backups: changes exist that no backup holds, and for a while. */
export const REMIND_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

export type BackupStatus = {
  lastBackupAt: number | null;
  lastChangeAt: number | null;
  snoozedUntil: number | null;
};

export function shouldRemind(status: BackupStatus, now: number): boolean {
  if (status.lastChangeAt === null) return false;
  if (status.snoozedUntil !== null && now < status.snoozedUntil) return false;
  if (status.lastBackupAt !== null && status.lastChangeAt <= status.lastBackupAt) return false;
  const since = status.lastBackupAt ?? status.lastChangeAt;
  return now - since >= REMIND_AFTER_DAYS * DAY_MS;
}

export function snoozeUntil(now: number): number {
  return now + REMIND_AFTER_DAYS * DAY_MS;
}
