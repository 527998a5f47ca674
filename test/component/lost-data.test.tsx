import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openFreshTestDatabase } from '@/storage/db';
import { checkForLostData, DATA_MARKER_KEY, endLostDataNotice } from '@/storage/lost-data';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/**
 * The browser lost its database (Chromium deletes one it finds damaged after a crash) while this
 * device's marker says it held the person's data: the app says so instead of showing an empty
 * list as if nothing had happened. main.tsx runs `checkForLostData` before the first render; here
 * the test runs it.
 */

const lostBanner = () =>
  screen
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.includes('This browser has lost the assessments')) ?? null;

afterEach(() => {
  act(() => endLostDataNotice());
});

describe('the database lost by the browser', () => {
  it('is said plainly, with the way back to a backup, and stays until dismissed', async () => {
    const user = userEvent.setup();
    localStorage.setItem(DATA_MARKER_KEY, String(Date.now()));
    expect(await checkForLostData()).toBe('lost');
    renderApp('/');

    expect(await screen.findByText('No assessments yet. Start one with the form.')).toBeVisible();
    const banner = lostBanner();
    expect(banner).not.toBeNull();
    expect(banner).toHaveClass('banner', 'banner--error');
    expect(banner).toHaveTextContent(
      'This browser has lost the assessments it stored on this device.',
    );
    expect(banner).toHaveTextContent('This can happen when the browser or computer crashes.');

    // The link goes to the backup screen; the message stays there, where it is needed.
    await user.click(
      within(banner!).getByRole('link', { name: 'Restore your most recent backup' }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/backup'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Backup and restore' }),
    ).toBeVisible();
    expect(lostBanner()).not.toBeNull();
    expect(localStorage.getItem(DATA_MARKER_KEY)).not.toBeNull();

    await user.click(within(lostBanner()!).getByRole('button', { name: 'Dismiss this message' }));
    expect(lostBanner()).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Backup and restore' })).toHaveFocus(),
    );
    // Dismissed for good: the marker is gone, so the next start says nothing.
    await waitFor(() => expect(localStorage.getItem(DATA_MARKER_KEY)).toBeNull());
    expect(await checkForLostData()).toBe('empty');
  });

  it('is not claimed when the database holds data, or on a first visit', async () => {
    await seedAssessment({ title: 'Baseline' });
    expect(await checkForLostData()).toBe('holds-data');
    const { unmount } = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Baseline' })).toBeVisible();
    expect(lostBanner()).toBeNull();
    unmount();

    localStorage.clear();
    openFreshTestDatabase();
    expect(await checkForLostData()).toBe('empty');
    renderApp('/');
    expect(await screen.findByText('No assessments yet. Start one with the form.')).toBeVisible();
    expect(lostBanner()).toBeNull();
  });

  it('is not claimed after the person deleted their last assessment themselves', async () => {
    const user = userEvent.setup();
    await seedAssessment({ title: 'Baseline' });
    await checkForLostData();
    expect(localStorage.getItem(DATA_MARKER_KEY)).not.toBeNull();
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Delete for Baseline' }));
    expect(await screen.findByText(/Deleted “Baseline”/)).toBeVisible();
    await waitFor(() => expect(localStorage.getItem(DATA_MARKER_KEY)).toBeNull());
    // The next start finds the empty database it was left as.
    expect(await checkForLostData()).toBe('empty');
    expect(lostBanner()).toBeNull();
  });
});
