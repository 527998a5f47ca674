import { editKey, type Edit } from './edits';
import type { Journal } from './journal';

/**
 * Autosave: every edit is journaled at once (see ./journal), shown at once through `pending`, and
 * written to IndexedDB in one transaction after a short pause in typing — and at least every
 * `maxWaitMs` while typing goes on, so continuous typing is never held back. `flush()` writes
 * immediately (used on pagehide, visibilitychange and before an update reload). A failed write
 * keeps the edits, reports the error and retries with backoff; nothing typed is dropped.
 */
export type SaveErrorKind = 'quota' | 'unavailable' | 'unknown';

export type SaveState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; kind: SaveErrorKind; retryInMs: number };

export type SaveSnapshot = {
  status: SaveState;
  /** Edits not written yet. */
  pending: ReadonlyMap<string, Edit>;
  /**
   * What screens lay over stored values: the pending edits and, for a short while, the ones just
   * written — until the live queries have surely re-read them. Without it, a value (a chosen
   * level, a new evidence item) would flicker back for the moment between a write landing and the
   * re-read. Laid over with the stamp rules, so an older edit never hides a newer stored value.
   */
  overlay: ReadonlyMap<string, Edit>;
};

/** How long a written edit stays in the overlay: far longer than a live query takes to re-read. */
export const OVERLAY_HOLD_MS = 3_000;

export const SAVE_DEBOUNCE_MS = 250;
/** The longest an edit waits while typing goes on without a pause. */
export const SAVE_MAX_WAIT_MS = 1_000;
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
  private snapshot: SaveSnapshot = {
    status: { state: 'idle' },
    pending: new Map(),
    overlay: new Map(),
  };
  /** Edits just written, with when they were, kept in the overlay for OVERLAY_HOLD_MS. */
  private written = new Map<string, { edit: Edit; at: number }>();
  private pruneTimer: unknown = null;
  private listeners = new Set<() => void>();
  private timer: unknown = null;
  /** When the oldest unwritten edit was queued; the next write is due by then + maxWaitMs. */
  private waitingSince: number | null = null;
  private inflight: Promise<boolean> | null = null;
  private failures = 0;
  private readonly journals: readonly Journal[];

  constructor(
    private readonly write: (edits: Edit[]) => Promise<void>,
    journals: Journal | readonly Journal[],
    private readonly delayMs = SAVE_DEBOUNCE_MS,
    private readonly timers: Timers & { now?: () => number } = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    private readonly maxWaitMs = SAVE_MAX_WAIT_MS,
  ) {
    this.journals = Array.isArray(journals) ? journals : [journals as Journal];
  }

  /**
   * Journals the edit and queues it. Typing is debounced (one write per pause); a choice made in
   * one action (a level, a confidence: `write: 'now'`) is written at once, with anything queued.
   */
  enqueue(edit: Edit, { write = 'debounced' }: { write?: 'debounced' | 'now' } = {}): void {
    for (const journal of this.journals) journal.put(edit);
    this.pending.set(editKey(edit), edit);
    this.publish(
      this.snapshot.status.state === 'error' ? this.snapshot.status : { state: 'pending' },
    );
    if (this.snapshot.status.state === 'error') return; // the retry timer stays as it is
    if (write === 'now') this.schedule(0);
    else this.scheduleWrite();
  }

  /**
   * Re-queues edits left in the journals by an earlier page (reload, crash, storage failure) and
   * writes them. Resolves with how many were found.
   */
  async recover(): Promise<number> {
    const found = (await Promise.all(this.journals.map((j) => j.entries()))).flat();
    for (const edit of found) {
      const key = editKey(edit);
      const current = this.pending.get(key);
      if (!current || current.editedAt < edit.editedAt) this.pending.set(key, edit);
    }
    if (found.length > 0) {
      this.publish({ state: 'pending' });
      this.schedule(0);
    }
    return found.length;
  }

  /** The newest edit of one field still in the overlay: queued, or written a moment ago. */
  pendingEdit(key: string): Edit | undefined {
    return this.pending.get(key) ?? this.written.get(key)?.edit;
  }

  /**
   * Drops queued edits that match (a submitted form's draft, everything on "Delete everything"),
   * from the queue and the journals. Waits for a write in flight, so nothing dropped lands later.
   */
  async discard(matches: (edit: Edit) => boolean): Promise<void> {
    while (this.inflight) await this.inflight;
    for (const [key, { edit }] of [...this.written]) if (matches(edit)) this.written.delete(key);
    for (const [key, edit] of [...this.pending]) {
      if (!matches(edit)) continue;
      this.pending.delete(key);
      for (const journal of this.journals) journal.remove(key, edit.editedAt);
    }
    if (this.pending.size === 0) {
      this.clearTimer();
      this.waitingSince = null;
    }
    this.publish(this.pending.size === 0 ? { state: 'idle' } : this.snapshot.status);
  }

  /** Forgets everything queued and journaled (the device is being wiped). */
  async clearAll(): Promise<void> {
    await this.discard(() => true);
    await Promise.all(this.journals.map((j) => j.clear()));
  }

  /** Writes everything pending now. Resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inflight) await this.inflight;
    if (this.pending.size === 0) return true;
    this.waitingSince = null;
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
    const writtenAt = this.now();
    for (const edit of batch) {
      const key = editKey(edit);
      this.written.set(key, { edit, at: writtenAt });
      if (this.pending.get(key) === edit) this.pending.delete(key);
      for (const journal of this.journals) journal.remove(key, edit.editedAt);
    }
    if (this.pending.size > 0) {
      // Edits made while this batch was being written: they were queued during the write.
      this.publish({ state: 'pending' });
      this.scheduleWrite();
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

  /** After the debounce, but never later than maxWaitMs after the oldest unwritten edit. */
  private scheduleWrite(): void {
    const now = this.now();
    this.waitingSince ??= now;
    this.schedule(Math.max(0, Math.min(this.delayMs, this.waitingSince + this.maxWaitMs - now)));
  }

  /** Drops written edits from the overlay once they are older than OVERLAY_HOLD_MS. */
  private schedulePrune(): void {
    if (this.pruneTimer !== null || this.written.size === 0) return;
    this.pruneTimer = this.timers.setTimeout(() => {
      this.pruneTimer = null;
      const cutoff = this.now() - OVERLAY_HOLD_MS;
      let pruned = false;
      for (const [key, { at }] of this.written) {
        if (at > cutoff) continue;
        this.written.delete(key);
        pruned = true;
      }
      if (pruned) this.publish(this.snapshot.status);
      else this.schedulePrune();
    }, OVERLAY_HOLD_MS);
  }

  private now(): number {
    return this.timers.now ? this.timers.now() : Date.now();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private publish(status: SaveState): void {
    const overlay = new Map<string, Edit>();
    for (const [key, { edit }] of this.written) overlay.set(key, edit);
    for (const [key, edit] of this.pending) overlay.set(key, edit);
    this.snapshot = { status, pending: new Map(this.pending), overlay };
    this.schedulePrune();
    for (const listener of this.listeners) listener();
  }
}

let lastEditAt = 0;
/** Strictly increasing edit times, so two edits in one millisecond keep their order. */
export function nextEditTime(): number {
  lastEditAt = Math.max(Date.now(), lastEditAt + 1);
  return lastEditAt;
}
