import { describe, expect, it } from 'vitest';
import { regionalSystems } from '@/domain/regional/aggregate';
import { makeSnapshot } from '@/domain/regional/snapshot';
import type { LevelId } from '@/domain/levels';
import { profileRows } from '@/features/regional/lib/profile-rows';
import { shippedFramework as framework } from '../../../../support/framework';

const ids = framework.characteristics.flatMap((c) => c.criteria.map((k) => k.id));

function snap(systemName: string, level: LevelId | null) {
  return makeSnapshot({
    assessment: {
      systemName,
      asAt: '2026-03-31',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      status: { state: 'draft' },
    },
    ratings: ids.map((criterionId) => ({
      assessmentId: 'a',
      criterionId,
      level,
      rationale: '',
      evidence: [],
      confidence: null,
      updatedAt: 0,
    })),
    framework,
    targets: [],
    publishedAt: new Date('2026-04-01T00:00:00Z'),
  });
}

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
