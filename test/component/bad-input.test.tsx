import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import { dismissWriteFailure } from '@/storage/write-report';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

describe('bad input', () => {
  afterEach(() => dismissWriteFailure());

  it('shows the not-found page inside the app shell for a malformed percent-escape', async () => {
    renderApp('/assessments/%E0%A4%A/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('banner')).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to your assessments' })).toBeVisible();
  });

  it('says so in the storage banner when a workshop cannot be started on a full disk', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment({ title: 'Baseline' });
    const path = `/assessments/${assessmentId}/workshops`;
    renderApp(path);
    await user.type(await screen.findByLabelText('Workshop title'), 'Board workshop');
    const workshops = getDb().workshops;
    workshops.add = (() =>
      Promise.reject(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      )) as unknown as typeof workshops.add;
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      'This device is out of storage space, so your last change was not saved.',
    );
    expect(window.location.pathname).toBe(path);
    expect(screen.getByLabelText('Workshop title')).toHaveValue('Board workshop');
    delete (workshops as { add?: unknown }).add;

    // Storage works again: the next write clears the banner.
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/workshops\//));
    expect(screen.queryByTestId('write-failure')).toBeNull();
  });

  it('can be dismissed', async () => {
    const user = userEvent.setup();
    await seedAssessment({ title: 'Baseline' });
    renderApp('/');
    const assessments = getDb().assessments;
    assessments.add = (() =>
      Promise.reject(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      )) as unknown as typeof assessments.add;
    await user.type(await screen.findByLabelText('System name'), 'Full ICS');
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    const banner = await screen.findByTestId('write-failure');
    delete (assessments as { add?: unknown }).add;
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('write-failure')).toBeNull();
  });
});
