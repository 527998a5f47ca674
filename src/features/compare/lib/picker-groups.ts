/** What the picker needs of an assessment (the stored summary, with its system key). */
export type PickerItem = { id: string; systemKey: string; systemName: string };

export type PickerGroup<T extends PickerItem> = {
  key: string;
  systemName: string;
  /** The newest few, any chosen one beyond them, or all when the system is expanded. */
  shown: T[];
  /** How many assessments the system has. */
  total: number;
  isExpanded: boolean;
};

export type PickerView<T extends PickerItem> = {
  groups: PickerGroup<T>[];
  /** Systems not shown yet (behind "Show more systems"). */
  hiddenSystems: number;
};

export type PickerLimits = {
  /** Assessments shown per system before it is expanded. */
  perSystem: number;
  /** Systems shown, newest first; a system with a chosen assessment is always shown too. */
  systems: number;
};

/**
 * The picker of compare as a bounded view of every assessment (newest first): systems in order of
 * their newest assessment, the first `systems` of them, each with its newest `perSystem`
 * assessments unless expanded. A chosen assessment is never hidden, so it can always be unticked.
 * At most `systems × perSystem` plus the chosen ones, whatever is stored (until expanded).
 */
export function pickerView<T extends PickerItem>(
  newestFirst: readonly T[],
  selected: readonly string[],
  expanded: ReadonlySet<string>,
  limits: PickerLimits,
): PickerView<T> {
  const chosen = new Set(selected);
  const bySystem = new Map<string, T[]>();
  for (const item of newestFirst) {
    const group = bySystem.get(item.systemKey);
    if (group) group.push(item);
    else bySystem.set(item.systemKey, [item]);
  }
  const groups: PickerGroup<T>[] = [];
  let hiddenSystems = 0;
  let index = 0;
  for (const [key, items] of bySystem) {
    const isFirstPage = index < limits.systems;
    index += 1;
    if (!isFirstPage && !items.some((item) => chosen.has(item.id))) {
      hiddenSystems += 1;
      continue;
    }
    const isExpanded = expanded.has(key);
    groups.push({
      key,
      systemName: items[0]?.systemName.trim() ?? '',
      shown: isExpanded
        ? items
        : items.filter((item, i) => i < limits.perSystem || chosen.has(item.id)),
      total: items.length,
      isExpanded,
    });
  }
  return { groups, hiddenSystems };
}
