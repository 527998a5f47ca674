import { afterEach, describe, expect, it } from 'vitest';
import {
  dismissWriteFailure,
  fireWrite,
  getWriteFailure,
  reportingWrite,
  reportUnhandledStorageFailures,
  subscribeWriteFailure,
} from '@/storage/write-report';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('one-shot write reports', () => {
  afterEach(() => dismissWriteFailure());

  it('reports a disk-full failure, rethrows it, and tells listeners', async () => {
    let calls = 0;
    const stop = subscribeWriteFailure(() => calls++);
    const error = quota();
    await expect(reportingWrite(Promise.reject(error))).rejects.toBe(error);
    expect(getWriteFailure()?.kind).toBe('quota');
    expect(calls).toBe(1);
    stop();
  });

  it('classifies a Dexie error wrapping the browser error (inner)', async () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota(),
    });
    await expect(reportingWrite(Promise.reject(wrapped))).rejects.toBe(wrapped);
    expect(getWriteFailure()?.kind).toBe('quota');
    const closed = Object.assign(new Error('closed'), { name: 'DatabaseClosedError' });
    await expect(reportingWrite(Promise.reject(closed))).rejects.toBe(closed);
    expect(getWriteFailure()?.kind).toBe('unavailable');
  });

  it('passes a success through and clears an earlier report', async () => {
    await reportingWrite(Promise.reject(quota())).catch(() => undefined);
    expect(getWriteFailure()).not.toBeNull();
    expect(await reportingWrite(Promise.resolve('id-1'))).toBe('id-1');
    expect(getWriteFailure()).toBeNull();
  });

  it('fireWrite never rejects but still reports', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    fireWrite(Promise.reject(quota()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
    expect(getWriteFailure()?.kind).toBe('quota');
  });

  it('catches an unhandled storage rejection as a last resort, and only those', () => {
    const target = new EventTarget();
    const stop = reportUnhandledStorageFailures(target as unknown as Window);
    const rejection = (reason: unknown) =>
      Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });
    const other = rejection(new TypeError('a bug'));
    target.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(false);
    expect(getWriteFailure()).toBeNull();
    const full = rejection(quota());
    target.dispatchEvent(full);
    expect(full.defaultPrevented).toBe(true);
    expect(getWriteFailure()?.kind).toBe('quota');
    stop();
    dismissWriteFailure();
    target.dispatchEvent(rejection(quota()));
    expect(getWriteFailure()).toBeNull();
  });
});
