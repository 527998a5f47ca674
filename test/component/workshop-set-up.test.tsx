import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import {
  addParticipant,
  createWorkshop,
  getWorkshopData,
  recordAgreement,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/** Changing participants and scope after the workshop has started (issue 12, item 5). */

const SCOPE = ['leadership.shared-vision', 'care.pcns', 'care.phm'];

async function startedWorkshop() {
  const assessmentId = await seedAssessment({});
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: SCOPE,
  });
  const person = (label: string) => ({
    label,
    organisation: 'Trust',
    sector: 'acute-trust' as const,
  });
  const sam = await addParticipant(workshopId, person('Sam'));
  const ash = await addParticipant(workshopId, person('Ash'));
  await saveIndividualRating(workshopId, sam, 'care.pcns', 'emerging', 'Depends on the PCN');
  await saveIndividualRating(workshopId, sam, 'care.phm', 'maturing', '');
  return { workshopId, sam, ash };
}

async function openWorkshop(workshopId: string) {
  renderApp(`/workshops/${workshopId}`);
  await screen.findByRole('heading', { level: 1, name: 'Board workshop' }, { timeout: 15_000 });
  return screen.getByRole('region', { name: 'Participants' });
}

describe('participants after the workshop has started', () => {
  it('removes someone who has not rated at once, and asks before deleting someone’s ratings, saying exactly what', async () => {
    const user = userEvent.setup();
    const { workshopId, sam } = await startedWorkshop();
    const panel = await openWorkshop(workshopId);

    await user.click(within(panel).getByRole('button', { name: 'Remove Ash' }));
    expect(await within(panel).findByText('Ash was removed from the workshop.')).toBeVisible();
    await waitFor(() => expect(within(panel).queryByText(/^Ash, Trust/)).toBeNull());

    await user.click(within(panel).getByRole('button', { name: 'Remove Sam' }));
    const warning = within(panel).getByRole('alert');
    expect(warning).toHaveTextContent(
      'Removing Sam deletes Sam’s 2 ratings and 1 note from this workshop, in both rounds. This cannot be undone.',
    );
    await waitFor(() => expect(within(warning).getByText(/^Removing Sam/)).toHaveFocus());
    // Keeping Sam changes nothing.
    await user.click(within(warning).getByRole('button', { name: 'Keep Sam' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Remove Sam' })).toHaveFocus(),
    );
    expect((await getWorkshopData(workshopId))?.ratings).toHaveLength(2);

    await user.click(within(panel).getByRole('button', { name: 'Remove Sam' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, remove Sam' }));
    expect(await within(panel).findByText('Sam was removed from the workshop.')).toBeVisible();
    const data = await getWorkshopData(workshopId);
    expect(data?.participants).toEqual([]);
    expect(data?.ratings).toEqual([]);
    expect(await getDb().participants.get(sam)).toBeUndefined();
    // Nobody left: focus on the list's heading.
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Participants' })).toHaveFocus(),
    );
  });

  it('changes someone’s details in place, starting from what they were', async () => {
    const user = userEvent.setup();
    const { workshopId } = await startedWorkshop();
    const panel = await openWorkshop(workshopId);
    await user.click(within(panel).getByRole('button', { name: 'Change details Sam' }));
    const form = within(panel)
      .getByRole('heading', { name: 'Change Sam’s details' })
      .closest('form')!;
    const name = within(form).getByLabelText('Name or anonymous label');
    expect(name).toHaveValue('Sam');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    // A blank name is refused and nothing changes.
    expect(within(form).getByText('Enter a name or label of up to 120 characters.')).toBeVisible();
    await user.type(name, 'Samira');
    await user.selectOptions(within(form).getByLabelText('Sector'), 'Local authority');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(panel).findByText('Samira, Trust (Local authority)')).toBeVisible();
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Change details Samira' })).toHaveFocus(),
    );
    expect((await getWorkshopData(workshopId))?.ratings).toHaveLength(2);
  });
});

describe('the scope after the workshop has started', () => {
  it('warns, per criterion, what taking it out hides and that the code changes; cancel changes nothing', async () => {
    const user = userEvent.setup();
    const { workshopId } = await startedWorkshop();
    await recordAgreement(workshopId, {
      criterionId: 'care.phm',
      level: 'maturing',
      rationale: '',
      dissent: '',
    });
    await openWorkshop(workshopId);
    const panel = screen.getByRole('region', { name: 'Criteria in scope' });
    await user.click(within(panel).getByText('Criteria in scope: 3 of 24'));
    await user.click(within(panel).getByRole('checkbox', { name: 'Primary care networks' }));
    await user.click(
      within(panel).getByRole('checkbox', { name: 'Population health management capability' }),
    );
    await user.click(within(panel).getByRole('button', { name: 'Save the scope' }));
    const warning = within(panel).getByRole('alert');
    expect(warning).toHaveTextContent(
      '2 criteria you are taking out have ratings or agreed levels. They will be hidden (kept, not deleted):',
    );
    expect(
      within(warning)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Primary care networks: 1 rating and 1 note',
      'Population health management capability: 1 rating and the agreed level (Maturing), which stays the assessment’s rating',
    ]);
    expect(warning).toHaveTextContent(
      /The join code changes to [0-9A-Z-]+\. Codes handed out before still work/,
    );
    await user.click(within(warning).getByRole('button', { name: 'Keep the scope as it is' }));
    expect((await getWorkshopData(workshopId))?.workshop.criterionIds).toEqual(SCOPE);
    expect(within(panel).getByText('Criteria in scope: 3 of 24')).toBeVisible();

    // Confirmed: saved in one go, and the new code said.
    await user.click(
      within(panel).getByRole('checkbox', { name: 'Population health management capability' }),
    );
    await user.click(within(panel).getByRole('button', { name: 'Save the scope' }));
    await user.click(within(panel).getByRole('button', { name: 'Yes, change the scope' }));
    expect(await within(panel).findByText('Scope saved: 2 criteria in scope.')).toBeVisible();
    const saved = await getWorkshopData(workshopId);
    expect(saved?.workshop.criterionIds).toEqual(['leadership.shared-vision', 'care.pcns']);
    // Hidden, not deleted; and no longer counted as rated.
    expect(saved?.ratings).toHaveLength(2);
    expect(
      await within(screen.getByRole('region', { name: 'Participants' })).findByText('1 of 2 rated'),
    ).toBeVisible();
    expect(saved?.agreements).toHaveLength(1);
    // The code handed out from now on is the one the message names.
    const said = /changes to ([0-9A-Z-]+)\./.exec(
      within(panel).getByText(/^The join code changes to/).textContent ?? '',
    )?.[1];
    await waitFor(() => expect(screen.getByTestId('join-code')).toHaveTextContent(said!));
  });

  it('saves a change that hides nothing without asking, and refuses an empty scope', async () => {
    const user = userEvent.setup();
    const { workshopId } = await startedWorkshop();
    await openWorkshop(workshopId);
    const panel = screen.getByRole('region', { name: 'Criteria in scope' });
    await user.click(within(panel).getByText('Criteria in scope: 3 of 24'));
    await user.click(within(panel).getByRole('checkbox', { name: /^All of Track record/ }));
    await user.click(within(panel).getByRole('button', { name: 'Save the scope' }));
    expect(await within(panel).findByText('Scope saved: 8 criteria in scope.')).toBeVisible();
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect((await getWorkshopData(workshopId))?.workshop.criterionIds).toHaveLength(8);

    // A characteristic partly in scope takes two clicks: all in, then all out.
    for (const name of [/^All of Collaborative/, /^All of Integrated/]) {
      await user.click(within(panel).getByRole('checkbox', { name }));
      await user.click(within(panel).getByRole('checkbox', { name }));
    }
    await user.click(within(panel).getByRole('checkbox', { name: /^All of Track record/ }));
    expect(within(panel).getByText('Criteria in scope: 0 of 24')).toBeVisible();
    await user.click(within(panel).getByRole('button', { name: 'Save the scope' }));
    expect(
      within(panel).getByText('Choose at least one criterion for the workshop.'),
    ).toBeVisible();
    expect((await getWorkshopData(workshopId))?.workshop.criterionIds).toHaveLength(8);
  });
});
