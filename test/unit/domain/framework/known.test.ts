import { describe, expect, it } from 'vitest';
import v2Json from '../../../fixtures/frameworks/ics-maturity-2019@2.0.0-test.json';
import { knownFrameworks } from '@/domain/framework/known';
import { parseFramework } from '@/domain/framework/parse-framework';
import { shippedFramework } from '../../../support/framework';

describe('knownFrameworks', () => {
  it('keys each framework by id and version, with its criterion and characteristic ids', () => {
    const known = knownFrameworks([shippedFramework]);
    expect([...known.keys()]).toEqual(['ics-maturity-2019@1.0.0']);
    const entry = known.get('ics-maturity-2019@1.0.0')!;
    expect(entry.id).toBe('ics-maturity-2019');
    expect(entry.version).toBe('1.0.0');
    expect(entry.criterionIds.size).toBe(24);
    expect(entry.criterionIds.has('care.pcns')).toBe(true);
    expect(entry.characteristicIds.size).toBe(5);
    expect(entry.characteristicIds.has('care.pcns')).toBe(false);
  });

  it('keeps two versions of one framework apart', () => {
    const v2 = parseFramework(v2Json);
    if (!v2.ok) throw new Error(v2.problem);
    const known = knownFrameworks([shippedFramework, v2.value]);
    expect(known.size).toBe(2);
    expect(known.get('ics-maturity-2019@2.0.0')?.version).toBe('2.0.0');
    expect(knownFrameworks([]).size).toBe(0);
  });
});
