import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

describe('Results screen', () => {
  it('shows the headline, overall level, verdict and a level per characteristic', async () => {
    const id = await seedAssessment(
      { title: 'Baseline' },
      {
        // Leadership: the worked example → developing.
        'leadership.shared-vision': { level: 'maturing', evidence: 1 },
        'leadership.multi-professional': { level: 'maturing', evidence: 1 },
        'leadership.governance': { level: 'maturing' },
        'leadership.inclusion': { level: 'developing' },
        'leadership.change-capability': { level: 'emerging' },
        // Integrated care: 3 of 5 assessed → scored, maturing.
        'care.pcns': { level: 'maturing', evidence: 1 },
        'care.community-teams': { level: 'maturing', evidence: 1 },
        'care.phm': { level: 'thriving', evidence: 1 },
        // Finance: 2 of 5 → insufficient evidence.
        'finance.architecture': { level: 'thriving', evidence: 1 },
        'finance.planning': { level: 'thriving', evidence: 1 },
        // Delivery: all maturing.
        'delivery.standards': { level: 'maturing', evidence: 1 },
        'delivery.ltp-commitments': { level: 'maturing', evidence: 1 },
        'delivery.variation': { level: 'maturing', evidence: 1 },
        'delivery.inequalities': { level: 'maturing', evidence: 1 },
        'delivery.quality': { level: 'maturing', evidence: 1 },
        // Population: 2 of 4 → scored (half rounded up is 2).
        'population.footprint': { level: 'emerging' },
        'population.coterminosity': { level: 'emerging' },
      },
    );
    renderApp(`/assessments/${id}/results`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results: Baseline' }),
    ).toBeVisible();
    expect(screen.getByTestId('headline')).toHaveTextContent(
      'Emerging overall; 2 of 5 characteristics at maturing or above; 1 characteristic with insufficient evidence; provisional – 7 criteria not assessed',
    );
    expect(screen.getByTestId('overall-level')).toHaveTextContent('Emerging');
    expect(screen.getByTestId('mature-verdict')).toHaveTextContent('Not yet');
    const table = screen.getByTestId('characteristic-table');
    const levelOf = (name: string): string | null | undefined =>
      within(table).getByRole('rowheader', { name }).closest('tr')?.querySelectorAll('td')[0]
        ?.textContent;
    expect(levelOf('Collaborative and inclusive system leadership')).toBe('Developing');
    expect(levelOf('Integrated local system and care models')).toBe('Maturing');
    expect(levelOf('System architecture and strong financial management and planning')).toBe(
      'Insufficient evidence',
    );
    expect(levelOf('Track record of delivery')).toBe('Maturing');
    expect(levelOf('Coherent and defined population')).toBe('Emerging');
    expect(
      within(table).getByText('Unevidenced: Partnership governance and independent chair'),
    ).toBeVisible();
    // The chart's data table carries the same figures.
    const data = screen.getByTestId('chart-data');
    expect(
      within(data).getByRole('rowheader', { name: 'Track record of delivery' }).closest('tr'),
    ).toHaveTextContent('3 – Maturing');
    expect(screen.getByText('How the scores are worked out')).toBeVisible();
  });

  it('calls a system with every characteristic at maturing or above a mature ICS', async () => {
    const ratings = Object.fromEntries(
      [
        'leadership.shared-vision',
        'leadership.multi-professional',
        'leadership.governance',
        'care.pcns',
        'care.community-teams',
        'care.phm',
        'finance.architecture',
        'finance.collective-financial-management',
        'finance.planning',
        'delivery.standards',
        'delivery.ltp-commitments',
        'delivery.variation',
        'population.footprint',
        'population.coterminosity',
      ].map((id) => [id, { level: 'maturing' as const, evidence: 1 }]),
    );
    const id = await seedAssessment({}, ratings);
    renderApp(`/assessments/${id}/results`);
    expect(await screen.findByTestId('mature-verdict')).toHaveTextContent('Yes – mature');
    expect(screen.getByTestId('headline')).toHaveTextContent(
      'Maturing overall; 5 of 5 characteristics at maturing or above; provisional – 10 criteria not assessed',
    );
  });

  it('leads back up a level: results to the assessment, the assessment to the list, the paper to the results', async () => {
    const id = await seedAssessment({ title: 'Baseline' }, { 'care.pcns': { level: 'maturing' } });
    const { unmount } = renderApp(`/assessments/${id}/results`);
    expect(await screen.findByRole('link', { name: 'Back to the assessment' })).toHaveAttribute(
      'href',
      `/assessments/${id}/edit`,
    );
    unmount();
    const editor = renderApp(`/assessments/${id}/edit`);
    expect(await screen.findByRole('link', { name: 'Back to your assessments' })).toHaveAttribute(
      'href',
      '/',
    );
    editor.unmount();
    renderApp(`/assessments/${id}/paper`);
    expect(await screen.findByRole('link', { name: 'Back to the results' })).toHaveAttribute(
      'href',
      `/assessments/${id}/results`,
    );
  });
});
