import { describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { levelDistribution, regionalSystems, systemTrend } from '@/domain/regional/aggregate';
import type { Snapshot } from '@/domain/regional/snapshot';
import { shippedFramework as framework } from '../../../support/framework';
import { sampleSnapshot } from '../../../support/snapshots';

const characteristicIds = framework.characteristics.map((c) => c.id);

const snap = (
  systemName: string,
  asAt: string,
  level: LevelId | null,
  publishedAt?: string,
): Snapshot => sampleSnapshot(systemName, asAt, level, publishedAt ? { publishedAt } : {});

const snapshots = [
  snap('Westshire ICS', '2025-03-31', 'thriving'),
  snap('eastshire ICS', '2025-03-31', 'emerging'),
  snap('Eastshire ICS', '2024-03-31', 'developing'),
  snap('Northshire ICS', '2025-03-31', 'maturing'),
  snap('Southshire ICS', '2025-03-31', null),
];

describe('regionalSystems', () => {
  it('lists systems alphabetically by default (not by level), one per system key', () => {
    const systems = regionalSystems(snapshots);
    expect(systems.map((s) => s.name)).toEqual([
      'eastshire ICS',
      'Northshire ICS',
      'Southshire ICS',
      'Westshire ICS',
    ]);
  });

  it('keeps each system’s history oldest first and its newest snapshot as latest', () => {
    const [east] = regionalSystems([...snapshots].reverse());
    expect(east!.history.map((s) => s.asAt)).toEqual(['2024-03-31', '2025-03-31']);
    expect(east!.latest.overall).toBe('emerging');
  });

  it('ranks by overall level only when asked, not-enough-evidence last, ties alphabetical', () => {
    const ranked = regionalSystems(
      [...snapshots, snap('Aardshire ICS', '2025-03-31', 'maturing')],
      'overall',
    );
    expect(ranked.map((s) => s.name)).toEqual([
      'Westshire ICS',
      'Aardshire ICS',
      'Northshire ICS',
      'eastshire ICS',
      'Southshire ICS',
    ]);
  });

  it('is empty with no snapshots', () => {
    expect(regionalSystems([])).toEqual([]);
  });
});

describe('levelDistribution', () => {
  it('counts each system once, by its latest snapshot, per characteristic', () => {
    const distribution = levelDistribution(regionalSystems(snapshots), characteristicIds);
    expect(distribution).toHaveLength(characteristicIds.length);
    for (const row of distribution) {
      expect(row.counts).toEqual({ emerging: 1, developing: 0, maturing: 1, thriving: 1 });
      expect(row.insufficient).toBe(1);
    }
  });
});

describe('systemTrend', () => {
  it('gives one point per date described, oldest first; a later publication replaces an earlier one', () => {
    const [east] = regionalSystems([
      ...snapshots,
      snap('Eastshire ICS', '2024-03-31', 'maturing', '2024-05-01T00:00:00.000Z'),
    ]);
    const trend = systemTrend(east!);
    expect(trend.map((p) => [p.asAt, p.overall])).toEqual([
      ['2024-03-31', 'maturing'],
      ['2025-03-31', 'emerging'],
    ]);
    expect(trend[0]!.levels[characteristicIds[0]!]).toBe('maturing');
  });
});
