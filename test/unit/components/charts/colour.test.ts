import { describe, expect, it } from 'vitest';
import {
  colourDistance,
  contrastRatio,
  parseHex,
  relativeLuminance,
} from '@/components/charts/colour';

describe('relativeLuminance and contrastRatio (WCAG 2)', () => {
  it('gives the reference values for black, white and NHS Blue', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 10);
    // WebAIM's checker: #005EB8 on white is 6.38:1; #767676 on white is 4.54:1.
    expect(contrastRatio('#005eb8', '#ffffff')).toBeCloseTo(6.38, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('does not depend on the order of the two colours', () => {
    expect(contrastRatio('#ffffff', '#212b32')).toBe(contrastRatio('#212b32', '#ffffff'));
  });

  it('rejects anything but #rrggbb', () => {
    expect(() => parseHex('red')).toThrow();
    expect(() => parseHex('#fff')).toThrow();
    expect(parseHex('#0A0b0C')).toEqual([10, 11, 12]);
  });
});

describe('colourDistance under simulated colour-vision deficiency', () => {
  it('keeps red and green apart in normal vision but merges them under deuteranopia', () => {
    expect(colourDistance('#d5281b', '#007f3b')).toBeGreaterThan(80);
    // The old level colours for developing and maturing: distinct hues, 1.11:1 in lightness, and
    // under the 15 the palette test asks of neighbouring levels for a deuteranope.
    expect(colourDistance('#ed8b00', '#78be20')).toBeGreaterThan(40);
    expect(contrastRatio('#ed8b00', '#78be20')).toBeCloseTo(1.11, 2);
    expect(colourDistance('#ed8b00', '#78be20', 'deuteranopia')).toBeLessThan(15);
  });

  it('shows the drift found in the old trajectory series (#7c2855 and #425563 become one grey)', () => {
    expect(colourDistance('#7c2855', '#425563')).toBeGreaterThan(40);
    expect(colourDistance('#7c2855', '#425563', 'deuteranopia')).toBeLessThan(10);
  });

  it('leaves greys alone and keeps blue and yellow apart under every simulation', () => {
    expect(colourDistance('#808080', '#808080', 'deuteranopia')).toBeCloseTo(0, 5);
    for (const vision of ['deuteranopia', 'protanopia', 'greyscale'] as const) {
      expect(colourDistance('#005eb8', '#ffb81c', vision)).toBeGreaterThan(35);
    }
  });
});
