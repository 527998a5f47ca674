import { useCallback, useState, useSyncExternalStore } from 'react';
import { saveQueue } from '@/storage/autosave';
import { editKey, type Edit, type EditTarget } from '@/storage/edits';
import { nextEditTime } from '@/storage/save-queue';

type Draft = { value: string; at: number; isSaved: boolean };

/**
 * A text field that saves as it is typed and never goes back to an older value. The field keeps
 * its own draft while it is edited and only adopts a stored value that is at least as new as its
 * last edit: a save landing, or the live query re-reading a moment later, cannot replace what is
 * on screen with something older, so no keystroke is lost and the caret stays where it is.
 *
 * `stored` and `storedAt` are the value as stored and its stamp (0 when unknown); an edit still
 * queued for this field is laid over them. With `accept`, a value it refuses stays on screen (the
 * caller shows why) and is not saved; the last accepted value stays stored.
 */
export function useAutosavedText(
  target: EditTarget,
  stored: string,
  storedAt = 0,
  accept?: (value: string) => boolean,
): [value: string, onChange: (value: string) => void] {
  const key = editKey(target);
  const read = (): Edit | undefined => saveQueue.pendingEdit(key);
  // The same on a server render (the bench renders the workshop spread in Node).
  const queued = useSyncExternalStore(saveQueue.subscribe, read, read);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [latest, latestAt] =
    queued && queued.editedAt >= storedAt
      ? [String(queued.value), queued.editedAt]
      : [stored, storedAt];
  const value = draft !== null && (!draft.isSaved || draft.at > latestAt) ? draft.value : latest;
  const targetJson = JSON.stringify(target);
  const onChange = useCallback(
    (next: string) => {
      const at = nextEditTime();
      const isSaved = accept ? accept(next) : true;
      setDraft({ value: next, at, isSaved });
      if (!isSaved) return;
      const edit = { ...(JSON.parse(targetJson) as EditTarget), value: next, editedAt: at };
      saveQueue.enqueue(edit as Edit);
    },
    [targetJson, accept],
  );
  return [value, onChange];
}
