import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
      screen.getByText(
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
      'Download summary PDF (up to 2 pages)',
      'Download full paper PDF',
      'Print or save as PDF',
      'Download PNG: one-page summary',
      'Download PNG: maturity profile',
      'Download PNG: trajectory',
    ]);
    // The chart drawing shows the name as text, never as markup.
    const svg = document.querySelector('.paper-chart svg');
    expect(svg?.textContent).toContain(HOSTILE);
  });
});
