// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dismissFlashNotice, showFlashNotice, useFlashNotice } from '@/lib/flash-notice';

afterEach(() => dismissFlashNotice());

const erased = {
  text: 'Everything on this device was deleted.',
  dismissLabel: 'Dismiss',
  path: '/',
};

describe('flash notice', () => {
  it('is shown to every screen reading it, until dismissed', () => {
    const first = renderHook(() => useFlashNotice());
    const second = renderHook(() => useFlashNotice());
    expect(first.result.current).toBeNull();
    act(() => showFlashNotice(erased));
    expect(first.result.current).toEqual(erased);
    expect(second.result.current).toEqual(erased);
    act(() => dismissFlashNotice());
    expect(first.result.current).toBeNull();
  });

  it('outlives the screen that showed it, and a newer notice replaces it', () => {
    const settings = renderHook(() => useFlashNotice());
    act(() => showFlashNotice(erased));
    settings.unmount();
    const home = renderHook(() => useFlashNotice());
    expect(home.result.current).toEqual(erased);
    const restored = { ...erased, text: 'The backup was restored.' };
    act(() => showFlashNotice(restored));
    expect(home.result.current).toEqual(restored);
  });
});
