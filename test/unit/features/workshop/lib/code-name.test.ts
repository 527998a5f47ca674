import { describe, expect, it } from 'vitest';
import { codeName } from '@/features/workshop/lib/code-name';
import { translator } from '../../../../support/translate';

const t = translator('workshop');

describe('codeName', () => {
  it('names a workshop joined by code by its key, after the label when the code had one', () => {
    expect(codeName(t, { workshopId: '7KQ2M-XD4PA' })).toBe('7KQ2M-XD4PA');
    expect(codeName(t, { workshopId: '7KQ2M-XD4PA', label: 'NORTH' })).toBe('NORTH (7KQ2M-XD4PA)');
  });
});
