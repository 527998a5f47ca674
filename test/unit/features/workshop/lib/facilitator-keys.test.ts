import { describe, expect, it } from 'vitest';
import { spreadOf, type IndividualRating } from '@/domain/workshop/spread';
import {
  facilitatorAction,
  orderCriterionIds,
  positionOf,
  stepIndex,
} from '@/features/workshop/lib/facilitator-keys';

const idle = { isOnControl: false, isNoteOpen: false, isEnabled: true };

describe('facilitator keyboard mapping', () => {
  it('maps the documented keys', () => {
    expect(facilitatorAction({ key: 'ArrowLeft' }, idle)).toEqual({ type: 'previous' });
    expect(facilitatorAction({ key: 'ArrowRight' }, idle)).toEqual({ type: 'next' });
    expect(facilitatorAction({ key: 'PageUp' }, idle)).toEqual({ type: 'previous' });
    expect(facilitatorAction({ key: 'PageDown' }, idle)).toEqual({ type: 'next' });
    expect(facilitatorAction({ key: 'Home' }, idle)).toEqual({ type: 'first' });
    expect(facilitatorAction({ key: 'End' }, idle)).toEqual({ type: 'last' });
    expect(facilitatorAction({ key: 'r' }, idle)).toEqual({ type: 'reveal' });
    expect(facilitatorAction({ key: 'R' }, idle)).toEqual({ type: 'reveal' });
    expect(facilitatorAction({ key: 'n' }, idle)).toEqual({ type: 'note' });
    expect(facilitatorAction({ key: 'o' }, idle)).toEqual({ type: 'toggleOrder' });
    expect(facilitatorAction({ key: 'f' }, idle)).toEqual({ type: 'fullscreen' });
    expect(facilitatorAction({ key: 'Escape' }, idle)).toEqual({ type: 'leave' });
  });

  it('maps 1–4 to the four levels, lowest first, and nothing else', () => {
    expect(['1', '2', '3', '4'].map((key) => facilitatorAction({ key }, idle))).toEqual([
      { type: 'agree', level: 'emerging' },
      { type: 'agree', level: 'developing' },
      { type: 'agree', level: 'maturing' },
      { type: 'agree', level: 'thriving' },
    ]);
    for (const key of ['0', '5', '9', 'x', ' ', 'Enter', 'Tab', 'ArrowUp', '12']) {
      expect(facilitatorAction({ key }, idle)).toBeNull();
    }
  });

  it('leaves browser shortcuts alone', () => {
    expect(facilitatorAction({ key: 'r', ctrlKey: true }, idle)).toBeNull();
    expect(facilitatorAction({ key: 'n', metaKey: true }, idle)).toBeNull();
    expect(facilitatorAction({ key: 'ArrowLeft', altKey: true }, idle)).toBeNull();
  });

  it('does nothing but close the note while typing', () => {
    const typing = { isOnControl: true, isNoteOpen: true, isEnabled: true };
    for (const key of ['r', 'R', 'n', '1', '4', 'ArrowLeft', 'ArrowRight', 'o', 'f', 'End']) {
      expect(facilitatorAction({ key }, typing)).toBeNull();
    }
    expect(facilitatorAction({ key: 'Escape' }, typing)).toEqual({ type: 'closeNote' });
    expect(facilitatorAction({ key: 'Escape' }, { ...idle, isNoteOpen: true })).toEqual({
      type: 'closeNote',
    });
  });

  it('leaves every key but Esc to a button, link or select that has focus', () => {
    const onButton = { ...idle, isOnControl: true };
    for (const key of ['r', '1', '3', 'n', 'o', 'f', 'ArrowLeft', 'ArrowRight', 'Home', 'End']) {
      expect(facilitatorAction({ key }, onButton)).toBeNull();
    }
    expect(facilitatorAction({ key: 'Escape' }, onButton)).toEqual({ type: 'leave' });
  });

  it('does nothing when switched off, except Esc closing the note', () => {
    const off = { ...idle, isEnabled: false };
    for (const key of ['r', '1', '4', 'n', 'o', 'f', 'ArrowLeft', 'PageDown', 'End', 'Escape']) {
      expect(facilitatorAction({ key }, off)).toBeNull();
    }
    expect(facilitatorAction({ key: 'Escape' }, { ...off, isNoteOpen: true })).toEqual({
      type: 'closeNote',
    });
  });
});

describe('facilitator navigation', () => {
  it('stays within the first and last criterion', () => {
    expect(stepIndex(0, -1, 24)).toBe(0);
    expect(stepIndex(0, 1, 24)).toBe(1);
    expect(stepIndex(23, 1, 24)).toBe(23);
    expect(stepIndex(5, -Infinity, 24)).toBe(0);
    expect(stepIndex(5, Infinity, 24)).toBe(23);
    expect(stepIndex(3, 1, 0)).toBe(0);
  });

  it('finds the current criterion, falling back to the first', () => {
    expect(positionOf(['a', 'b', 'c'], 'c')).toBe(2);
    expect(positionOf(['a', 'b', 'c'], 'z')).toBe(0);
    expect(positionOf(['a', 'b', 'c'], null)).toBe(0);
  });

  it('orders by framework or by disagreement', () => {
    const ratings: IndividualRating[] = [
      { participantId: 'p1', criterionId: 'b', level: 'emerging', note: '' },
      { participantId: 'p2', criterionId: 'b', level: 'thriving', note: '' },
      { participantId: 'p1', criterionId: 'c', level: 'maturing', note: '' },
      { participantId: 'p2', criterionId: 'c', level: 'developing', note: '' },
    ];
    const list = ['a', 'b', 'c'].map((id) => spreadOf(id, ratings, () => 'other'));
    expect(orderCriterionIds(list, 'framework')).toEqual(['a', 'b', 'c']);
    expect(orderCriterionIds(list, 'disagreement')).toEqual(['b', 'c', 'a']);
  });
});
