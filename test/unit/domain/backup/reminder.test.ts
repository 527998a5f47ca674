import { describe, expect, it } from 'vitest';
import { REMIND_AFTER_DAYS, shouldRemind, snoozeUntil } from '@/domain/backup/reminder';

describe('backup reminder', () => {
  const day = 86_400_000;
  const now = 100 * day;

  it('reminds when changes have gone unbacked-up for a week', () => {
    expect(
      shouldRemind(
        { lastBackupAt: now - 8 * day, lastChangeAt: now - day, snoozedUntil: null },
        now,
      ),
    ).toBe(true);
    expect(
      shouldRemind({ lastBackupAt: null, lastChangeAt: now - 8 * day, snoozedUntil: null }, now),
    ).toBe(true);
  });

  it('stays quiet with nothing new, a recent backup, no data or a snooze', () => {
    expect(
      shouldRemind(
        { lastBackupAt: now - 9 * day, lastChangeAt: now - 10 * day, snoozedUntil: null },
        now,
      ),
    ).toBe(false);
    expect(
      shouldRemind(
        { lastBackupAt: now - 2 * day, lastChangeAt: now - day, snoozedUntil: null },
        now,
      ),
    ).toBe(false);
    expect(shouldRemind({ lastBackupAt: null, lastChangeAt: null, snoozedUntil: null }, now)).toBe(
      false,
    );
    expect(
      shouldRemind(
        { lastBackupAt: null, lastChangeAt: now - 30 * day, snoozedUntil: snoozeUntil(now - day) },
        now,
      ),
    ).toBe(false);
    expect(snoozeUntil(now) - now).toBe(REMIND_AFTER_DAYS * day);
  });
});
