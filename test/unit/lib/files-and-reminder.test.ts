import { describe, expect, it } from 'vitest';
import { REMIND_AFTER_DAYS, shouldRemind, snoozeUntil } from '@/domain/backup/reminder';
import { safeFileName } from '@/lib/files';

describe('safeFileName', () => {
  it('keeps letters and digits, folds everything else to single hyphens', () => {
    expect(
      safeFileName(['ICS Maturity backup', 'Northshire & Eastvale ICS', '2021-04-01'], 'json'),
    ).toBe('ics-maturity-backup-northshire-eastvale-ics-2021-04-01.json');
  });

  it('makes hostile names safe on every operating system', () => {
    const name = safeFileName(
      ['<img src=x onerror=alert(1)> & "Ŵ"', '../../etc/passwd', 'CON:'],
      'pdf',
    );
    expect(name).toBe('img-src-x-onerror-alert-1-w-..-..-etc-passwd-con.pdf');
    expect(name).not.toMatch(/[<>:"/\\|?*]/);
    expect(safeFileName(['', '  '], 'png')).toBe('ics-maturity.png');
    expect(safeFileName(['x'.repeat(500)], 'csv').length).toBe(124);
  });
});

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
