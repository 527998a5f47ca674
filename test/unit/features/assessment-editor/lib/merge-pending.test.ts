import { describe, expect, it } from 'vitest';
import { emptyRating } from '@/domain/assessment';
import {
  withPendingAssessment,
  withPendingRatings,
  type EditableAssessment,
  type EditableRating,
} from '@/features/assessment-editor/lib/merge-pending';
import { editKey, type Edit } from '@/storage/edits';

const stored: EditableAssessment = {
  id: 'a1',
  systemName: 'Northshire ICS',
  title: 'Annual review',
  asAt: '2019-09-30',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  basedOnId: null,
  status: { state: 'draft' },
  createdAt: 1,
  updatedAt: 10,
  stamps: { systemName: 10, title: 50 },
};

const pending = (...edits: Edit[]) => new Map(edits.map((edit) => [editKey(edit), edit]));

describe('withPendingAssessment', () => {
  it('shows a waiting edit over the stored value, with its time', () => {
    const merged = withPendingAssessment(
      stored,
      pending({
        kind: 'assessment',
        assessmentId: 'a1',
        field: 'systemName',
        value: 'Eastvale ICS',
        editedAt: 20,
      }),
    );
    expect(merged.systemName).toBe('Eastvale ICS');
    expect(merged.stamps.systemName).toBe(20);
    expect(merged.title).toBe('Annual review');
  });

  it('keeps a stored value newer than the waiting edit, and ignores other assessments', () => {
    const merged = withPendingAssessment(
      stored,
      pending(
        {
          kind: 'assessment',
          assessmentId: 'a1',
          field: 'title',
          value: 'Older typing',
          editedAt: 40,
        },
        {
          kind: 'assessment',
          assessmentId: 'a2',
          field: 'systemName',
          value: 'Other',
          editedAt: 99,
        },
      ),
    );
    expect(merged).toBe(stored);
  });
});

describe('withPendingRatings', () => {
  const rating = (criterionId: string, partial: Partial<EditableRating> = {}): EditableRating => ({
    ...emptyRating('a1', criterionId),
    stamps: {},
    ...partial,
  });

  it('gives every criterion a rating, unrated ones the same empty object each time', () => {
    const first = withPendingRatings('a1', ['c1', 'c2'], [], new Map());
    const second = withPendingRatings('a1', ['c1', 'c2'], [], new Map());
    expect([...first.keys()]).toEqual(['c1', 'c2']);
    expect(first.get('c1')).toMatchObject({ criterionId: 'c1', level: null, evidence: [] });
    expect(second.get('c1')).toBe(first.get('c1'));
  });

  it('keeps an unchanged stored rating as the same object', () => {
    const c1 = rating('c1', { level: 'maturing', stamps: { level: 5 } });
    expect(withPendingRatings('a1', ['c1'], [c1], new Map()).get('c1')).toBe(c1);
  });

  it('lays waiting level and evidence edits over the stored rating, oldest first', () => {
    const c1 = rating('c1', { level: 'emerging', stamps: { level: 5 }, updatedAt: 5 });
    const merged = withPendingRatings(
      'a1',
      ['c1', 'c2'],
      [c1],
      pending(
        {
          kind: 'rating',
          assessmentId: 'a1',
          criterionId: 'c1',
          field: 'level',
          value: 'thriving',
          editedAt: 9,
        },
        {
          kind: 'evidence',
          assessmentId: 'a1',
          criterionId: 'c1',
          itemId: 'e1',
          field: 'url',
          value: 'https://x.org/',
          editedAt: 8,
        },
        {
          kind: 'evidence',
          assessmentId: 'a1',
          criterionId: 'c1',
          itemId: 'e1',
          field: 'text',
          value: 'Minutes',
          editedAt: 7,
        },
        {
          kind: 'rating',
          assessmentId: 'a2',
          criterionId: 'c2',
          field: 'level',
          value: 'thriving',
          editedAt: 9,
        },
      ),
    ).get('c1')!;
    expect(merged.level).toBe('thriving');
    expect(merged.stamps.level).toBe(9);
    expect(merged.evidence).toEqual([{ id: 'e1', text: 'Minutes', url: 'https://x.org/' }]);
    expect(c1.level).toBe('emerging');
  });

  it('lists new evidence items in the order they were added, whatever order the queue holds', () => {
    const merged = withPendingRatings(
      'a1',
      ['c1'],
      [],
      pending(
        {
          kind: 'evidence',
          assessmentId: 'a1',
          criterionId: 'c1',
          itemId: 'second',
          field: 'text',
          value: 'Plan',
          editedAt: 9,
        },
        {
          kind: 'evidence',
          assessmentId: 'a1',
          criterionId: 'c1',
          itemId: 'first',
          field: 'text',
          value: 'Minutes',
          editedAt: 4,
        },
      ),
    );
    expect(merged.get('c1')!.evidence.map((item) => item.id)).toEqual(['first', 'second']);
  });

  it('never lets a waiting edit older than the stored value show', () => {
    const c1 = rating('c1', { rationale: 'Saved later', stamps: { rationale: 30 }, updatedAt: 30 });
    const merged = withPendingRatings(
      'a1',
      ['c1'],
      [c1],
      pending({
        kind: 'rating',
        assessmentId: 'a1',
        criterionId: 'c1',
        field: 'rationale',
        value: 'Typed earlier',
        editedAt: 20,
      }),
    );
    expect(merged.get('c1')!.rationale).toBe('Saved later');
  });

  it('starts an unrated criterion from empty when the first edit is waiting', () => {
    const merged = withPendingRatings(
      'a1',
      ['c9'],
      [],
      pending({
        kind: 'rating',
        assessmentId: 'a1',
        criterionId: 'c9',
        field: 'confidence',
        value: 'high',
        editedAt: 3,
      }),
    );
    expect(merged.get('c9')).toMatchObject({ criterionId: 'c9', confidence: 'high', level: null });
    // The shared empty rating is not changed by it.
    expect(withPendingRatings('a1', ['c9'], [], new Map()).get('c9')!.confidence).toBeNull();
  });
});
