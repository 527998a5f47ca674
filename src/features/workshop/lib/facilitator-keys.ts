import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { byDisagreement, type Spread } from '@/domain/workshop/spread';

/**
 * Keyboard control of the facilitator (projector) view, as pure functions so the mapping and the
 * navigation bounds can be tested without a browser.
 */
export type FacilitatorAction =
  | { type: 'previous' }
  | { type: 'next' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'reveal' }
  | { type: 'agree'; level: LevelId }
  | { type: 'note' }
  | { type: 'closeNote' }
  | { type: 'leave' }
  | { type: 'toggleOrder' }
  | { type: 'fullscreen' };

export type KeyInput = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
};

export type KeyContext = {
  /**
   * Focus is not in the view's content: on a button, link, select or text field, or outside the
   * view. The key then does what it does there (a 3 typed, a button pressed); only Esc acts.
   */
  isOnControl: boolean;
  isNoteOpen: boolean;
  /** The facilitator switched the shortcuts off (WCAG 2.1.4): only Esc closing the note acts. */
  isEnabled: boolean;
};

/** The action for a key press, or null when the key is not ours (the browser keeps it). */
export function facilitatorAction(input: KeyInput, context: KeyContext): FacilitatorAction | null {
  if (input.key === 'Escape') {
    if (context.isNoteOpen) return { type: 'closeNote' };
    return context.isEnabled ? { type: 'leave' } : null;
  }
  if (!context.isEnabled || context.isOnControl) return null;
  // Browser and assistive-technology shortcuts (Ctrl+R, Alt+←, Cmd+N …) are never taken over.
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  switch (input.key) {
    case 'ArrowLeft':
    case 'PageUp': // presentation clickers send PageUp / PageDown
      return { type: 'previous' };
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'next' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
  }
  const key = input.key.toLowerCase();
  if (key === 'r') return { type: 'reveal' };
  if (key === 'n') return { type: 'note' };
  if (key === 'o') return { type: 'toggleOrder' };
  if (key === 'f') return { type: 'fullscreen' };
  const digit = /^[1-4]$/.test(key) ? Number(key) : 0;
  const level = LEVEL_IDS[digit - 1];
  return level ? { type: 'agree', level } : null;
}

/** The position after moving by `delta`, kept within 0…length−1 (no wrap-around). */
export function stepIndex(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return Math.min(length - 1, Math.max(0, index + delta));
}

export type CriterionOrder = 'framework' | 'disagreement';

/** Criterion ids in framework order, or with the most disagreement first (ties keep framework order). */
export function orderCriterionIds(spreadList: readonly Spread[], order: CriterionOrder): string[] {
  const list = order === 'disagreement' ? byDisagreement(spreadList) : spreadList;
  return list.map((s) => s.criterionId);
}

/** Where the criterion `currentId` sits in `ids`; the first one when it is not there. */
export function positionOf(ids: readonly string[], currentId: string | null): number {
  const index = currentId === null ? -1 : ids.indexOf(currentId);
  return index < 0 ? 0 : index;
}
