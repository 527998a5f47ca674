import type { LevelId } from '@/domain/levels';
import { makeSnapshot, type Snapshot } from '@/domain/regional/snapshot';
import { shippedFramework as framework } from './framework';

type Status = Parameters<typeof makeSnapshot>[0]['assessment']['status'];

const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((k) => k.id));

/** A system's regional snapshot with every criterion of the shipped framework at `level`. */
export function sampleSnapshot(
  systemName: string,
  asAt: string,
  level: LevelId | null,
  {
    publishedAt = `${asAt}T12:00:00.000Z`,
    status = { state: 'agreed' },
  }: { publishedAt?: string; status?: Status } = {},
): Snapshot {
  return makeSnapshot({
    assessment: {
      systemName,
      asAt,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      status,
    },
    ratings: criterionIds.map((criterionId) => ({
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
    publishedAt: new Date(publishedAt),
  });
}
