import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveQueue } from '@/storage/autosave';
import { getDraft } from '@/storage/repositories/drafts-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

const HOSTILE = '<img src=x onerror=alert(1)> & "Ŵ"';

describe('Board paper screen', () => {
  it('nothing rated: says there is nothing to report yet and offers no downloads', async () => {
    const id = await seedAssessment({ title: 'Empty' }, { 'care.pcns': { level: null } });
    renderApp(`/assessments/${id}/paper`);
    expect(await screen.findByRole('heading', { name: 'Nothing to report yet' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Rate criteria' })).toHaveAttribute(
      'href',
      `/assessments/${id}/edit`,
    );
  });

  it('shows the paper with the user text literal, a data table per chart and the downloads', async () => {
    const id = await seedAssessment(
      { systemName: HOSTILE, title: 'Autumn 2019', asAt: '2019-09-30' },
      {
        'leadership.shared-vision': { level: 'maturing', evidence: 1 },
        'leadership.multi-professional': { level: 'developing' },
        'leadership.governance': { level: 'developing' },
      },
    );
    renderApp(`/assessments/${id}/paper`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Board paper: Autumn 2019' }),
    ).toBeVisible();
    expect(screen.getByTestId('paper-system')).toHaveTextContent(HOSTILE, {
      normalizeWhitespace: false,
    });
    expect(document.querySelector('img')).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Summary' })).getByText(
        'Developing overall; 0 of 5 characteristics at maturing or above; 4 characteristics with insufficient evidence; provisional – 21 criteria not assessed',
      ),
    ).toBeVisible();
    // Only the radar and the trajectory (default targets): no workshop, no earlier assessment.
    const tables = document.querySelectorAll('[data-chart-table]');
    expect([...tables].map((t) => t.getAttribute('data-chart-table'))).toEqual([
      'radar',
      'trajectory',
    ]);
    expect(
      screen.queryByRole('heading', { name: 'Comparison with the previous assessment' }),
    ).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Appendix A: who took part' })).toBeNull();
    expect(
      screen.getByRole('heading', { name: 'Appendix B: method and scoring rules' }),
    ).toBeVisible();
    const exports = screen.getByRole('region', { name: 'Download the paper' });
    expect(
      within(exports)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Download summary PDF (cover sheet and up to 2 pages)',
      'Download full paper PDF',
      'Download summary (Word)',
      'Download full paper (Word)',
      'Print or save as PDF',
      'Download PNG: one-page summary',
      'Download PNG: maturity profile',
      'Download PNG: trajectory',
    ]);
    // The chart drawing shows the name as text, never as markup.
    // (The drawing is put in place after the render, in an effect.)
    await waitFor(() =>
      expect(document.querySelector('.paper-chart svg')?.textContent).toContain(HOSTILE),
    );
  });

  it('fills the cover sheet as it is typed, from the paper where left blank, and remembers it for the system', async () => {
    const user = userEvent.setup();
    const rated = { 'leadership.shared-vision': { level: 'maturing' as const, evidence: 1 } };
    const id = await seedAssessment({ systemName: 'Northshire ICS', title: 'Spring 2021' }, rated);
    renderApp(`/assessments/${id}/paper`);
    const cover = await screen.findByTestId('cover-sheet');
    const value = (field: string) =>
      within(cover).getByRole('rowheader', { name: field }).nextElementSibling?.textContent;
    // Blank: the paper's title and headline stand in, the rest is plainly not stated.
    expect(value('Paper title')).toBe('Spring 2021');
    expect(value('Executive summary')).toMatch(/overall/);
    expect(value('Meeting (board or committee)')).toBe('Not stated');
    expect(value('Appendices')).toMatch(/Appendix B: method and scoring rules/);

    await user.click(screen.getByText(/^Fill in the cover sheet/));
    expect(screen.getByText(/13 fields still blank/)).toBeVisible();
    await user.type(screen.getByLabelText('Meeting (board or committee)'), 'ICS Board');
    await user.click(screen.getByRole('radio', { name: 'Private' }));
    await user.click(screen.getByRole('radio', { name: 'For approval' }));
    await user.type(
      screen.getByLabelText('Recommendation(s) to the board'),
      '1. Note{Enter}- Approve',
    );
    expect(value('Meeting (board or committee)')).toBe('ICS Board');
    expect(value('Session')).toBe('Private');
    expect(value('Purpose')).toBe('For approval');
    expect(
      within(cover)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(expect.arrayContaining(['Note', 'Approve']));
    expect(screen.getByText(/9 fields still blank/)).toBeVisible();

    await act(() => saveQueue.flush());
    const saved = await getDraft('cover-sheet:northshire ics');
    expect(saved?.values).toMatchObject({
      board: 'ICS Board',
      session: 'private',
      purpose: 'approval',
    });

    // The system's next assessment's paper opens with the same cover sheet.
    cleanup();
    const next = await seedAssessment(
      { systemName: 'northshire  ics', title: 'Autumn 2021' },
      rated,
    );
    renderApp(`/assessments/${next}/paper`);
    const again = await screen.findByTestId('cover-sheet');
    expect(await within(again).findByText('ICS Board')).toBeVisible();
    expect(within(again).getByText('Autumn 2021')).toBeVisible();
  });
});
