import { LEVEL_IDS, levelRank, type LevelId } from '../levels';
import type { Snapshot } from './snapshot';

/**
 * What a region sees of its systems' snapshots. Systems are listed alphabetically: a region's
 * view is not a league table. Ranking by overall level is an explicit choice of the user
 * (`order: 'overall'`), and the screen warns what it hides when they make it.
 */
export type SystemOrder = 'alphabetical' | 'overall';

export type RegionalSystem = {
  key: string;
  /** As its newest snapshot spells it. */
  name: string;
  /** Its newest snapshot: the one its profile and the distribution use. */
  latest: Snapshot;
  /** Every snapshot of the system, oldest first (by the date it describes, then publication). */
  history: Snapshot[];
};

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Oldest first: by the date described, then by when it was published. */
function byDate(a: Snapshot, b: Snapshot): number {
  if (a.asAt !== b.asAt) return a.asAt < b.asAt ? -1 : 1;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? -1 : 1;
  return 0;
}

function alphabetical(a: RegionalSystem, b: RegionalSystem): number {
  return collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** 0 for a system with no overall level (not enough evidence): it ranks below emerging. */
function overallRank(system: RegionalSystem): number {
  return system.latest.overall ? levelRank(system.latest.overall) : 0;
}

/**
 * The systems of the snapshots, each with its history, in `order`: alphabetical (the default), or
 * highest overall level first, ties alphabetical.
 */
export function regionalSystems(
  snapshots: readonly Snapshot[],
  order: SystemOrder = 'alphabetical',
): RegionalSystem[] {
  const bySystem = new Map<string, Snapshot[]>();
  for (const snapshot of snapshots) {
    const list = bySystem.get(snapshot.system.key) ?? [];
    list.push(snapshot);
    bySystem.set(snapshot.system.key, list);
  }
  const systems = [...bySystem].map(([key, list]): RegionalSystem => {
    const history = [...list].sort(byDate);
    const latest = history[history.length - 1]!;
    return { key, name: latest.system.name, latest, history };
  });
  systems.sort(alphabetical);
  if (order === 'overall')
    systems.sort((a, b) => overallRank(b) - overallRank(a) || alphabetical(a, b));
  return systems;
}

/** Per characteristic, how many systems (their latest snapshots) are at each level, or have none. */
export type LevelDistribution = {
  characteristicId: string;
  counts: Record<LevelId, number>;
  /** Systems with not enough evidence for a level. */
  insufficient: number;
};

export function levelDistribution(
  systems: readonly RegionalSystem[],
  characteristicIds: readonly string[],
): LevelDistribution[] {
  return characteristicIds.map((characteristicId) => {
    const counts = Object.fromEntries(LEVEL_IDS.map((l) => [l, 0])) as Record<LevelId, number>;
    let insufficient = 0;
    for (const system of systems) {
      const found = system.latest.characteristics.find((c) => c.id === characteristicId);
      if (found?.level) counts[found.level] += 1;
      else insufficient += 1;
    }
    return { characteristicId, counts, insufficient };
  });
}

/** One point of a system's trend: the date described, its overall and characteristic levels. */
export type TrendPoint = {
  asAt: string;
  publishedAt: string;
  overall: LevelId | null;
  levels: Record<string, LevelId | null>;
};

/**
 * A system's levels over time, oldest first. When a date was published more than once, the last
 * publication stands for it (a correction replaces what it corrects).
 */
export function systemTrend(system: RegionalSystem): TrendPoint[] {
  const byAsAt = new Map<string, Snapshot>();
  for (const snapshot of system.history) byAsAt.set(snapshot.asAt, snapshot);
  return [...byAsAt.values()].map((s) => ({
    asAt: s.asAt,
    publishedAt: s.publishedAt,
    overall: s.overall,
    levels: Object.fromEntries(s.characteristics.map((c) => [c.id, c.level])),
  }));
}
