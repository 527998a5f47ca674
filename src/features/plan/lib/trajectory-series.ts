import type { TrajectorySeries } from '@/components/charts/trajectory-chart';
import { levelRank } from '@/domain/levels';
import { dayNumber } from '@/domain/trajectory/dates';
import type { CharacteristicTrajectory } from '@/domain/trajectory/trajectory';

/** Chart series for one characteristic: x a day number, y a level rank (1–4). */
export function toSeries(
  c: CharacteristicTrajectory,
  index: number,
  name: string,
): TrajectorySeries {
  return {
    id: c.characteristicId,
    name,
    index,
    assessed: c.points.flatMap((p) =>
      p.level ? [{ x: dayNumber(p.date), y: levelRank(p.level) }] : [],
    ),
    planned: c.plan.map((p) => ({ x: dayNumber(p.date), y: p.rank })),
    projected:
      c.projection.kind === 'projected'
        ? c.projection.path.map((p) => ({ x: dayNumber(p.date), y: p.rank }))
        : [],
  };
}
