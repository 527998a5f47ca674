import { dayNumber } from '@/domain/trajectory/dates';
import { levelRank } from '@/domain/levels';
import type { CharacteristicTrajectory, Trajectory } from '@/domain/trajectory/trajectory';

/** Chart data for one characteristic: x is a day number, y a level rank (1–4). */
export type XY = { x: number; y: number; date: string };

export type CharacteristicSeries = {
  characteristicId: string;
  assessed: XY[];
  planned: XY[];
  projected: XY[];
};

export function toSeries(c: CharacteristicTrajectory): CharacteristicSeries {
  return {
    characteristicId: c.characteristicId,
    assessed: c.points.flatMap((p) =>
      p.level ? [{ x: dayNumber(p.date), y: levelRank(p.level), date: p.date }] : [],
    ),
    planned: c.plan.map((p) => ({ x: dayNumber(p.date), y: p.rank, date: p.date })),
    projected:
      c.projection.kind === 'projected'
        ? c.projection.path.map((p) => ({ x: dayNumber(p.date), y: p.rank, date: p.date }))
        : [],
  };
}

export function axisDomain(trajectory: Trajectory): [number, number] {
  return [dayNumber(trajectory.start) - 30, dayNumber(trajectory.end) + 30];
}

/** 1 January of every year inside the domain, as day numbers. */
export function yearTicks([from, to]: [number, number]): number[] {
  const first = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const last = new Date(to * 86_400_000).getUTCFullYear();
  const ticks: number[] = [];
  for (let year = first; year <= last; year++) ticks.push(dayNumber(`${year}-01-01`));
  return ticks;
}
