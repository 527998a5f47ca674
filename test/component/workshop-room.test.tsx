import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeResponse } from '@/domain/workshop/response-file';
import { LOCK_KEY } from '@/features/workshop/lib/private-lock-store';
import { navigate } from '@/lib/router';
import { getDb } from '@/storage/db';
import {
  addParticipant,
  createWorkshop,
  importResponses,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/** Pass the laptop, the room's progress, participants' notes and late votes (issue 12). */

async function workshopWith(isAnonymous = false): Promise<string> {
  const assessmentId = await seedAssessment({});
  return createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous,
    criterionIds: ['care.pcns', 'care.phm'],
  });
}

const person = (label: string) => ({
  label,
  organisation: 'Trust',
  sector: 'acute-trust' as const,
});

/** A response file from `label` rating Primary care networks only, imported now. */
async function importFile(workshopId: string, id: string, label: string): Promise<void> {
  const response = makeResponse({
    workshop: { id: workshopId, title: 'Board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: { id, label, organisation: 'Council', sector: 'local-authority' },
    ratings: [{ criterionId: 'care.pcns', level: 'thriving', note: '' }],
    submittedAt: '2019-09-12T10:00:00.000Z',
  });
  expect(await importResponses(workshopId, [response])).toEqual(['added']);
}

describe('pass the laptop: a locked mode', () => {
  it('hides the header, footer and links, keeps Back and other addresses on the hand-over, and leaves only by handing back', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    await addParticipant(workshopId, person('Acute CEO'));
    const path = `/workshops/${workshopId}`;
    renderApp(path);
    expect(await screen.findByRole('banner')).toBeVisible();
    await user.click(await screen.findByRole('button', { name: 'Pass the laptop to Acute CEO' }));

    const handover = await screen.findByRole('heading', {
      level: 1,
      name: 'Hand the laptop to Acute CEO',
    });
    await waitFor(() => expect(handover).toHaveFocus());
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(localStorage.getItem(LOCK_KEY)).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'I am Acute CEO: start rating' }));
    await screen.findByRole('heading', { level: 1, name: 'Your private ratings, Acute CEO' });
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);

    // The browser's Back: the hand-over screen, not the workshop's data.
    act(() => window.dispatchEvent(new PopStateEvent('popstate')));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hand the laptop to Acute CEO' }),
    ).toBeVisible();
    expect(window.location.pathname).toBe(path);

    // Another address: the hand-over screen again, and the address put back.
    await user.click(screen.getByRole('button', { name: 'I am Acute CEO: start rating' }));
    await screen.findByRole('heading', { level: 1, name: 'Your private ratings, Acute CEO' });
    act(() => navigate('/compare'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hand the laptop to Acute CEO' }),
    ).toBeVisible();
    await waitFor(() => expect(window.location.pathname).toBe(path));
    expect(screen.queryByRole('heading', { name: /Compare/ })).toBeNull();

    // Hand back: the facilitator's screen, with its header, focus on that participant's button.
    await user.click(screen.getByRole('button', { name: 'Hand back to the facilitator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Board workshop' })).toBeVisible();
    expect(screen.getByRole('banner')).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Pass the laptop to Acute CEO' })).toHaveFocus(),
    );
    expect(localStorage.getItem(LOCK_KEY)).toBeNull();
  });

  it('stays locked across a reload at another address, and finishing leads to the hand-back', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    await addParticipant(workshopId, person('Acute CEO'));
    const first = renderApp(`/workshops/${workshopId}`);
    await user.click(await screen.findByRole('button', { name: 'Pass the laptop to Acute CEO' }));
    await user.click(await screen.findByRole('button', { name: 'I am Acute CEO: start rating' }));
    await screen.findByRole('heading', { level: 1, name: 'Your private ratings, Acute CEO' });
    first.unmount();

    // A reload with another address typed in: the hand-over screen, no header, no data.
    renderApp('/compare');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hand the laptop to Acute CEO' }),
    ).toBeVisible();
    expect(screen.queryByRole('banner')).toBeNull();
    await waitFor(() => expect(window.location.pathname).toBe(`/workshops/${workshopId}`));

    await user.click(screen.getByRole('button', { name: 'I am Acute CEO: start rating' }));
    const [maturing] = await screen.findAllByRole('radio', { name: /^Maturing/ });
    await user.click(maturing!);
    await user.click(screen.getByRole('button', { name: 'Finish and hide my answers' }));
    const handBack = await screen.findByRole('heading', {
      level: 1,
      name: 'Hand the laptop back to the facilitator',
    });
    await waitFor(() => expect(handBack).toHaveFocus());
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hand back to the facilitator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Board workshop' })).toBeVisible();
    expect(await screen.findByText('1 of 2 rated')).toBeVisible();
  });
  it('offers the hand-back even when the locked workshop was deleted meanwhile', async () => {
    const user = userEvent.setup();
    localStorage.setItem(
      LOCK_KEY,
      JSON.stringify({ workshopId: 'gone', participantId: 'p1', step: 'rating' }),
    );
    renderApp('/');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This workshop or its assessment no longer exists',
      }),
    ).toBeVisible();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Hand back to the facilitator' }));
    expect(await screen.findByRole('banner')).toBeVisible();
    expect(localStorage.getItem(LOCK_KEY)).toBeNull();
  });
});

describe('the room’s progress, notes and late votes', () => {
  it('says n of m participants are done, per criterion and overall, before and after the reveal, laptop and files alike', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    const a = await addParticipant(workshopId, person('A'));
    await addParticipant(workshopId, person('B'));
    await saveIndividualRating(workshopId, a, 'care.pcns', 'emerging', '');
    await saveIndividualRating(workshopId, a, 'care.phm', 'emerging', '');
    await importFile(workshopId, 'file-1', 'Council director');
    const page = renderApp(`/workshops/${workshopId}`);
    expect(
      await screen.findByText('Participants done: 1 of 3 have rated every criterion.'),
    ).toBeVisible();
    const list = screen.getByRole('list', {
      name: 'How many participants have rated each criterion',
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Primary care networks: 2 of 3 participants rated',
      'Population health management capability: 1 of 3 participants rated',
    ]);
    // Counts only: no votes on screen before the reveal. The blocks are built ahead, hidden:
    // wait for them, then check that none of them is shown or read out.
    expect(await screen.findAllByRole('article', { hidden: true })).toHaveLength(2);
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    const votes = screen.queryAllByText(/Thriving|Emerging/);
    expect(votes.length).toBeGreaterThan(0);
    for (const vote of votes) expect(vote).not.toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Reveal the ratings' }));
    const pcns = await screen.findByRole('article', { name: 'Primary care networks' });
    expect(within(pcns).getByText('2 of 3 participants rated')).toBeVisible();
    expect(screen.getByText('Participants done: 1 of 3 have rated every criterion.')).toBeVisible();

    page.unmount();
    renderApp(`/workshops/${workshopId}/facilitate`);
    expect(
      await screen.findByText('Participants done: 1 of 3 have rated every criterion.'),
    ).toBeVisible();
    expect(screen.getByText('Ratings received: 2 of 3.')).toBeVisible();
    await user.keyboard('r');
    await screen.findByRole('table', { name: /^Votes for/ });
    expect(screen.getByText('Ratings received: 2 of 3.')).toBeVisible();
  });

  it('shows participants’ notes in the facilitator view only after the reveal, without names when anonymous', async () => {
    const user = userEvent.setup();
    for (const isAnonymous of [false, true]) {
      const workshopId = await workshopWith(isAnonymous);
      const a = await addParticipant(workshopId, person('Acute CEO'));
      const b = await addParticipant(workshopId, person('Council lead'));
      await saveIndividualRating(workshopId, a, 'care.pcns', 'maturing', 'Flow is the issue');
      await saveIndividualRating(workshopId, b, 'care.pcns', 'emerging', 'Not signed up yet');
      const { unmount } = renderApp(`/workshops/${workshopId}/facilitate`);
      expect(await screen.findByText('Criterion 1 of 2')).toBeVisible();
      expect(screen.queryByText(/Flow is the issue|Not signed up yet/)).toBeNull();
      expect(screen.queryByRole('region', { name: /^Participants’ notes/ })).toBeNull();

      await user.keyboard('r');
      const notes = await screen.findByRole('region', {
        name: 'Participants’ notes on Primary care networks',
      });
      const items = within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      if (isAnonymous) {
        // By level, not in the order people rated or were added.
        expect(items).toEqual(['Emerging: Not signed up yet', 'Maturing: Flow is the issue']);
      } else {
        // Two added in one millisecond may come in either order.
        expect(items.sort()).toEqual([
          'Acute CEO (Maturing): Flow is the issue',
          'Council lead (Emerging): Not signed up yet',
        ]);
      }
      expect(within(notes).queryAllByText(/Acute CEO|Council lead/)).toHaveLength(
        isAnonymous ? 0 : 2,
      );
      // The next criterion starts hidden again, notes and all.
      await user.keyboard('{ArrowRight}');
      expect(await screen.findByText('Criterion 2 of 2')).toBeVisible();
      expect(screen.queryByRole('region', { name: /^Participants’ notes/ })).toBeNull();
      unmount();
    }
  });

  it('flags the criteria with votes that arrived after their level was agreed, and only those', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    const a = await addParticipant(workshopId, person('A'));
    await saveIndividualRating(workshopId, a, 'care.phm', 'emerging', '');
    const agreed = { rationale: '', dissent: '', level: 'developing' as const, workshopId };
    // Primary care networks agreed long ago; population health management later than any vote.
    await getDb().agreements.bulkPut([
      { ...agreed, criterionId: 'care.pcns', agreedAt: 1_000 },
      { ...agreed, criterionId: 'care.phm', agreedAt: Date.now() + 60_000 },
    ]);
    const page = renderApp(`/workshops/${workshopId}`);
    await screen.findByText('Participants done: 0 of 1 have rated every criterion.');
    expect(screen.queryByRole('group', { name: /^Votes arrived after/ })).toBeNull();

    // A response file imported after the agreement.
    await importFile(workshopId, 'file-1', 'Council director');
    const flag = await screen.findByRole('group', {
      name: 'Votes arrived after 1 criterion was agreed',
    });
    expect(
      within(flag)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Primary care networks']);
    // Before the reveal the flag says which criterion, never how anyone voted.
    expect(within(flag).queryByText(/Thriving/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Reveal the ratings' }));
    await screen.findByRole('article', { name: 'Primary care networks' });
    expect(
      within(screen.getByRole('article', { name: 'Primary care networks' })).getByText(
        'New votes arrived after this level was agreed.',
      ),
    ).toBeVisible();
    expect(
      within(
        screen.getByRole('article', { name: 'Population health management capability' }),
      ).queryByText('New votes arrived after this level was agreed.'),
    ).toBeNull();

    page.unmount();
    renderApp(`/workshops/${workshopId}/facilitate`);
    expect(await screen.findByText('Criterion 1 of 2')).toBeVisible();
    expect(screen.getByText('New votes arrived after this level was agreed.')).toBeVisible();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByText('Criterion 2 of 2')).toBeVisible();
    expect(screen.queryByText('New votes arrived after this level was agreed.')).toBeNull();
  });
});
