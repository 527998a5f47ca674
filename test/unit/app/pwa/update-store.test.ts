// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markNewVersionInUse, setUpdateState, useUpdateState } from '@/app/pwa/update-store';

afterEach(() => setUpdateState({ kind: 'none' }));

describe('update state', () => {
  it('starts with nothing to do, and tells readers of every change', () => {
    const { result } = renderHook(() => useUpdateState());
    expect(result.current).toEqual({ kind: 'none' });
    const apply = vi.fn();
    act(() => setUpdateState({ kind: 'update-ready', apply }));
    expect(result.current.kind).toBe('update-ready');
    if (result.current.kind === 'update-ready') result.current.apply();
    expect(apply).toHaveBeenCalledOnce();
  });

  it('a new version in charge requires a reload, replacing a waiting update', () => {
    const { result } = renderHook(() => useUpdateState());
    act(() => setUpdateState({ kind: 'update-ready', apply: () => undefined }));
    act(() => markNewVersionInUse());
    expect(result.current).toEqual({ kind: 'reload-required', reason: 'version' });
  });

  it('keeps the database upgrade notice when a new version also takes over', () => {
    const { result } = renderHook(() => useUpdateState());
    act(() => setUpdateState({ kind: 'reload-required' }));
    act(() => markNewVersionInUse());
    expect(result.current).toEqual({ kind: 'reload-required' });
  });
});
