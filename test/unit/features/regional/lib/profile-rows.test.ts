import { describe, expect, it } from 'vitest';
import { regionalSystems } from '@/domain/regional/aggregate';
import type { LevelId } from '@/domain/levels';
import { profileRows } from '@/features/regional/lib/profile-rows';
import { shippedFramework as framework } from '../../../../support/framework';
import { sampleSnapshot } from '../../../../support/snapshots';

const snap = (systemName: string, level: LevelId | null) =>
  sampleSnapshot(systemName, '2026-03-31', level, {
    publishedAt: '2026-04-01T00:00:00Z',
    status: { state: 'draft' },
  });

describe('profileRows', () => {
  it('gives a row per characteristic and a series per system, in the systems’ order', () => {
    const systems = regionalSystems([snap('Westshire', 'thriving'), snap('Eastshire', null)]);
    const { rows, series } = profileRows(framework, systems);
    expect(series).toEqual([
      { key: 's0', name: 'Eastshire' },
      { key: 's1', name: 'Westshire' },
    ]);
    expect(rows).toHaveLength(framework.characteristics.length);
    expect(rows[0]).toMatchObject({
      label: framework.characteristics[0]!.title,
      characteristicId: framework.characteristics[0]!.id,
      s0: 0,
      s1: 4,
    });
  });
});
