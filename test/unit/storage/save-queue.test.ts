import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Edit } from '@/storage/edits';
import { createMemoryJournal } from '@/storage/journal';
import { classifyStorageError, OVERLAY_HOLD_MS, SaveQueue } from '@/storage/save-queue';

function edit(field: 'rationale' | 'level', value: string | null, editedAt: number): Edit {
  return {
    kind: 'rating',
    assessmentId: 'a1',
    criterionId: 'care.pcns',
    field,
    value,
    editedAt,
  } as Edit;
}

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces: several quick edits become one write of the latest value per field', async () => {
    const write = vi.fn(async (_edits: Edit[]) => undefined);
    const queue = new SaveQueue(write, createMemoryJournal(), 250);
    queue.enqueue(edit('rationale', 'C', 1));
    queue.enqueue(edit('rationale', 'Co', 2));
    queue.enqueue(edit('level', 'maturing', 3));
    queue.enqueue(edit('rationale', 'Cou', 4));
    expect(queue.getSnapshot().status.state).toBe('pending');
    expect(queue.getSnapshot().pending.size).toBe(2);
    await vi.advanceTimersByTimeAsync(249);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0].map((e) => e.value)).toEqual(['Cou', 'maturing']);
    expect(queue.getSnapshot().status.state).toBe('saved');
    expect(queue.getSnapshot().pending.size).toBe(0);
  });

  it("a choice made in one action (write: 'now') is written at once, with what was queued", async () => {
    const write = vi.fn(async (_edits: Edit[]) => undefined);
    const queue = new SaveQueue(write, createMemoryJournal(), 250);
    queue.enqueue(edit('rationale', 'Typed', 1));
    queue.enqueue(edit('level', 'maturing', 2), { write: 'now' });
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0].map((e) => e.value)).toEqual(['Typed', 'maturing']);
  });

  it('flush() writes at once and reports whether everything is saved', async () => {
    const write = vi.fn(async () => undefined);
    const queue = new SaveQueue(write, createMemoryJournal(), 10_000);
    queue.enqueue(edit('level', 'developing', 1));
    await expect(queue.flush()).resolves.toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
    await expect(queue.flush()).resolves.toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('keeps edits through a failing write, reports the error and retries until it works', async () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const write = vi.fn().mockRejectedValueOnce(quota).mockResolvedValue(undefined);
    const journal = createMemoryJournal();
    const queue = new SaveQueue(write, journal, 250);
    queue.enqueue(edit('level', 'thriving', 1));
    await expect(queue.flush()).resolves.toBe(false);
    expect(queue.getSnapshot().status).toEqual({ state: 'error', kind: 'quota', retryInMs: 1_000 });
    expect(queue.getSnapshot().pending.size).toBe(1);
    expect(journal.entries()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(write).toHaveBeenCalledTimes(2);
    expect(queue.getSnapshot().status.state).toBe('saved');
    expect(journal.entries()).toEqual([]);
  });

  it('keeps a newer edit made while an older one is being written', async () => {
    let release: () => void = () => undefined;
    const write = vi.fn(
      (_edits: Edit[]) =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const journal = createMemoryJournal();
    const queue = new SaveQueue(write, journal, 250);
    queue.enqueue(edit('rationale', 'old', 1));
    const flushing = queue.flush();
    queue.enqueue(edit('rationale', 'new', 2));
    release();
    await flushing;
    expect(queue.getSnapshot().pending.get('r|a1|care.pcns|rationale')?.value).toBe('new');
    expect(journal.entries().map((e) => e.value)).toEqual(['new']);
    const second = queue.flush();
    release();
    await second;
    expect(write.mock.calls[1]?.[0]).toEqual([edit('rationale', 'new', 2)]);
    expect(journal.entries()).toEqual([]);
  });

  it('recover() re-queues what an earlier page left in the journal', async () => {
    const journal = createMemoryJournal();
    journal.put(edit('rationale', 'typed before the crash', 5));
    const write = vi.fn(async () => undefined);
    const queue = new SaveQueue(write, journal, 250);
    expect(await queue.recover()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledWith([edit('rationale', 'typed before the crash', 5)]);
    expect(journal.entries()).toEqual([]);
  });

  it('writes at least every second while typing goes on without a pause (max-wait)', async () => {
    const write = vi.fn(async (_edits: Edit[]) => undefined);
    const queue = new SaveQueue(write, createMemoryJournal(), 250, undefined, 1_000);
    // A key every 100 ms for 3.5 s: the 250 ms debounce alone would never fire.
    let text = '';
    for (let i = 0; i < 35; i++) {
      text += 'x';
      queue.enqueue(edit('rationale', text, i + 1));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(3);
    // Every write carried the text as it was at most a second earlier.
    const written = write.mock.calls.map((call) => String(call[0][0]?.value).length);
    expect(written[0]).toBeLessThanOrEqual(11);
    for (let i = 1; i < written.length; i++)
      expect((written[i] ?? 0) - (written[i - 1] ?? 0)).toBeLessThanOrEqual(11);
  });

  it('discard() drops matching edits from the queue and the journal, and nothing lands later', async () => {
    const write = vi.fn(async (_edits: Edit[]) => undefined);
    const journal = createMemoryJournal();
    const queue = new SaveQueue(write, journal, 250);
    queue.enqueue(edit('rationale', 'keep', 1));
    queue.enqueue({ kind: 'draft', form: 'f', field: 'title', value: 'submitted', editedAt: 2 });
    await queue.discard((e) => e.kind === 'draft');
    expect(journal.entries().map((e) => e.value)).toEqual(['keep']);
    await vi.advanceTimersByTimeAsync(250);
    expect(write.mock.calls[0]?.[0].map((e) => e.value)).toEqual(['keep']);
    await queue.clearAll();
    expect(journal.entries()).toEqual([]);
  });

  it('recover() replays the newest entry per field from every journal', async () => {
    const first = createMemoryJournal();
    const second = createMemoryJournal();
    first.put(edit('rationale', 'older', 1));
    second.put(edit('rationale', 'newer', 2));
    const write = vi.fn(async (_edits: Edit[]) => undefined);
    const queue = new SaveQueue(write, [first, second], 250);
    expect(await queue.recover()).toBe(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(write.mock.calls[0]?.[0].map((e) => e.value)).toEqual(['newer']);
    expect(first.entries()).toEqual([]);
    expect(second.entries()).toEqual([]);
  });

  it('keeps a just-written edit in the overlay until the live queries have surely re-read it', async () => {
    const queue = new SaveQueue(async () => undefined, createMemoryJournal(), 250);
    queue.enqueue(edit('level', 'maturing', 1));
    await queue.flush();
    expect(queue.getSnapshot().pending.size).toBe(0);
    // Between the write landing and the re-read, the screen must not fall back to the old level.
    expect(queue.getSnapshot().overlay.get('r|a1|care.pcns|level')?.value).toBe('maturing');
    await vi.advanceTimersByTimeAsync(OVERLAY_HOLD_MS + 10);
    expect(queue.getSnapshot().overlay.size).toBe(0);
  });

  it('notifies subscribers on every change', () => {
    const queue = new SaveQueue(async () => undefined, createMemoryJournal(), 250);
    const listener = vi.fn();
    const unsubscribe = queue.subscribe(listener);
    queue.enqueue(edit('level', 'emerging', 1));
    expect(listener).toHaveBeenCalled();
    unsubscribe();
    listener.mockClear();
    queue.enqueue(edit('level', 'developing', 2));
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('classifyStorageError', () => {
  it('recognises a full disk, directly or wrapped by Dexie', () => {
    expect(classifyStorageError({ name: 'QuotaExceededError' })).toBe('quota');
    expect(
      classifyStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
    ).toBe('quota');
  });

  it('recognises an unusable database', () => {
    expect(classifyStorageError({ name: 'DatabaseClosedError' })).toBe('unavailable');
    expect(
      classifyStorageError({ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } }),
    ).toBe('unavailable');
  });

  it('calls anything else unknown', () => {
    expect(classifyStorageError(new Error('boom'))).toBe('unknown');
    expect(classifyStorageError('text')).toBe('unknown');
  });
});
