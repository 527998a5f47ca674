import { describe, expect, it } from 'vitest';
import { wrapLabel } from '@/lib/wrap-label';

describe('wrapLabel', () => {
  it('breaks between words within the width', () => {
    expect(
      wrapLabel('System architecture and strong financial management and planning', 22),
    ).toEqual(['System architecture', 'and strong financial', 'management and', 'planning']);
  });

  it('keeps a word longer than the width whole, and ignores extra spaces', () => {
    expect(wrapLabel('  Supercalifragilistic   word ', 5)).toEqual([
      'Supercalifragilistic',
      'word',
    ]);
    expect(wrapLabel('', 10)).toEqual([]);
  });
});
