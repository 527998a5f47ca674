import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveQueue } from '@/storage/autosave';
import { deleteDraft, getDraft } from '@/storage/repositories/drafts-repo';
import { nextEditTime } from '@/storage/save-queue';

/**
 * The state of a form that is submitted with a button (a new action, a facilitator's note), kept
 * as it is typed through autosave ('draft' edits), so a crash, a reload or a closed tab does not
 * lose a half-written form. The form's own state is what is shown, so no save can change what is
 * on screen; a draft saved earlier is laid over the empty form once, when it has loaded.
 *
 * `form` names the form instance (e.g. `action:<system>`); `clear()` forgets the draft once the
 * form is submitted or cancelled.
 */
export function useFormDraft<V extends Record<string, string>>(
  form: string,
  initial: V,
): [values: V, setValues: (next: V) => void, clear: () => Promise<void>] {
  const saved = useLiveQuery(() => getDraft(form), [form]);
  const [values, setState] = useState(initial);
  const restored = useRef(false);
  const initialRef = useRef(initial);

  useEffect(() => {
    if (restored.current || saved === undefined) return;
    restored.current = true;
    if (!saved) return;
    // Only fields still untouched take the saved value: nothing typed meanwhile is replaced.
    setState((current) => {
      const next = { ...current };
      for (const [field, value] of Object.entries(saved.values)) {
        if (field in next && current[field] === initialRef.current[field])
          (next as Record<string, string>)[field] = value;
      }
      return next;
    });
  }, [saved]);

  const setValues = useCallback(
    (next: V) => {
      setState((current) => {
        for (const field of Object.keys(next)) {
          if (next[field] === current[field]) continue;
          saveQueue.enqueue({
            kind: 'draft',
            form,
            field,
            value: next[field] ?? '',
            editedAt: nextEditTime(),
          });
        }
        return next;
      });
    },
    [form],
  );

  const clear = useCallback(async () => {
    await saveQueue.discard((edit) => edit.kind === 'draft' && edit.form === form);
    await deleteDraft(form);
    setState(initialRef.current);
  }, [form]);

  return [values, setValues, clear];
}
