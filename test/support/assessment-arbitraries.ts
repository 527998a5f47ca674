import fc from 'fast-check';
import { LEVEL_IDS } from '@/domain/levels';
import type { AssessmentContent } from '@/domain/sync/assessment-document';

const CRITERIA = ['care.pcns', 'care.phm', 'leadership.governance', 'finance.plan'] as const;
const text = fc.string({ maxLength: 20 });
const level = fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null });
const confidence = fc.constantFrom('high' as const, 'medium' as const, 'low' as const, null);

/** Valid assessment contents (as a backup would accept them), for property tests. */
export const assessmentContent: fc.Arbitrary<AssessmentContent> = fc
  .record({
    id: fc.uuid(),
    systemName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    title: text,
    asAt: fc.constantFrom('2019-06-30', '2020-03-31', '2021-02-28'),
    updatedAt: fc.nat(),
    criteria: fc.uniqueArray(fc.constantFrom(...CRITERIA), { maxLength: CRITERIA.length }),
  })
  .chain((a) =>
    fc.record({
      assessment: fc.record({
        id: fc.constant(a.id),
        systemName: fc.constant(a.systemName),
        title: fc.constant(a.title),
        asAt: fc.constant(a.asAt),
        frameworkId: fc.constant('ics-maturity-2019'),
        frameworkVersion: fc.constant('1.0.0'),
        basedOnId: fc.constant(null),
        status: fc.constant({ state: 'draft' as const }),
        statusHistory: fc.constant([]),
        createdAt: fc.constant(0),
        updatedAt: fc.constant(a.updatedAt),
        stamps: fc.record({ title: fc.nat(), asAt: fc.nat() }, { requiredKeys: [] }),
      }),
      ratings: fc.tuple(
        ...a.criteria.map((criterionId) =>
          fc.record({
            assessmentId: fc.constant(a.id),
            criterionId: fc.constant<string>(criterionId),
            level,
            rationale: text,
            evidence: fc.array(fc.record({ id: fc.uuid(), text, url: fc.constant('') }), {
              maxLength: 2,
            }),
            confidence,
            updatedAt: fc.nat(),
            stamps: fc.record({ level: fc.nat(), rationale: fc.nat() }, { requiredKeys: [] }),
          }),
        ),
      ),
    }),
  );

export { CRITERIA };
