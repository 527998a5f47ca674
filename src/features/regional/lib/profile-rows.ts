import type { Framework } from '@/domain/framework/schema';
import { levelRank } from '@/domain/levels';
import type { RegionalSystem } from '@/domain/regional/aggregate';

export type ProfileRow = { label: string; characteristicId: string } & Record<
  string,
  number | string
>;
export type ProfileSeries = { key: string; name: string };

/**
 * The systems' latest profiles as radar rows: one row per characteristic (framework order), one
 * series per system (`s0`, `s1`, … in the systems' order), each a level rank 1–4 or 0 for not
 * enough evidence.
 */
export function profileRows(
  framework: Framework,
  systems: readonly RegionalSystem[],
): { rows: ProfileRow[]; series: ProfileSeries[] } {
  const series = systems.map((s, i) => ({ key: `s${i}`, name: s.name }));
  const rows = framework.characteristics.map((characteristic) => {
    const row: ProfileRow = { label: characteristic.title, characteristicId: characteristic.id };
    systems.forEach((system, i) => {
      const level = system.latest.characteristics.find((c) => c.id === characteristic.id)?.level;
      row[`s${i}`] = level ? levelRank(level) : 0;
    });
    return row;
  });
  return { rows, series };
}
