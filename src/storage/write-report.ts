import { classifyStorageError, type SaveErrorKind } from './save-queue';

/**
 * One-shot writes (start a workshop, add a participant, change an action's status…) are not
 * autosaved edits, so the save queue does not see them fail. They go through here instead: a
 * failure is classified like the queue's (disk full, storage unavailable, other) and published,
 * and the app shell shows the same storage banner. The next write that succeeds clears it.
 */
export type WriteFailure = { kind: SaveErrorKind; at: number };

let current: WriteFailure | null = null;
const listeners = new Set<() => void>();

function publish(next: WriteFailure | null): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

export function getWriteFailure(): WriteFailure | null {
  return current;
}

export function subscribeWriteFailure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function dismissWriteFailure(): void {
  publish(null);
}

/** Reports a failed write; returns its kind. */
export function reportWriteFailure(error: unknown): SaveErrorKind {
  const kind = classifyStorageError(error);
  publish({ kind, at: Date.now() });
  return kind;
}

/**
 * Awaits a one-shot write: a failure is reported to the storage banner and then rethrown, so the
 * caller can still say what was not done; a success clears an earlier report.
 */
export async function reportingWrite<T>(write: Promise<T>): Promise<T> {
  try {
    const value = await write;
    publish(null);
    return value;
  } catch (error) {
    reportWriteFailure(error);
    throw error;
  }
}

/** For event handlers that do not wait: reports a failure and never rejects. */
export function fireWrite(write: Promise<unknown>): void {
  reportingWrite(write).catch(() => undefined);
}

/**
 * Safety net for a write that no caller awaited: a promise rejected by storage (disk full,
 * database unavailable) and never handled shows the storage banner instead of failing silently.
 * Other rejections are left alone. Returns the function that stops listening.
 */
export function reportUnhandledStorageFailures(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): () => void {
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (classifyStorageError(event.reason) === 'unknown') return;
    reportWriteFailure(event.reason);
    event.preventDefault();
  };
  target.addEventListener('unhandledrejection', onRejection);
  return () => target.removeEventListener('unhandledrejection', onRejection);
}
