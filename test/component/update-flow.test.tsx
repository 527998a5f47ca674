import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeNewVersion } from '@/app/pwa/new-version';
import { startServiceWorker, watchForNewVersions } from '@/app/pwa/service-worker';
import { UpdatePrompt } from '@/app/pwa/update-prompt';
import { markNewVersionInUse, setUpdateState } from '@/app/pwa/update-store';
import { createI18n } from '@/lib/i18n';
import { saveQueue } from '@/storage/autosave';
import { renderApp } from '../support/render-app';

// Settings stands for a screen whose code chunk is gone after an update (the message is
// Chromium's); Backup for a screen with an ordinary bug.
vi.mock('@/features/settings/components/settings-screen', () => ({
  SettingsScreen: () => {
    throw new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/settings-screen-AbC.js',
    );
  },
}));
vi.mock('@/features/backup/components/backup-screen', () => ({
  BackupScreen: () => {
    throw new Error('Something else went wrong');
  },
}));

afterEach(() => {
  act(() => setUpdateState({ kind: 'none' }));
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a screen whose code cannot be loaded', () => {
  it('asks for a reload, with the work saved first, instead of showing the error screen', async () => {
    const order: string[] = [];
    vi.spyOn(saveQueue, 'flush').mockImplementation(() => {
      order.push('flushed');
      return Promise.resolve(true);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp('/settings');
    expect(await screen.findByText(/This page needs the new version/)).toBeVisible();
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('A new version of ICS Maturity is now in use');
    expect(order).toContain('flushed');
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  });

  it('still shows the error screen for any other error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp('/backup');
    expect(await screen.findByText(/could not be shown/)).toBeVisible();
    expect(screen.queryByText(/now in use/)).toBeNull();
  });
});

describe('the update banner', () => {
  const renderPrompt = () =>
    render(
      <I18nextProvider i18n={createI18n()}>
        <UpdatePrompt />
      </I18nextProvider>,
    );

  it('says a new version is in use when another tab applied it', async () => {
    vi.spyOn(saveQueue, 'flush').mockResolvedValue(true);
    renderPrompt();
    await act(() => noticeNewVersion());
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A new version of ICS Maturity is now in use. Your work is saved',
    );
  });

  it('keeps the database upgrade message when that came first', () => {
    renderPrompt();
    act(() => setUpdateState({ kind: 'reload-required' }));
    act(() => markNewVersionInUse());
    expect(screen.getByRole('alert')).toHaveTextContent('Reload this tab to keep saving');
  });

  it('replaces an offered update once another tab has applied it', () => {
    renderPrompt();
    act(() => setUpdateState({ kind: 'update-ready', apply: vi.fn() }));
    act(() => markNewVersionInUse());
    expect(screen.getByRole('alert')).toHaveTextContent('now in use');
  });
});

describe('watchForNewVersions', () => {
  const setVisibility = (state: DocumentVisibilityState) =>
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);

  it('checks on focus, on becoming visible and periodically while visible', async () => {
    vi.useFakeTimers();
    const check = vi.fn(() => Promise.resolve());
    const stop = watchForNewVersions(check, 60_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(check).not.toHaveBeenCalled();

    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);

    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(3);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(3);

    stop();
    setVisibility('visible');
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('never checks while offline', async () => {
    vi.useFakeTimers();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const check = vi.fn(() => Promise.resolve());
    const stop = watchForNewVersions(check, 60_000);
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(check).not.toHaveBeenCalled();
    stop();
  });

  it('runs one check at a time, and carries on after a failed one', async () => {
    let finish: () => void = () => undefined;
    const check = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockImplementationOnce(() => Promise.reject(new Error('offline after all')))
      .mockImplementation(() => Promise.resolve());
    const stop = watchForNewVersions(check, 60_000);
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    window.dispatchEvent(new Event('focus'));
    await Promise.resolve();
    expect(check).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(async () => {
      window.dispatchEvent(new Event('focus'));
      await Promise.resolve();
      expect(check).toHaveBeenCalledTimes(3);
    });
    stop();
  });
});

/** A stand-in for navigator.serviceWorker and the registration it returns. */
function fakeServiceWorkers({ controlled }: { controlled: boolean }) {
  const worker = (state: ServiceWorkerState) =>
    Object.assign(new EventTarget(), { state, postMessage: vi.fn() });
  const registration = Object.assign(new EventTarget(), {
    active: controlled ? worker('activated') : null,
    waiting: null as ReturnType<typeof worker> | null,
    installing: null as ReturnType<typeof worker> | null,
    update: vi.fn(() => Promise.resolve()),
  });
  const container = Object.assign(new EventTarget(), {
    controller: registration.active,
    register: vi.fn(() => Promise.resolve(registration)),
  });
  vi.spyOn(navigator, 'serviceWorker', 'get').mockReturnValue(
    container as unknown as ServiceWorkerContainer,
  );
  /** A new version installs and waits (as the browser reports it). */
  const installNewVersion = () => {
    const next = worker('installing');
    registration.installing = next;
    registration.dispatchEvent(new Event('updatefound'));
    registration.installing = null;
    registration.waiting = next;
    next.state = 'installed';
    next.dispatchEvent(new Event('statechange'));
    return next;
  };
  return { container, registration, installNewVersion };
}

describe('startServiceWorker', () => {
  // jsdom has no navigator.serviceWorker to spy on until one is defined.
  if (!('serviceWorker' in navigator)) {
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, get: () => undefined });
  }

  it('offers a waiting version, and applying it tells that version to take over', async () => {
    const { installNewVersion } = fakeServiceWorkers({ controlled: true });
    const onUpdateReady = vi.fn<(apply: () => void) => void>();
    await startServiceWorker(onUpdateReady, vi.fn());
    expect(onUpdateReady).not.toHaveBeenCalled();
    const next = installNewVersion();
    expect(onUpdateReady).toHaveBeenCalledTimes(1);
    onUpdateReady.mock.calls[0]![0]();
    // Sent by workbox-window (with a reply port as its second argument).
    expect(next.postMessage).toHaveBeenCalledTimes(1);
    expect(next.postMessage.mock.calls[0]?.[0]).toEqual({ type: 'SKIP_WAITING' });
  });

  it('offers nothing on the very first install', async () => {
    const { installNewVersion } = fakeServiceWorkers({ controlled: false });
    const onUpdateReady = vi.fn();
    await startServiceWorker(onUpdateReady, vi.fn());
    installNewVersion();
    expect(onUpdateReady).not.toHaveBeenCalled();
  });

  it('saves and asks for a reload when another tab puts a new version in charge', async () => {
    const { container } = fakeServiceWorkers({ controlled: true });
    const notice = vi.fn(() => Promise.resolve());
    await startServiceWorker(vi.fn(), notice);
    container.dispatchEvent(new Event('controllerchange'));
    expect(notice).toHaveBeenCalledTimes(1);
  });

  it('treats a chunk that Vite could not load as a new version in charge', async () => {
    fakeServiceWorkers({ controlled: true });
    const notice = vi.fn(() => Promise.resolve());
    await startServiceWorker(vi.fn(), notice);
    window.dispatchEvent(new Event('vite:preloadError'));
    expect(notice).toHaveBeenCalled();
  });

  it('checks for a new version when the tab gains focus', async () => {
    const { registration } = fakeServiceWorkers({ controlled: true });
    await startServiceWorker(vi.fn(), vi.fn());
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(registration.update).toHaveBeenCalled());
  });
});
