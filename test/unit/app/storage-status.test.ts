// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setStorageStatus, useStorageStatus } from '@/app/storage-status';

describe('storage status', () => {
  it('starts opening, and tells readers when storage opens or fails', () => {
    const { result } = renderHook(() => useStorageStatus());
    expect(result.current).toEqual({ state: 'opening' });
    act(() => setStorageStatus({ state: 'failed', problem: 'unavailable' }));
    expect(result.current).toEqual({ state: 'failed', problem: 'unavailable' });
    act(() => setStorageStatus({ state: 'open' }));
    expect(result.current).toEqual({ state: 'open' });
  });
});
