import { describe, expect, it } from 'vitest';
import { applyPatch } from '@/storage/apply-patch';

type Row = { a: string; b: string; stamps: { a?: number; b?: number }; updatedAt: number };

describe('applyPatch', () => {
  const row: Row = { a: 'old a', b: 'old b', stamps: { a: 10 }, updatedAt: 10 };

  it('applies a newer (or equally new) field and stamps it', () => {
    const { record, changed } = applyPatch(row, { a: 'new a' }, 10);
    expect(changed).toBe(true);
    expect(record).toEqual({ a: 'new a', b: 'old b', stamps: { a: 10 }, updatedAt: 10 });
    expect(applyPatch(row, { b: 'new b' }, 3).record).toEqual({
      a: 'old a',
      b: 'new b',
      stamps: { a: 10, b: 3 },
      updatedAt: 10,
    });
  });

  it('never overwrites a newer stored field with an older edit', () => {
    const result = applyPatch(row, { a: 'stale' }, 9);
    expect(result.changed).toBe(false);
    expect(result.record).toBe(row);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(row);
    applyPatch(row, { a: 'x', b: 'y' }, 20);
    expect(row).toEqual(before);
  });
});
