import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { setUpdateState } from '@/app/pwa/update-store';
import { createI18n } from '@/lib/i18n';
import { saveQueue } from '@/storage/autosave';
import { listRatings } from '@/storage/repositories/assessments-repo';
import { joinWorkshop } from '@/storage/repositories/joined-workshops-repo';
import { addParticipant, createWorkshop } from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

describe('app shell', () => {
  afterEach(() => {
    act(() => setUpdateState({ kind: 'none' }));
    vi.restoreAllMocks();
  });

  it('says plainly when the browser will not let the app use its database', async () => {
    render(
      <I18nextProvider i18n={createI18n()}>
        <App storage={{ state: 'failed', problem: 'unavailable' }} />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /not letting the app use its database/,
    );
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

  it('gives every route, and every step of a workshop, its own page title', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment(
      { title: 'Baseline', systemName: 'Northshire ICS' },
      { 'care.pcns': { level: 'maturing' } },
    );
    const workshopId = await createWorkshop({
      assessmentId,
      title: 'Board workshop',
      date: '2019-09-12',
      facilitator: 'Programme director',
      isAnonymous: false,
      criterionIds: ['care.pcns', 'care.phm'],
    });
    await addParticipant(workshopId, {
      label: 'Sam',
      organisation: 'Acute',
      sector: 'acute-trust',
    });
    await joinWorkshop({
      workshopId: 'JOINED1',
      joinedBy: 'code',
      title: 'Away day',
      date: '2019-09-12',
      facilitator: '',
      frameworkId: CURRENT_FRAMEWORK.id,
      frameworkVersion: CURRENT_FRAMEWORK.version,
      criterionIds: ['care.pcns'],
      participant: { label: 'Alex', organisation: 'Council', sector: 'local-authority' },
    });
    const expected: [path: string, title: string][] = [
      ['/', 'Your assessments – ICS Maturity'],
      [`/assessments/${assessmentId}/edit`, 'About this assessment – Baseline – ICS Maturity'],
      [
        `/assessments/${assessmentId}/edit/leadership`,
        'Collaborative and inclusive system leadership – Baseline – ICS Maturity',
      ],
      [
        `/assessments/${assessmentId}/edit/integrated-care`,
        'Integrated local system and care models – Baseline – ICS Maturity',
      ],
      [`/assessments/${assessmentId}/results`, 'Results: Baseline – ICS Maturity'],
      [`/assessments/${assessmentId}/paper`, 'Board paper: Baseline – ICS Maturity'],
      [`/assessments/${assessmentId}/workshops`, 'Workshops: Baseline – ICS Maturity'],
      [`/workshops/${workshopId}`, 'Workshop: Board workshop – ICS Maturity'],
      [
        `/workshops/${workshopId}/facilitate`,
        'Primary care networks – Facilitator view: Board workshop – ICS Maturity',
      ],
      [
        '/systems/northshire%20ics/plan',
        'Targets, plan and trajectory – Northshire ICS – ICS Maturity',
      ],
      ['/compare', 'Compare assessments – ICS Maturity'],
      ['/backup', 'Backup and restore – ICS Maturity'],
      ['/join', 'Join a workshop – ICS Maturity'],
      ['/join/JOINED1', 'Your private ratings, Alex – Away day – ICS Maturity'],
      ['/settings', 'Settings – ICS Maturity'],
      ['/no-such-page', 'Page not found – ICS Maturity'],
    ];
    const seen: string[] = [];
    for (const [path, title] of expected) {
      const { unmount } = renderApp(path);
      await screen.findByRole('heading', { level: 1 }, { timeout: 5_000 });
      await waitFor(() => expect(document.title).toBe(title));
      seen.push(document.title);
      if (path === `/workshops/${workshopId}`) {
        // Passing the laptop: the hand-over and the private rating are titled as steps of their own.
        await user.click(screen.getByRole('button', { name: 'Pass the laptop to Sam' }));
        await waitFor(() =>
          expect(document.title).toBe('Hand the laptop to Sam – Board workshop – ICS Maturity'),
        );
        seen.push(document.title);
        await user.click(screen.getByRole('button', { name: 'I am Sam: start rating' }));
        await waitFor(() =>
          expect(document.title).toBe('Private ratings, Sam – Board workshop – ICS Maturity'),
        );
        seen.push(document.title);
        // The laptop stays locked until it is handed back.
        await user.click(screen.getByRole('button', { name: 'Finish and hide my answers' }));
        await user.click(
          await screen.findByRole('button', { name: 'Hand back to the facilitator' }),
        );
        await screen.findByRole('button', { name: 'Pass the laptop to Sam' });
      }
      unmount();
    }
    expect(new Set(seen).size).toBe(seen.length);
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
