import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { setUpdateState } from '@/app/pwa/update-store';
import { createI18n } from '@/lib/i18n';
import { saveQueue } from '@/storage/autosave';
import { listRatings } from '@/storage/repositories/assessments-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

describe('app shell', () => {
  afterEach(() => {
    act(() => setUpdateState({ kind: 'none' }));
    vi.restoreAllMocks();
  });

  it('says plainly when the browser will not let the app use its database', () => {
    render(
      <I18nextProvider i18n={createI18n()}>
        <App storageFailure="unavailable" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/not letting the app use its database/);
  });

  it('shows an offline indicator while the browser is offline', async () => {
    renderApp('/');
    expect(screen.queryByText(/You are offline/)).toBeNull();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(await screen.findByText(/You are offline/)).toBeVisible();
  });

  it('saves pending answers before applying an update, and only when asked', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({});
    renderApp('/');
    const order: string[] = [];
    const realFlush = saveQueue.flush.bind(saveQueue);
    vi.spyOn(saveQueue, 'flush').mockImplementation(async () => {
      const isSaved = await realFlush();
      order.push('flushed');
      return isSaved;
    });
    const apply = vi.fn(() => order.push('applied'));
    saveQueue.enqueue({
      kind: 'rating',
      assessmentId: id,
      criterionId: 'care.pcns',
      field: 'level',
      value: 'thriving',
      editedAt: Date.now(),
    });
    act(() => setUpdateState({ kind: 'update-ready', apply }));
    expect(await screen.findByText(/A new version of ICS Maturity is available/)).toBeVisible();
    expect(apply).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Save and reload' }));
    await vi.waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(order.slice(-2)).toEqual(['flushed', 'applied']);
    expect((await listRatings(id))[0]?.level).toBe('thriving');
  });

  it('does not reload when answers cannot be saved, and says so', async () => {
    const user = userEvent.setup();
    renderApp('/');
    vi.spyOn(saveQueue, 'flush').mockResolvedValue(false);
    const apply = vi.fn();
    act(() => setUpdateState({ kind: 'update-ready', apply }));
    await user.click(await screen.findByRole('button', { name: 'Save and reload' }));
    expect(
      await screen.findByText(/could not be saved yet, so the page was not reloaded/),
    ).toBeVisible();
    expect(apply).not.toHaveBeenCalled();
  });

  it('gives every screen a page title', async () => {
    renderApp('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.title).toBe('Settings – ICS Maturity');
  });
});

describe('header menu (collapsed below tablet width by CSS)', () => {
  it('opens and closes from the keyboard, and closes when a link is followed', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    const list = screen.getByRole('navigation', { name: 'Main' }).querySelector('ul');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', list?.id);
    expect(list).toHaveAttribute('data-open', 'false');

    menu.focus();
    await user.keyboard('{Enter}');
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(list).toHaveAttribute('data-open', 'true');

    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.keyboard(' ');
    expect(list).toHaveAttribute('data-open', 'true');
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('link', { name: 'Settings', current: 'page' })).toBeVisible();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(list).toHaveAttribute('data-open', 'false');
  });
});
