import { describe, expect, it } from 'vitest';
import { markerPath } from '@/components/charts/markers';
import { SERIES } from '@/components/charts/palette';

describe('markerPath', () => {
  it('draws a different closed path for each series marker, centred on the point', () => {
    const paths = SERIES.map((s) => markerPath(s.marker, 50, 50, 10));
    expect(new Set(paths).size).toBe(SERIES.length);
    for (const d of paths) expect(d).toMatch(/^M.*Z$/);
    expect(markerPath('square', 50, 50, 10)).toBe('M45.5,45.5H54.5V54.5H45.5Z');
    expect(markerPath('triangle', 0, 0, 10)).toMatch(/^M0,-5\.75/);
    expect(markerPath('triangle-down', 0, 0, 10)).toMatch(/^M0,5\.75/);
  });
});
