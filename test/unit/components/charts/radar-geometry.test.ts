import { describe, expect, it } from 'vitest';
import {
  labelTop,
  polarPoint,
  polygonPoints,
  ringValues,
  spokeAngle,
  spokeLabel,
  type RadarFrame,
} from '@/components/charts/radar-geometry';

const frame: RadarFrame = { cx: 100, cy: 100, radius: 80, max: 4 };

describe('radar geometry', () => {
  it('starts the first spoke straight up and runs clockwise', () => {
    expect(spokeAngle(0, 5)).toBeCloseTo(-Math.PI / 2);
    const [x0, y0] = polarPoint(frame, 0, 5, 4);
    expect(x0).toBeCloseTo(100);
    expect(y0).toBeCloseTo(20);
    // The second of five spokes is to the upper right (screen y grows downwards).
    const [x1, y1] = polarPoint(frame, 1, 5, 4);
    expect(x1).toBeGreaterThan(100);
    expect(y1).toBeLessThan(100);
  });

  it('puts a value at its share of the radius, and 0 at the centre', () => {
    expect(polarPoint(frame, 2, 4, 2)).toEqual([100, 140]);
    const [x, y] = polarPoint(frame, 3, 5, 0);
    expect(x).toBeCloseTo(100);
    expect(y).toBeCloseTo(100);
  });

  it('lists a polygon point per value and a ring per level', () => {
    expect(polygonPoints(frame, [4, 4, 4, 4])).toBe('100,20 180,100 100,180 20,100');
    expect(ringValues(frame)).toEqual([1, 2, 3, 4]);
  });

  it('places labels outside the ring: above the top spoke, below the bottom one, beside the rest', () => {
    const top = spokeLabel(frame, 0, 4, 10);
    expect(top).toMatchObject({ anchor: 'middle', position: 'above' });
    expect(top.y).toBeCloseTo(10);
    expect(spokeLabel(frame, 1, 4, 10)).toMatchObject({ anchor: 'start', position: 'beside' });
    expect(spokeLabel(frame, 2, 4, 10)).toMatchObject({ anchor: 'middle', position: 'below' });
    expect(spokeLabel(frame, 3, 4, 10)).toMatchObject({ anchor: 'end', position: 'beside' });
    // A three-line label above grows upwards, beside is centred on the spoke's end.
    expect(labelTop(top, 3, 16)).toBeCloseTo(10 - 32);
    expect(labelTop(spokeLabel(frame, 1, 4, 10), 3, 16)).toBeCloseTo(100 - 16);
  });
});
