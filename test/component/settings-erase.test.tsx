import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import { addParticipant, createWorkshop } from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

async function seedEverything(): Promise<void> {
  const assessmentId = await seedAssessment(
    { title: 'Baseline' },
    { 'care.pcns': { level: 'maturing' } },
  );
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: ['care.pcns'],
  });
  await addParticipant(workshopId, {
    label: 'Dr Private Person',
    organisation: 'Northshire Council',
    sector: 'local-authority',
  });
  await getDb().settings.put({ key: 'backupReminder', value: { snoozedUntil: 1 } });
  localStorage.setItem('ics-maturity:journal:a|x|title', '{"value":"Private"}');
}

async function totalRecords(): Promise<number> {
  const db = getDb();
  let total = 0;
  for (const table of db.tables) total += await table.count();
  return total;
}

describe('Settings: delete everything on this device', () => {
  it('asks in a warning that takes focus; Cancel deletes nothing and returns focus', async () => {
    const user = userEvent.setup();
    await seedEverything();
    const before = await totalRecords();
    renderApp('/settings');
    const start = await screen.findByRole('button', { name: 'Delete everything on this device' });
    await user.click(start);
    const warning = screen.getByRole('group', {
      name: 'Are you sure you want to delete everything?',
    });
    expect(within(warning).getByRole('heading', { level: 3 })).toHaveFocus();
    await user.click(within(warning).getByRole('button', { name: 'No, keep my data' }));
    expect(screen.queryByRole('group', { name: /Are you sure/ })).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Delete everything on this device' }),
      ).toHaveFocus(),
    );
    expect(await totalRecords()).toBe(before);
    expect(localStorage.getItem('ics-maturity:journal:a|x|title')).toBe('{"value":"Private"}');
    expect(localStorage.getItem('ics-maturity:holds-data')).not.toBeNull();
  });

  it('on the second button empties every table and localStorage, then says so on the home screen', async () => {
    const user = userEvent.setup();
    await seedEverything();
    expect(await totalRecords()).toBeGreaterThan(4);
    renderApp('/settings');
    await user.click(
      await screen.findByRole('button', { name: 'Delete everything on this device' }),
    );
    await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    const notice = await screen.findByText(
      'Everything ICS Maturity kept on this device has been deleted.',
      { exact: false },
    );
    expect(notice).toHaveFocus();
    expect(await totalRecords()).toBe(0);
    expect(localStorage.length).toBe(0);
    expect(await screen.findByText('No assessments yet. Start one with the form.')).toBeVisible();
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('flash-notice')).toBeNull();
  });
});
