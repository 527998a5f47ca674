import type { Framework } from '@/domain/framework/schema';
import { levelRank } from '@/domain/levels';
import type { AssessmentScore } from '@/domain/scoring/score-assessment';

export type RadarPoint = {
  characteristicId: string;
  label: string;
  /** 1–4 for a level, 0 when there is not enough evidence. */
  value: number;
};

/** Scores as recharts radar data: one point per characteristic, in framework order. */
export function toRadarSeries(framework: Framework, score: AssessmentScore): RadarPoint[] {
  return framework.characteristics.map((characteristic) => {
    const result = score.characteristics.find((c) => c.characteristicId === characteristic.id);
    return {
      characteristicId: characteristic.id,
      label: characteristic.title,
      value: result?.level ? levelRank(result.level) : 0,
    };
  });
}
