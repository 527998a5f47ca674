import { describe, expect, it } from 'vitest';
import { pickerView, type PickerItem } from '@/features/compare/lib/picker-groups';

/** `systems` systems of `each` assessments, newest first, system by system in turn. */
function items(systems: number, each: number): PickerItem[] {
  const rows: PickerItem[] = [];
  for (let i = 0; i < each; i++)
    for (let s = 0; s < systems; s++)
      rows.push({ id: `s${s}-a${i}`, systemKey: `system ${s}`, systemName: ` System ${s} ` });
  return rows;
}

const LIMITS = { perSystem: 3, systems: 10 };
const count = (view: ReturnType<typeof pickerView>) =>
  view.groups.reduce((n, g) => n + g.shown.length, 0);

describe('pickerView', () => {
  it('shows the newest few of the first systems only, however many are stored', () => {
    const view = pickerView(items(40, 25), [], new Set(), LIMITS);
    expect(view.groups.map((g) => g.key)).toEqual(
      Array.from({ length: 10 }, (_, s) => `system ${s}`),
    );
    expect(count(view)).toBe(30);
    expect(view.hiddenSystems).toBe(30);
    expect(view.groups[0]).toMatchObject({ systemName: 'System 0', total: 25, isExpanded: false });
    expect(view.groups[0]!.shown.map((i) => i.id)).toEqual(['s0-a0', 's0-a1', 's0-a2']);
  });

  it('shows every assessment of an expanded system', () => {
    const view = pickerView(items(40, 25), [], new Set(['system 2']), LIMITS);
    expect(view.groups[2]!.shown).toHaveLength(25);
    expect(view.groups[2]!.isExpanded).toBe(true);
    expect(count(view)).toBe(9 * 3 + 25);
  });

  it('keeps chosen assessments visible: an older one, and one of a system beyond the page', () => {
    const view = pickerView(items(40, 25), ['s1-a20', 's30-a24'], new Set(), LIMITS);
    expect(view.groups[1]!.shown.map((i) => i.id)).toEqual(['s1-a0', 's1-a1', 's1-a2', 's1-a20']);
    expect(view.groups.map((g) => g.key)).toContain('system 30');
    expect(view.groups.at(-1)!.shown.map((i) => i.id)).toEqual([
      's30-a0',
      's30-a1',
      's30-a2',
      's30-a24',
    ]);
    expect(view.hiddenSystems).toBe(29);
  });

  it('shows more systems when asked, and nothing for no assessments', () => {
    expect(pickerView(items(40, 2), [], new Set(), { ...LIMITS, systems: 20 }).hiddenSystems).toBe(
      20,
    );
    expect(pickerView([], [], new Set(), LIMITS)).toEqual({ groups: [], hiddenSystems: 0 });
  });
});
