import type { ReactNode } from 'react';
import { focusAfterRemoval, type FocusTarget } from '@/lib/focus';

/**
 * The "Remove …" button of one item in a list. Focus then goes to the next item's Remove, else
 * the previous one's, else `fallback` (lib/focus.ts). `marker` is the data attribute every Remove
 * in the list carries, which is how they are found.
 */
export function RemoveButton({
  marker,
  fallback,
  onRemove,
  children,
}: {
  marker: `data-${string}`;
  fallback: FocusTarget;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="nhsuk-button app-button-link"
      {...{ [marker]: true }}
      onClick={(event) => {
        focusAfterRemoval(event.currentTarget, `[${marker}]`, fallback);
        onRemove();
      }}
    >
      {children}
    </button>
  );
}
