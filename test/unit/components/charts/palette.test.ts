import { describe, expect, it } from 'vitest';
import { colourDistance, contrastRatio, relativeLuminance } from '@/components/charts/colour';
import {
  GRID,
  INK,
  LEVEL_FILLS,
  SECONDARY_TEXT,
  SERIES,
  STATUS_FILLS,
  WHITE,
} from '@/components/charts/palette';
import { LEVEL_IDS } from '@/domain/levels';

const VISIONS = ['normal', 'deuteranopia', 'protanopia'] as const;

describe('level palette', () => {
  const fills = LEVEL_IDS.map((id) => LEVEL_FILLS[id].fill);

  it('stands out from the white page (WCAG 1.4.11: 3:1) and carries readable labels (4.5:1)', () => {
    for (const id of LEVEL_IDS) {
      expect(contrastRatio(LEVEL_FILLS[id].fill, WHITE), id).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(LEVEL_FILLS[id].fill, LEVEL_FILLS[id].text), id).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });

  it('gets darker level by level, so the order reads in greyscale too', () => {
    const luminances = fills.map(relativeLuminance);
    for (let i = 1; i < luminances.length; i++) {
      expect(luminances[i]).toBeLessThan(luminances[i - 1]!);
      // A clear lightness step between neighbours, not a shade apart.
      expect(contrastRatio(fills[i]!, fills[i - 1]!)).toBeGreaterThanOrEqual(1.5);
    }
  });

  it('keeps neighbouring levels apart under deuteranopia, protanopia and in greyscale', () => {
    for (let i = 1; i < fills.length; i++) {
      for (const vision of [...VISIONS, 'greyscale'] as const) {
        expect(colourDistance(fills[i]!, fills[i - 1]!, vision), `${i} ${vision}`).toBeGreaterThan(
          15,
        );
      }
    }
  });

  it('does not use the status colours, so a level never reads as red, amber or green', () => {
    for (const fill of fills) {
      for (const status of Object.values(STATUS_FILLS)) {
        expect(colourDistance(fill, status.fill)).toBeGreaterThan(20);
      }
    }
  });
});

describe('series styles', () => {
  it('has five series, each ≥ 3:1 against white', () => {
    expect(SERIES).toHaveLength(5);
    for (const s of SERIES)
      expect(contrastRatio(s.colour, WHITE), s.colour).toBeGreaterThanOrEqual(3);
  });

  it('keeps every pair of series colours apart under deuteranopia and protanopia', () => {
    for (let i = 0; i < SERIES.length; i++) {
      for (let j = i + 1; j < SERIES.length; j++) {
        for (const vision of VISIONS) {
          expect(
            colourDistance(SERIES[i]!.colour, SERIES[j]!.colour, vision),
            `${SERIES[i]!.colour} ${SERIES[j]!.colour} ${vision}`,
          ).toBeGreaterThan(20);
        }
      }
    }
  });

  it('gives each series its own dash pattern and marker shape, so colour is never the only cue', () => {
    expect(new Set(SERIES.map((s) => s.dash)).size).toBe(SERIES.length);
    expect(new Set(SERIES.map((s) => s.marker)).size).toBe(SERIES.length);
  });
});

describe('status colours and text colours', () => {
  it('outlines any status swatch lighter than 3:1 and keeps its label readable', () => {
    for (const [status, s] of Object.entries(STATUS_FILLS)) {
      if (contrastRatio(s.fill, WHITE) < 3) expect(s.outline, status).not.toBeNull();
      expect(contrastRatio(s.fill, s.text), status).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps red and green apart for a deuteranope through lightness', () => {
    expect(
      colourDistance(STATUS_FILLS['on-track'].fill, STATUS_FILLS.behind.fill, 'deuteranopia'),
    ).toBeGreaterThan(20);
  });

  it('sets text in ink and secondary text at 4.5:1 or more, and the grid is faint', () => {
    expect(contrastRatio(INK, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(SECONDARY_TEXT, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(GRID, WHITE)).toBeLessThan(1.5);
  });
});
