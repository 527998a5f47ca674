import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createBackup } from '@/domain/backup/backup-format';
import { getDb } from '@/storage/db';
import { readBackupData } from '@/storage/repositories/backup-repo';
import { dataSet } from '../support/bench-data';
import { renderApp } from '../support/render-app';

/**
 * Restoring a large backup through the backup screen: the status says what is happening while
 * the file is read, checked and compared, and while it is written; a full device says so.
 */
const backupText = (count: number): string =>
  JSON.stringify(
    createBackup(
      dataSet(count),
      'all',
      { name: 'ICS Maturity', version: 'test' },
      new Date('2026-11-22T00:00:00Z'),
    ),
  );

/** A file whose text is handed over only when the test says so. */
class HeldFile extends File {
  private released = false;
  private handOver: () => void = () => undefined;
  /** Hands the text over, whether it was asked for already or is asked for later. */
  release(): void {
    this.released = true;
    this.handOver();
  }
  override text(): Promise<string> {
    if (this.released) return super.text();
    return new Promise((resolve) => {
      this.handOver = () => resolve(super.text());
    });
  }
}

/** Every distinct text an element showed, in order, from now on. */
function recordTexts(find: () => Element | null): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const take = (): void => {
    const text = find()?.textContent?.trim() ?? '';
    if (text !== '' && texts.at(-1) !== text) texts.push(text);
  };
  const observer = new MutationObserver(take);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { texts, stop: () => observer.disconnect() };
}

const status = (): Element | null => document.querySelector('[data-restore-status]');

describe('restoring a large backup', () => {
  it('says it is reading, checking and comparing the file, then how far the write has got', async () => {
    const user = userEvent.setup();
    renderApp('/backup');
    const input = await screen.findByLabelText('Backup file');
    const file = new HeldFile([backupText(120)], 'big.json', { type: 'application/json' });
    const shown = recordTexts(status);
    await user.upload(input, file);

    // While the file is read, the status says so and no other file can be chosen.
    await waitFor(() => expect(status()).toHaveTextContent('Reading big.json…'));
    expect(status()).toHaveAttribute('role', 'status');
    expect(input).toBeDisabled();
    file.release();

    const preview = await screen.findByTestId('restore-preview', {}, { timeout: 40_000 });
    expect(within(preview).getByText('Add 120 new assessments')).toBeVisible();
    expect(shown.texts).toEqual([
      'Reading big.json…',
      'Checking big.json: its format and every record in it…',
      'Comparing big.json with what is on this device…',
    ]);
    shown.stop();

    // 120 assessments and 2,880 ratings: the ratings are written in several parts.
    const written = recordTexts(() => screen.queryByTestId('restore-progress'));
    const writing = recordTexts(status);
    await user.click(within(preview).getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText('Restored 120 assessments from big.json.', {}, { timeout: 40_000 }),
    ).toBeVisible();
    written.stop();
    writing.stop();
    expect(writing.texts).toEqual([
      'Restoring from big.json…',
      'Restored 120 assessments from big.json.',
    ]);
    // The count only goes up, and was shown part-way.
    const done = written.texts.map((text) =>
      Number(/^([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, '')),
    );
    expect(done.length).toBeGreaterThan(1);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(written.texts.some((text) => /^[\d,]+ of 3,000 records written\.$/.test(text))).toBe(
      true,
    );
    expect((await readBackupData()).assessments).toHaveLength(120);
  }, 60_000);

  it('says the device is full, and that nothing was changed, when storage runs out', async () => {
    const user = userEvent.setup();
    renderApp('/backup');
    const input = await screen.findByLabelText('Backup file');
    await user.upload(input, new File([backupText(3)], 'small.json', { type: 'application/json' }));
    const preview = await screen.findByTestId('restore-preview', {}, { timeout: 40_000 });
    const ratings = getDb().ratingSets;
    ratings.bulkPut = (() =>
      Promise.reject(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      )) as unknown as typeof ratings.bulkPut;
    try {
      await user.click(within(preview).getByRole('button', { name: 'Restore' }));
      const error = await screen.findByTestId('restore-error');
      expect(error).toHaveTextContent(
        "This device's storage is full, so the whole restore was undone.",
      );
      expect(error).toHaveTextContent('Nothing on this device was changed.');
    } finally {
      delete (ratings as { bulkPut?: unknown }).bulkPut;
    }
    expect((await readBackupData()).assessments).toEqual([]);
  }, 60_000);
});
