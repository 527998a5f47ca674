import { describe, expect, it } from 'vitest';
import { editKey, isEdit, type Edit } from '@/storage/edits';

const examples: Edit[] = [
  { kind: 'assessment', assessmentId: 'a1', field: 'title', value: 'Review', editedAt: 1 },
  {
    kind: 'rating',
    assessmentId: 'a1',
    criterionId: 'c1',
    field: 'level',
    value: 'maturing',
    editedAt: 1,
  },
  {
    kind: 'evidence',
    assessmentId: 'a1',
    criterionId: 'c1',
    itemId: 'e1',
    field: 'text',
    value: 'Minutes',
    editedAt: 1,
  },
  {
    kind: 'individual',
    workshopId: 'w1',
    participantId: 'p1',
    criterionId: 'c1',
    field: 'level',
    value: 'emerging',
    editedAt: 1,
  },
  {
    kind: 'joined',
    workshopId: 'w1',
    criterionId: 'c1',
    field: 'note',
    value: 'Unsure',
    editedAt: 1,
  },
  {
    kind: 'agreement',
    workshopId: 'w1',
    criterionId: 'c1',
    field: 'dissent',
    value: 'Council',
    editedAt: 1,
  },
  { kind: 'draft', form: 'new-action', field: 'owner', value: 'Chair', editedAt: 1 },
];

describe('editKey', () => {
  it('names the field an edit changes: the same for later edits of it, different for any other', () => {
    const keys = examples.map(editKey);
    expect(new Set(keys).size).toBe(examples.length);
    expect(editKey({ ...examples[1]!, value: 'thriving', editedAt: 9 } as Edit)).toBe(keys[1]);
    expect(editKey({ ...examples[1]!, field: 'rationale' } as Edit)).not.toBe(keys[1]);
    expect(editKey({ ...examples[1]!, criterionId: 'c2' } as Edit)).not.toBe(keys[1]);
  });

  it('uses the documented key formats that journals on users’ devices already hold', () => {
    expect(examples.map(editKey)).toEqual([
      'a|a1|title',
      'r|a1|c1|level',
      'e|a1|c1|e1|text',
      'i|w1|p1|c1|level',
      'j|w1|c1|note',
      'g|w1|c1|dissent',
      'd|new-action|owner',
    ]);
  });
});

describe('isEdit', () => {
  it('accepts every kind of edit, and whole-list evidence edits of older versions', () => {
    for (const edit of examples) expect(isEdit(edit), edit.kind).toBe(true);
    expect(
      isEdit({
        kind: 'rating',
        assessmentId: 'a1',
        criterionId: 'c1',
        field: 'evidence',
        value: [],
        editedAt: 1,
      }),
    ).toBe(true);
    expect(isEdit({ ...examples[6]!, field: 'any-field-of-a-form' })).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'edit'],
    ['an unknown kind', { ...examples[0]!, kind: 'plan' }],
    ['a kind that is a property of every object', { ...examples[0]!, kind: 'toString' }],
    ['a field its kind does not have', { ...examples[0]!, field: 'frameworkId' }],
    ['a missing id', { ...examples[1]!, criterionId: undefined }],
    ['an id that is not text', { ...examples[0]!, assessmentId: 7 }],
    ['no time', { ...examples[0]!, editedAt: undefined }],
    ['a time that is not a number', { ...examples[0]!, editedAt: Number.NaN }],
    ['an infinite time', { ...examples[0]!, editedAt: Number.POSITIVE_INFINITY }],
  ])('refuses %s', (_name, value) => {
    expect(isEdit(value)).toBe(false);
  });
});
