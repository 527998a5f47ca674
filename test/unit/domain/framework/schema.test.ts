import { describe, expect, it } from 'vitest';
import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import { criterionSchema, frameworkSchema } from '@/domain/framework/schema';

// The rules parseFramework reports (missing descriptor, level order, duplicate criterion ids,
// version, milestone dates) are in parse-framework.test.ts; these are the others.
type FrameworkJson = typeof frameworkJson;
const valid = (): FrameworkJson => structuredClone(frameworkJson);
const messages = (input: unknown): string[] => {
  const result = frameworkSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('frameworkSchema', () => {
  it('accepts the shipped framework as it is', () => {
    expect(messages(valid())).toEqual([]);
  });

  it('refuses text that is only spaces', () => {
    const fw = valid();
    fw.characteristics[0]!.title = '   ';
    expect(messages(fw)).toEqual([expect.stringMatching(/^characteristics\.0\.title: /)]);
  });

  it('refuses a characteristic without criteria, and fewer than four levels', () => {
    const empty = valid();
    empty.characteristics[0]!.criteria = [];
    expect(messages(empty)).toEqual([expect.stringMatching(/^characteristics\.0\.criteria: /)]);
    const three = valid();
    three.levels = three.levels.slice(0, 3);
    expect(messages(three)[0]).toMatch(/^levels: /);
  });

  it('refuses levels in order whose ranks are wrong', () => {
    const fw = valid();
    fw.levels[2]!.rank = 4;
    expect(messages(fw)).toEqual([
      'levels.2: levels must be emerging, developing, maturing, thriving in order',
    ]);
  });

  it('refuses a criterion with the id of a characteristic', () => {
    const fw = valid();
    fw.characteristics[1]!.criteria[0]!.id = fw.characteristics[0]!.id;
    expect(messages(fw)).toEqual([`characteristics: duplicate id ${fw.characteristics[0]!.id}`]);
  });

  it('refuses a milestone with an unknown precision', () => {
    const fw = valid() as unknown as { milestones: { precision: string }[] };
    fw.milestones[0]!.precision = 'year';
    expect(messages(fw)[0]).toMatch(/^milestones\.0\.precision: /);
  });
});

describe('criterionSchema', () => {
  const criterion = () => structuredClone(frameworkJson.characteristics[0]!.criteria[0]!);

  it('needs every evidence prompt to be text', () => {
    expect(criterionSchema.safeParse(criterion()).success).toBe(true);
    expect(criterionSchema.safeParse({ ...criterion(), evidence: ['Minutes', ''] }).success).toBe(
      false,
    );
    expect(criterionSchema.safeParse({ ...criterion(), evidence: [42] }).success).toBe(false);
  });
});
