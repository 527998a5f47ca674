import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/storage/db';
import { getAssessment, listRatings } from '@/storage/repositories/assessments-repo';
import { saveQueue } from '@/storage/autosave';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/** The autosave journal's entries in localStorage (the marker that data is stored is not one). */
const journalEntries = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('ics-maturity:journal:'));

async function criterion(title: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name: new RegExp(title) });
}

describe('Assessment editor', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers the four descriptors plus "not assessed" as one radio group per criterion', async () => {
    const id = await seedAssessment({});
    renderApp(`/assessments/${id}/edit/leadership`);
    const card = await criterion('Shared vision, purpose and objectives');
    const group = within(card).getByRole('group', {
      name: 'Level for Shared vision, purpose and objectives',
    });
    const radios = within(group).getAllByRole('radio');
    expect(
      radios.map((r) => r.closest('label')?.querySelector('.level-card__title')?.textContent),
    ).toEqual(['Emerging', 'Developing', 'Maturing', 'Thriving', 'Not assessed']);
    expect(within(group).getByRole('radio', { name: /Not assessed/ })).toBeChecked();
    expect(screen.getByText('0 of 24 assessed')).toBeVisible();
  });

  it('autosaves a chosen level without a save button and shows progress', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({});
    renderApp(`/assessments/${id}/edit/leadership`);
    const card = await criterion('Shared vision');
    await user.click(within(card).getByRole('radio', { name: /^Developing/ }));
    expect(screen.getByText('1 of 24 assessed')).toBeVisible();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    await waitFor(async () =>
      expect(
        (await listRatings(id)).find((r) => r.criterionId === 'leadership.shared-vision')?.level,
      ).toBe('developing'),
    );
    expect(await screen.findByText(/^Saved at/)).toBeVisible();
  });

  it('moves between levels with the arrow keys', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({});
    renderApp(`/assessments/${id}/edit/leadership`);
    const card = await criterion('Shared vision');
    await user.click(within(card).getByRole('radio', { name: /^Emerging/ }));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(card).getByRole('radio', { name: /^Maturing/ })).toBeChecked();
    await act(() => saveQueue.flush());
    expect((await listRatings(id))[0]?.level).toBe('maturing');
  });

  it('flags a maturing rating without evidence until evidence is added, and saves the evidence (never an unsafe link)', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({});
    renderApp(`/assessments/${id}/edit/integrated-care`);
    const card = await criterion('Primary care networks');
    await user.click(within(card).getByRole('radio', { name: /^Maturing/ }));
    expect(within(card).getByText(/^Unevidenced/)).toBeVisible();
    await user.click(
      within(card).getByRole('button', { name: 'Add evidence for Primary care networks' }),
    );
    await user.type(within(card).getByLabelText('Evidence 1: description'), 'PCN coverage report');
    expect(within(card).queryByText(/^Unevidenced/)).toBeNull();
    await user.type(
      within(card).getByLabelText('Evidence 1: link (optional)'),
      'javascript:alert(1)',
    );
    expect(
      within(card).getByText(
        'Enter a web address starting with http:// or https://. The link is saved once it does.',
      ),
    ).toBeVisible();
    await user.type(within(card).getByLabelText('Rationale'), 'All practices are in a network.');
    await act(() => saveQueue.flush());
    const [rating] = await listRatings(id);
    // The unsafe link stays on screen with its message but is never stored.
    expect(within(card).getByLabelText('Evidence 1: link (optional)')).toHaveValue(
      'javascript:alert(1)',
    );
    expect(rating?.evidence).toEqual([
      expect.objectContaining({ text: 'PCN coverage report', url: '' }),
    ]);
    expect(rating?.rationale).toBe('All practices are in a network.');
  });

  it('keeps an invalid system name on screen with a message and stores only valid names', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({ systemName: 'Northshire ICS' });
    renderApp(`/assessments/${id}/edit`);
    const input = await screen.findByLabelText('System name');
    await user.clear(input);
    await user.type(input, '   ');
    expect(screen.getByText('Enter a name. It cannot be blank or only spaces.')).toBeVisible();
    expect(input).toHaveValue('   ');
    await act(() => saveQueue.flush());
    expect((await getAssessment(id))?.systemName).toBe('Northshire ICS');
    await user.type(input, 'Eastvale');
    await act(() => saveQueue.flush());
    expect((await getAssessment(id))?.systemName).toBe('   Eastvale');
  });

  it('shows a storage failure, keeps the answer and saves it when storage recovers', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({});
    renderApp(`/assessments/${id}/edit/leadership`);
    const card = await criterion('Shared vision');
    const quotaError = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(getDb(), 'transaction').mockRejectedValue(quotaError);
    await user.click(within(card).getByRole('radio', { name: /^Thriving/ }));
    await act(() => saveQueue.flush());
    expect(await screen.findByText(/out of storage space/)).toBeVisible();
    expect(screen.getByText(/1 change is kept on this page/)).toBeVisible();
    expect(within(card).getByRole('radio', { name: /^Thriving/ })).toBeChecked();
    expect(journalEntries().length).toBeGreaterThan(0);
    spy.mockRestore();
    await act(() => saveQueue.flush());
    await waitFor(() => expect(screen.queryByText(/out of storage space/)).toBeNull());
    expect((await listRatings(id))[0]?.level).toBe('thriving');
    expect(journalEntries()).toEqual([]);
  });
});
