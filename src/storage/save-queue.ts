import { editKey, type Edit } from './edits';
import type { Journal } from './journal';

/**
 * Autosave: every edit is journaled synchronously, shown at once through `pending`, and written
 * to IndexedDB after a short debounce in one transaction. `flush()` writes immediately (used on
 * pagehide, visibilitychange and before an update reload). A failed write keeps the edits,
 * reports the error and retries with backoff; nothing typed is dropped.
 */
export type SaveErrorKind = 'quota' | 'unavailable' | 'unknown';

export type SaveState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; kind: SaveErrorKind; retryInMs: number };

export type SaveSnapshot = { status: SaveState; pending: ReadonlyMap<string, Edit> };

export const SAVE_DEBOUNCE_MS = 250;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function classifyStorageError(error: unknown): SaveErrorKind {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  if (names.some((n) => n === 'QuotaExceededError')) return 'quota';
  if (
    names.some((n) =>
      [
        'DatabaseClosedError',
        'OpenFailedError',
        'MissingAPIError',
        'InvalidStateError',
        'UnknownError',
      ].includes(n),
    )
  ) {
    return 'unavailable';
  }
  return 'unknown';
}

type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export class SaveQueue {
  private pending = new Map<string, Edit>();
  private snapshot: SaveSnapshot = { status: { state: 'idle' }, pending: new Map() };
  private listeners = new Set<() => void>();
  private timer: unknown = null;
  private inflight: Promise<boolean> | null = null;
  private failures = 0;

  constructor(
    private readonly write: (edits: Edit[]) => Promise<void>,
    private readonly journal: Journal,
    private readonly delayMs = SAVE_DEBOUNCE_MS,
    private readonly timers: Timers = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  ) {}

  enqueue(edit: Edit): void {
    this.journal.put(edit);
    this.pending.set(editKey(edit), edit);
    this.publish(
      this.snapshot.status.state === 'error' ? this.snapshot.status : { state: 'pending' },
    );
    this.schedule(this.delayMs);
  }

  /** Re-queues edits left in the journal by an earlier page (reload, crash, storage failure). */
  recover(): number {
    const entries = this.journal.entries();
    for (const edit of entries) {
      const key = editKey(edit);
      const current = this.pending.get(key);
      if (!current || current.editedAt < edit.editedAt) this.pending.set(key, edit);
    }
    if (entries.length > 0) {
      this.publish({ state: 'pending' });
      this.schedule(0);
    }
    return entries.length;
  }

  /** Writes everything pending now. Resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inflight) await this.inflight;
    if (this.pending.size === 0) return true;
    const batch = [...this.pending.values()];
    this.inflight = this.writeBatch(batch);
    try {
      return await this.inflight;
    } finally {
      this.inflight = null;
    }
  }

  getSnapshot = (): SaveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async writeBatch(batch: Edit[]): Promise<boolean> {
    this.publish({ state: 'saving' });
    try {
      await this.write(batch);
    } catch (error) {
      const retryInMs =
        RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
      this.failures += 1;
      this.publish({ state: 'error', kind: classifyStorageError(error), retryInMs });
      this.schedule(retryInMs);
      return false;
    }
    this.failures = 0;
    for (const edit of batch) {
      const key = editKey(edit);
      if (this.pending.get(key) === edit) this.pending.delete(key);
      this.journal.remove(key, edit.editedAt);
    }
    if (this.pending.size > 0) {
      this.publish({ state: 'pending' });
      this.schedule(this.delayMs);
      return false;
    }
    this.publish({ state: 'saved', at: Date.now() });
    return true;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private publish(status: SaveState): void {
    this.snapshot = { status, pending: new Map(this.pending) };
    for (const listener of this.listeners) listener();
  }
}
