import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { navigate } from '@/lib/router';
import { getDb } from '@/storage/db';
import {
  revealRound2,
  saveRound2Vote,
  startRound2,
} from '@/storage/repositories/workshop-rounds-repo';
import {
  addParticipant,
  createWorkshop,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/** An anonymous workshop of three, one criterion split in round 1, re-rated in round 2. */
async function anonymousWorkshop(): Promise<string> {
  const assessmentId = await seedAssessment({}, {});
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Anonymous workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: true,
    criterionIds: ['care.pcns', 'care.phm'],
  });
  const people = [];
  for (const label of ['Alpha', 'Bravo', 'Charlie']) {
    people.push(await addParticipant(workshopId, { label, organisation: '', sector: 'other' }));
  }
  const [a, b, c] = people as [string, string, string];
  await saveIndividualRating(workshopId, a, 'care.pcns', 'emerging', '');
  await saveIndividualRating(workshopId, b, 'care.pcns', 'thriving', '');
  await saveIndividualRating(workshopId, c, 'care.pcns', 'developing', '');
  await startRound2(workshopId, ['care.pcns']);
  await saveRound2Vote(workshopId, a, 'care.pcns', 'developing');
  await saveRound2Vote(workshopId, b, 'care.pcns', 'maturing');
  await saveRound2Vote(workshopId, c, 'care.pcns', 'developing');
  return workshopId;
}

describe('the reveal of each round, kept', () => {
  it('keeps the workshop page’s reveal on return, and tags a re-rated criterion by round 2', async () => {
    const user = userEvent.setup();
    const workshopId = await anonymousWorkshop();
    const first = renderApp(`/workshops/${workshopId}`);
    // The first render loads the screen's chunks: slow on a busy machine.
    await user.click(
      await screen.findByRole('button', { name: 'Reveal the ratings' }, { timeout: 15_000 }),
    );
    const pcns = await screen.findByRole('article', { name: 'Primary care networks' });
    // Split in round 1, but round 2 is open on it: its latest round's votes are hidden.
    expect(within(pcns).getByText('Votes hidden')).toBeVisible();
    expect(within(pcns).queryByText('Split: needs agreement')).toBeNull();
    first.unmount();

    // Back on the page: still revealed, nothing to press.
    renderApp(`/workshops/${workshopId}`);
    const again = await screen.findByRole('article', { name: 'Primary care networks' });
    expect(screen.queryByRole('button', { name: 'Reveal the ratings' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reveal round 2' }));
    // Round 2 (developing, maturing, developing) is not split: ready to agree.
    await waitFor(() => expect(within(again).getByText('Ready to agree')).toBeVisible());
  });

  it('keeps a criterion revealed in the facilitator view, and only that one', async () => {
    const user = userEvent.setup();
    const workshopId = await anonymousWorkshop();
    const view = renderApp(`/workshops/${workshopId}/facilitate`);
    expect(await screen.findByText('Criterion 1 of 2')).toBeVisible();
    expect(screen.getByTestId('round2-hidden')).toHaveTextContent(/Round 2 is open/);
    await user.keyboard('r');
    await screen.findByRole('table', { name: /^Votes for/ });
    expect(screen.getByText('Votes hidden')).toBeVisible();
    view.unmount();

    renderApp(`/workshops/${workshopId}/facilitate`);
    expect(await screen.findByRole('table', { name: /^Votes for/ })).toBeVisible();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Criterion 2 of 2')).toBeVisible();
    expect(screen.queryByRole('table', { name: /^Votes for/ })).toBeNull();
    expect((await getDb().workshops.get(workshopId))?.revealedCriterionIds).toEqual(['care.pcns']);
    // The workshop page waits for the rest, and says how many are revealed already.
    navigate(`/workshops/${workshopId}`);
    expect(await screen.findByTestId('partly-revealed')).toHaveTextContent(
      '1 of 2 criteria is already revealed in the facilitator view.',
    );
  });
});

describe('the facilitator’s timer, kept', () => {
  it('finds a started timer still running after the view is opened again, and reset removes it', async () => {
    const user = userEvent.setup();
    const workshopId = await anonymousWorkshop();
    const view = renderApp(`/workshops/${workshopId}/facilitate`);
    await user.click(await screen.findByRole('button', { name: 'Start timer' }));
    await screen.findByRole('button', { name: 'Pause timer' });
    view.unmount();

    renderApp(`/workshops/${workshopId}/facilitate`);
    const timer = await screen.findByTestId('criterion-timer');
    expect(within(timer).getByText('Running')).toBeVisible();
    await user.click(within(timer).getByRole('button', { name: 'Add 1 minute' }));
    await waitFor(async () =>
      expect((await getDb().workshops.get(workshopId))?.timers?.['care.pcns']?.durationMs).toBe(
        240_000,
      ),
    );
    await user.click(within(timer).getByRole('button', { name: 'Reset timer' }));
    await within(timer).findByText('Not started');
    expect((await getDb().workshops.get(workshopId))?.timers).toBeUndefined();
  });
});

describe('round 2 notes', () => {
  it('lets a participant on the laptop add a round 2 note, shown without names once round 2 is revealed', async () => {
    const user = userEvent.setup();
    const workshopId = await anonymousWorkshop();
    renderApp(`/workshops/${workshopId}`);
    await user.click(await screen.findByRole('button', { name: 'Pass the laptop to Alpha' }));
    await user.click(await screen.findByRole('button', { name: 'I am Alpha: start rating' }));
    await screen.findByRole('heading', { level: 1, name: 'Alpha’s private ratings: round 2' });
    const note = screen.getByLabelText('Note for the room in round 2 (optional)');
    await user.type(note, 'The PCN data changed my mind');
    await user.click(screen.getByRole('button', { name: 'Finish and hide my answers' }));
    await user.click(await screen.findByRole('button', { name: 'Hand back to the facilitator' }));
    await waitFor(async () =>
      expect((await getDb().individualRatings.toArray()).map((r) => r.round2?.note)).toContain(
        'The PCN data changed my mind',
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Reveal the ratings' }));
    const pcns = await screen.findByRole('article', { name: 'Primary care networks' });
    // Hidden until round 2 is revealed.
    expect(within(pcns).queryByText(/changed my mind/)).toBeNull();
    await revealRound2(workshopId);
    const notes = await within(pcns).findByRole('list', {
      name: 'Round 2 notes on Primary care networks',
    });
    expect(notes).toHaveTextContent('Developing: The PCN data changed my mind');
    expect(notes).not.toHaveTextContent('Alpha');
  });
});

describe('round 2 in an anonymous workshop', () => {
  it('shows how many moved and which way on the facilitator view, never who, and only once revealed', async () => {
    const user = userEvent.setup();
    const workshopId = await anonymousWorkshop();
    renderApp(`/workshops/${workshopId}/facilitate`);
    expect(await screen.findByText('Criterion 1 of 2')).toBeVisible();
    await user.keyboard('r');
    await screen.findByRole('table', { name: /^Votes for/ });
    // Round 2 not revealed yet: nothing of it on screen.
    expect(screen.queryByText(/Who moved/)).toBeNull();
    expect(screen.queryByRole('table', { name: /round 2/ })).toBeNull();

    await revealRound2(workshopId);
    const table = await screen.findByRole('table', { name: /in round 1 and round 2/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Emerging10', 'Developing12', 'Maturing01', 'Thriving10']);
    expect(
      screen.getByText(
        'Who moved: 1 up, 1 down, 1 stayed (names are not shown in an anonymous workshop).',
      ),
    ).toBeVisible();
    for (const name of ['Alpha', 'Bravo', 'Charlie'])
      expect(screen.queryByText(new RegExp(name))).toBeNull();

    // A level agreed now, from the keyboard, is recorded as from round 2.
    await user.keyboard('2');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/agreed at Developing\.$/),
    );
    const agreement = await getDb().agreements.get([workshopId, 'care.pcns']);
    expect(agreement).toMatchObject({ level: 'developing', round: 2 });

    // The results say where the level came from.
    const workshop = await getDb().workshops.get(workshopId);
    navigate(`/assessments/${workshop!.assessmentId}/results`);
    const agreed = await screen.findByRole('table', {
      name: 'Agreed at Anonymous workshop (12 September 2019)',
    });
    expect(within(agreed).getByRole('row', { name: /Primary care networks/ })).toHaveTextContent(
      'Primary care networksDevelopingAgreed in round 2 (a re-vote)',
    );
  });
});
