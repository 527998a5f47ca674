import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import {
  addParticipant,
  createWorkshop,
  getWorkshopData,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';
import { readRating } from '@/storage/rating-sets';

async function workshop(): Promise<{ assessmentId: string; workshopId: string }> {
  const assessmentId = await seedAssessment({}, { 'care.phm': { level: 'thriving' } });
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: ['care.pcns', 'care.phm'],
  });
  const a = await addParticipant(workshopId, {
    label: 'A',
    organisation: 'Acute',
    sector: 'acute-trust',
  });
  const b = await addParticipant(workshopId, {
    label: 'B',
    organisation: 'Council',
    sector: 'local-authority',
  });
  await saveIndividualRating(workshopId, a, 'care.pcns', 'emerging', '');
  await saveIndividualRating(workshopId, b, 'care.pcns', 'maturing', '');
  return { assessmentId, workshopId };
}

describe('facilitator view', () => {
  it('hides votes until R, records 1–4 at once, keeps a note until a level is agreed', async () => {
    const user = userEvent.setup();
    const { assessmentId, workshopId } = await workshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    expect(await screen.findByText('Criterion 1 of 2')).toBeVisible();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.getByText('Ratings received: 2 of 2.')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    // Not "split" before the reveal: that would tell the room how the votes fell.
    expect(screen.getByText('Votes hidden')).toBeVisible();
    expect(screen.queryByText('Split: needs agreement')).toBeNull();

    await user.keyboard('r');
    const votes = await screen.findByRole('table', { name: /^Votes for/ });
    expect(screen.getByText('Split: needs agreement')).toBeVisible();
    expect(
      within(votes)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1 vote', '0 votes', '1 vote', '0 votes']);
    expect(screen.getByRole('status')).toHaveTextContent(/^Votes revealed for/);

    // A note before any level: saved on the workshop's record, the assessment's rating untouched.
    await user.keyboard('n');
    const rationale = screen.getByLabelText('Rationale for the agreed level');
    expect(rationale).toHaveFocus();
    await user.keyboard('Partners split 1 to 4; R and N typed here');
    expect(screen.getByText('Criterion 1 of 2')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Note saved for/));
    expect((await getWorkshopData(workshopId))?.agreements).toMatchObject([
      {
        criterionId: 'care.pcns',
        level: null,
        rationale: 'Partners split 1 to 4; R and N typed here',
      },
    ]);

    await user.keyboard('2');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/agreed at Developing\.$/),
    );
    const agreements = (await getWorkshopData(workshopId))?.agreements ?? [];
    expect(agreements).toMatchObject([
      {
        criterionId: 'care.pcns',
        level: 'developing',
        rationale: 'Partners split 1 to 4; R and N typed here',
        dissent: '',
      },
    ]);
    const rating = await readRating(getDb(), assessmentId, 'care.pcns');
    expect(rating?.level).toBe('developing');
    await waitFor(() => expect(screen.getByText('Agreed level')).toBeVisible());

    // → moves on (past the last criterion to the end screen), ← stays within bounds; Esc leaves.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    expect(screen.getByText('Not rated')).toBeVisible();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { name: 'End of the criteria' })).toBeVisible();
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(screen.getByText('Criterion 1 of 2')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(window.location.pathname).toBe(`/workshops/${workshopId}`);
  });

  it('ignores shortcuts with Ctrl or while typing, and Esc closes the note without saving', async () => {
    const user = userEvent.setup();
    const { workshopId } = await workshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    await user.keyboard('{Control>}r{/Control}');
    expect(screen.queryByRole('table')).toBeNull();
    await user.keyboard('N');
    await user.keyboard('r3');
    expect(screen.getByLabelText('Rationale for the agreed level')).toHaveValue('r3');
    expect(screen.queryByRole('table')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Rationale for the agreed level')).toBeNull();
    expect(window.location.pathname).toBe(`/workshops/${workshopId}/facilitate`);
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect((await getWorkshopData(workshopId))?.agreements).toEqual([]);
  });

  it('lets 3 and R on a button, link or select do what they do there, not a shortcut', async () => {
    const user = userEvent.setup();
    const { workshopId } = await workshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    // The view takes focus as it opens; only then is focus moved to a button.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: /^Facilitator view/ })).toHaveFocus(),
    );
    const order = screen.getByRole('button', { name: 'Most disagreement first' });
    order.focus();
    await user.keyboard('3r');
    await user.keyboard('{ArrowRight}');
    screen.getByRole('link', { name: 'Back to the workshop' }).focus();
    await user.keyboard('4');
    screen.getByLabelText(/^Agreed level for/).focus();
    await user.keyboard('1');
    expect(screen.getByText('Criterion 1 of 2')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect((await getWorkshopData(workshopId))?.agreements).toEqual([]);
    // Back in the view's content (a click on the criterion's text), they act.
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('r');
    expect(await screen.findByRole('table', { name: /^Votes for/ })).toBeVisible();
  });

  it('lists the shortcuts on screen and remembers them switched off', async () => {
    const user = userEvent.setup();
    const { workshopId } = await workshop();
    const view = renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    const legend = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(within(legend).getByText("reveal this criterion's votes")).toBeVisible();
    expect(within(legend).getByText('1–4')).toBeVisible();
    const toggle = within(legend).getByRole('checkbox', { name: 'Use single-key shortcuts' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(within(legend).queryByText('1–4')).toBeNull();
    expect(legend).toHaveTextContent('Shortcuts are off: use the buttons.');
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('r3{ArrowRight}{Escape}');
    expect(screen.getByText('Criterion 1 of 2')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect(window.location.pathname).toBe(`/workshops/${workshopId}/facilitate`);

    // The buttons do it all instead; the choice is remembered when the view opens again.
    await user.click(screen.getByRole('button', { name: 'Reveal the votes' }));
    expect(await screen.findByRole('table', { name: /^Votes for/ })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Next criterion' }));
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    view.unmount();
    renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Use single-key shortcuts' })).not.toBeChecked(),
    );
  });

  it('starts the agreed level on "Choose a level" and refuses to record none', async () => {
    const user = userEvent.setup();
    const { workshopId } = await workshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    const level = screen.getByLabelText(/^Agreed level for/);
    expect(level).toHaveValue('');
    expect(level).toHaveDisplayValue('Choose a level');
    await user.click(screen.getByRole('button', { name: 'Record the agreed level' }));
    expect(level).toHaveAccessibleDescription(
      /Choose the level the room agreed before recording it/,
    );
    expect(level).toHaveFocus();
    expect((await getWorkshopData(workshopId))?.agreements).toEqual([]);
    await user.selectOptions(level, 'Maturing');
    await user.click(screen.getByRole('button', { name: 'Record the agreed level' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/agreed at Maturing\.$/),
    );
    expect((await getWorkshopData(workshopId))?.agreements).toMatchObject([
      { criterionId: 'care.pcns', level: 'maturing' },
    ]);
  });

  it('after the last criterion shows what is agreed and what is outstanding, with the results', async () => {
    const user = userEvent.setup();
    const { assessmentId, workshopId } = await workshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    await screen.findByText('Criterion 1 of 2');
    await user.keyboard('3');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/agreed at Maturing/));
    await user.keyboard('{End}');
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    await user.keyboard('{ArrowRight}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'End of the criteria' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId('end-count')).toHaveTextContent('1 of 2 agreed');
    expect(screen.getByRole('heading', { name: '1 criterion still to agree' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'See the results' })).toHaveAttribute(
      'href',
      `/assessments/${assessmentId}/results`,
    );
    // Keys that act on a criterion do nothing here.
    await user.keyboard('4r');
    expect((await getWorkshopData(workshopId))?.agreements).toHaveLength(1);
    // An outstanding criterion is one button away; ← goes back to the last one.
    await user.click(screen.getByRole('button', { name: /^Go to / }));
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Summary: what is agreed' }));
    await screen.findByRole('heading', { level: 1, name: 'End of the criteria' });
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    await user.keyboard('2{ArrowRight}');
    await screen.findByRole('heading', { level: 1, name: 'End of the criteria' });
    await waitFor(() => expect(screen.getByTestId('end-count')).toHaveTextContent('2 of 2 agreed'));
    expect(screen.getByText('Every criterion in the workshop has an agreed level.')).toBeVisible();
  });
});
