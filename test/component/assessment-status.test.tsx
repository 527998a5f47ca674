import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { todayIso } from '@/lib/format';
import { getDb } from '@/storage/db';
import {
  agreeAssessment,
  approveAssessment,
  getAssessmentRecord,
} from '@/storage/repositories/assessments-repo';
import { createWorkshop } from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';
import { readRating } from '@/storage/rating-sets';

const tomorrow = (): string => {
  const date = new Date(`${todayIso()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

async function statusPanel(): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name: 'Status' })).closest(
    'section',
  ) as HTMLElement;
}

describe('the status control on results', () => {
  it('records agreement at a workshop, then approval by a named board', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({ title: 'Baseline' }, { 'care.pcns': { level: 'maturing' } });
    await createWorkshop({
      assessmentId: id,
      title: 'Partnership workshop',
      date: '2021-02-20',
      facilitator: 'Sam',
      isAnonymous: false,
      criterionIds: ['care.pcns'],
    });
    renderApp(`/assessments/${id}/results`);
    const panel = await statusPanel();
    expect(within(panel).getByTestId('assessment-status')).toHaveTextContent('Draft');

    await user.click(within(panel).getByRole('radio', { name: 'At a workshop' }));
    expect(within(panel).getByRole('combobox', { name: 'Which workshop' })).toHaveDisplayValue(
      'Partnership workshop (20 February 2021)',
    );
    const agreed = within(panel).getByLabelText('Date agreed');
    await user.clear(agreed);
    await user.type(agreed, '2021-02-20');
    await user.click(within(panel).getByRole('button', { name: 'Record agreement' }));
    await waitFor(() =>
      expect(within(panel).getByTestId('assessment-status')).toHaveTextContent(
        'Agreed at the workshop ‘Partnership workshop’ on 20 February 2021',
      ),
    );
    expect(within(panel).getByRole('status')).toHaveTextContent('Agreement recorded.');

    await user.type(
      within(panel).getByLabelText('Board that approved it'),
      'ICS Partnership Board',
    );
    const approvedOn = within(panel).getByLabelText('Date approved');
    await user.clear(approvedOn);
    await user.type(approvedOn, '2021-03-12');
    await user.click(within(panel).getByRole('button', { name: 'Record approval' }));
    await waitFor(() =>
      expect(within(panel).getByTestId('assessment-status')).toHaveTextContent(
        'Approved by the ICS Partnership Board on 12 March 2021',
      ),
    );
    const record = await getAssessmentRecord(id);
    expect(record?.status).toMatchObject({
      state: 'approved',
      approval: { board: 'ICS Partnership Board', date: '2021-03-12' },
    });
    expect(within(panel).getByText('History of this status (2 changes)')).toBeVisible();
  });

  it('says what is wrong in an error summary: a missing board name, a future date', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({ title: 'Baseline' }, { 'care.pcns': { level: 'maturing' } });
    await agreeAssessment(id, { by: 'leadership-team', date: '2021-03-01' });
    renderApp(`/assessments/${id}/results`);
    const panel = await statusPanel();
    await within(panel).findByRole('button', { name: 'Record approval' });
    const date = within(panel).getByLabelText('Date approved');
    await user.clear(date);
    await user.type(date, tomorrow());
    await user.click(within(panel).getByRole('button', { name: 'Record approval' }));

    const summary = await within(panel).findByRole('heading', { name: 'There is a problem' });
    const links = within(summary.parentElement!).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Board that approved it: Enter a name. It cannot be blank or only spaces.',
      'Date approved: Enter a date that is today or earlier.',
    ]);
    const board = within(panel).getByLabelText('Board that approved it');
    expect(board).toHaveFocus();
    expect(board).toHaveAttribute('aria-invalid', 'true');
    expect(board).toHaveAccessibleDescription(
      'For example, ICS Partnership Board Error:Enter a name. It cannot be blank or only spaces.',
    );
    await user.click(links[1]!);
    expect(date).toHaveFocus();
    // Nothing was recorded.
    expect((await getAssessmentRecord(id))?.status.state).toBe('agreed');

    await user.clear(date);
    await user.type(date, '2021-02-01');
    await user.type(board, 'ICS Partnership Board');
    await user.click(within(panel).getByRole('button', { name: 'Record approval' }));
    expect(
      await within(panel).findByText(
        'Date approved: Enter a date on or after the day it was agreed.',
      ),
    ).toBeVisible();
    expect((await getAssessmentRecord(id))?.status.state).toBe('agreed');
  });

  it('asks how it was agreed before recording it', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({ title: 'Baseline' });
    renderApp(`/assessments/${id}/results`);
    const panel = await statusPanel();
    // No workshop: only the leadership team can be chosen.
    expect(within(panel).queryByRole('radio', { name: 'At a workshop' })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Record agreement' }));
    expect(
      await within(panel).findByText('How was it agreed?: Choose one of the options.'),
    ).toBeVisible();
    expect(within(panel).getByRole('radio', { name: 'By the leadership team' })).toHaveFocus();
    await user.click(within(panel).getByRole('radio', { name: 'By the leadership team' }));
    await user.click(within(panel).getByRole('button', { name: 'Record agreement' }));
    await waitFor(() =>
      expect(within(panel).getByTestId('assessment-status')).toHaveTextContent(
        'Agreed by the leadership team on',
      ),
    );
  });
});

describe('changing a rating after approval', () => {
  async function approvedAssessment(): Promise<string> {
    const id = await seedAssessment(
      { title: 'Baseline' },
      { 'leadership.shared-vision': { level: 'maturing', evidence: 1 } },
    );
    await agreeAssessment(id, { by: 'leadership-team', date: '2021-03-01' });
    await approveAssessment(id, { board: 'ICS Partnership Board', date: '2021-03-12' });
    return id;
  }

  it('asks first; kept, nothing changes', async () => {
    const user = userEvent.setup();
    const id = await approvedAssessment();
    renderApp(`/assessments/${id}/edit/leadership`);
    expect(await screen.findByTestId('editor-status')).toHaveTextContent(
      'Status: Approved by the ICS Partnership Board on 12 March 2021',
    );
    const card = await screen.findByRole('region', { name: /Shared vision/ });
    await user.click(within(card).getByRole('radio', { name: /^Thriving/ }));

    const warning = await within(card).findByTestId('rating-change-warning');
    expect(warning).toHaveTextContent(
      'This assessment is no longer a draft: Approved by the ICS Partnership Board on 12 March 2021.',
    );
    expect(warning).toHaveTextContent('Changing this rating to Thriving returns it to draft.');
    expect(
      within(warning)
        .getByText(/no longer a draft/)
        .closest('p'),
    ).toHaveFocus();
    expect(within(card).getByRole('radio', { name: /^Maturing/ })).toBeChecked();

    await user.click(within(warning).getByRole('button', { name: 'Keep the rating as it is' }));
    expect(within(card).queryByTestId('rating-change-warning')).toBeNull();
    expect(within(card).getByRole('radio', { name: /^Maturing/ })).toBeChecked();
    const record = await getAssessmentRecord(id);
    expect(record?.status.state).toBe('approved');
    const rating = await readRating(getDb(), id, 'leadership.shared-vision');
    expect(rating?.level).toBe('maturing');
  });

  it('confirmed, the rating changes and the assessment returns to draft, recorded', async () => {
    const user = userEvent.setup();
    const id = await approvedAssessment();
    renderApp(`/assessments/${id}/edit/leadership`);
    const card = await screen.findByRole('region', { name: /Shared vision/ });
    await user.click(within(card).getByRole('radio', { name: /^Thriving/ }));
    const warning = await within(card).findByTestId('rating-change-warning');
    await user.click(
      within(warning).getByRole('button', { name: 'Change the rating and return to draft' }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('editor-status')).toHaveTextContent('Status: Draft'),
    );
    expect(within(card).getByRole('radio', { name: /^Thriving/ })).toBeChecked();
    expect(within(card).queryByTestId('rating-change-warning')).toBeNull();
    await waitFor(async () =>
      expect((await readRating(getDb(), id, 'leadership.shared-vision'))?.level).toBe('thriving'),
    );
    const record = await getAssessmentRecord(id);
    expect(record?.statusHistory.at(-1)).toMatchObject({
      reason: 'rating-changed',
      criterionId: 'leadership.shared-vision',
      status: { state: 'draft' },
    });

    // A draft: the next change is saved without asking.
    await user.click(within(card).getByRole('radio', { name: /^Developing/ }));
    expect(within(card).queryByTestId('rating-change-warning')).toBeNull();
    expect(within(card).getByRole('radio', { name: /^Developing/ })).toBeChecked();
  });
});

describe('the stored status elsewhere', () => {
  it('is said on the list and on the board paper, as recorded', async () => {
    const id = await seedAssessment(
      { title: 'Spring 2021' },
      { 'care.pcns': { level: 'maturing', evidence: 1 } },
    );
    await agreeAssessment(id, { by: 'leadership-team', date: '2021-03-01' });
    await approveAssessment(id, { board: 'ICS Partnership Board', date: '2021-03-12' });
    const { unmount } = renderApp('/');
    expect(await screen.findByTestId('list-status')).toHaveTextContent(
      'Status: Approved by the ICS Partnership Board on 12 March 2021',
    );
    unmount();
    renderApp(`/assessments/${id}/paper`);
    expect(await screen.findByTestId('paper-status')).toHaveTextContent(
      'Approved by the ICS Partnership Board on 12 March 2021',
    );
  });
});
