import type { Criterion, Framework } from './schema';

/** Anything that lists the levels with their titles: a framework, or a board paper's copy. */
export type HasLevels = {
  readonly levels: readonly { readonly id: string; readonly title: string }[];
};

/**
 * The framework's title for a level id, or `undefined` when the id is empty or unknown, so the
 * caller says what to show instead ("Insufficient evidence", "Not assessed", the raw id…).
 */
export function levelTitle(
  framework: HasLevels,
  levelId: string | null | undefined,
): string | undefined {
  if (levelId === null || levelId === undefined) return undefined;
  return framework.levels.find((l) => l.id === levelId)?.title;
}

/** Every criterion of the framework, in framework order (characteristic by characteristic). */
export function allCriteria(framework: Pick<Framework, 'characteristics'>): Criterion[] {
  return framework.characteristics.flatMap((c) => c.criteria);
}

/** The criterion's title, or `undefined` when the framework has no criterion with that id. */
export function criterionTitle(
  framework: Pick<Framework, 'characteristics'>,
  criterionId: string,
): string | undefined {
  for (const characteristic of framework.characteristics) {
    const found = characteristic.criteria.find((c) => c.id === criterionId);
    if (found) return found.title;
  }
  return undefined;
}
