// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSaves } from '@/app/pwa/flush-saves';
import { saveQueue } from '@/storage/autosave';

afterEach(() => vi.restoreAllMocks());

describe('flushSaves', () => {
  it("answers with the save queue's own answer: true when written, false when not", async () => {
    const flush = vi.spyOn(saveQueue, 'flush').mockResolvedValueOnce(false);
    expect(await flushSaves()).toBe(false);
    flush.mockResolvedValueOnce(true);
    expect(await flushSaves()).toBe(true);
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
