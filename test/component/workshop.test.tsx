import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import framework from '@/content/frameworks/ics-maturity-2019.json';
import { allCriteria } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { makeJoinCode, workshopKey } from '@/domain/workshop/join-code';
import { makeResponse } from '@/domain/workshop/response-file';
import { makeRound2Code } from '@/domain/workshop/rounds';
import {
  addParticipant,
  createWorkshop,
  getWorkshopData,
  listWorkshops,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import {
  getJoinedWorkshop,
  joinWorkshop,
  listJoinedWorkshops,
} from '@/storage/repositories/joined-workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

const FRAMEWORK = { id: 'ics-maturity-2019', version: '1.0.0' };

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

function responseFile(name: string, content: unknown): File {
  return new File([JSON.stringify(content)], name, { type: 'application/json' });
}

describe('workshop set-up and own-device import', () => {
  it('starts a workshop with only the criteria left in scope, and refuses an empty scope', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment({});
    renderApp(`/assessments/${assessmentId}/workshops`);
    await user.type(await screen.findByLabelText('Workshop title'), 'Care workshop');
    await user.click(screen.getByText('Criteria in scope: 24 of 24'));
    // One box per characteristic clears (or selects) all its criteria at once.
    const toggles = screen.getAllByRole('checkbox', { name: /^All of / });
    expect(toggles).toHaveLength(5);
    for (const toggle of toggles) {
      expect(toggle).toBeChecked();
      await user.click(toggle);
      expect(toggle).not.toBeChecked();
      expect(toggle).not.toBePartiallyChecked();
    }
    expect(screen.getByText('Criteria in scope: 0 of 24')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    expect(
      await screen.findByText('Choose at least one criterion for the workshop.'),
    ).toBeVisible();
    expect(await listWorkshops(assessmentId)).toEqual([]);

    // One criterion of a characteristic: its box shows the mixed state.
    await user.click(screen.getByRole('checkbox', { name: /primary care networks/i }));
    expect(screen.getByText('Criteria in scope: 1 of 24')).toBeVisible();
    const care = screen.getByRole('checkbox', {
      name: /^All of Integrated.*\(1 of \d+ in scope\)$/,
    });
    expect(care).toBePartiallyChecked();
    // Ticking a mixed box selects all of its criteria; unticking clears them again.
    await user.click(care);
    expect(care).toBeChecked();
    expect(care).not.toBePartiallyChecked();
    const careCount = Number(/\((\d+) of/.exec(care.closest('label')?.textContent ?? '')?.[1]);
    expect(careCount).toBeGreaterThan(1);
    expect(screen.getByText(`Criteria in scope: ${careCount} of 24`)).toBeVisible();
    await user.click(care);
    await user.click(screen.getByRole('checkbox', { name: /primary care networks/i }));
    expect(screen.getByText('Criteria in scope: 1 of 24')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    await waitFor(async () => expect(await listWorkshops(assessmentId)).toHaveLength(1));
    const [workshop] = await listWorkshops(assessmentId);
    expect(workshop?.criterionIds).toEqual(['care.pcns']);
  });

  it('carries the facilitator’s label in the join code, so a participant joining by code sees it', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment({});
    const page = renderApp(`/assessments/${assessmentId}/workshops`);
    await user.type(await screen.findByLabelText('Workshop title'), 'Board development session');
    const label = screen.getByLabelText('Label for the join code (optional)');
    await user.type(label, 'N0RTH');
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    await waitFor(() =>
      expect(label).toHaveAccessibleDescription(
        /Error: ?Enter letters only \(A to Z\), with no spaces, numbers or accents\./,
      ),
    );
    expect(label).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(label).toHaveFocus());
    expect(await listWorkshops(assessmentId)).toEqual([]);
    await user.clear(label);
    await user.type(label, 'north');
    await user.click(screen.getByRole('button', { name: 'Start workshop' }));
    await waitFor(async () => expect(await listWorkshops(assessmentId)).toHaveLength(1));
    const [workshop] = await listWorkshops(assessmentId);
    expect(workshop?.codeLabel).toBe('NORTH');
    expect(
      await screen.findByText(
        'The code carries your label NORTH: people who join with it see it before they rate.',
      ),
    ).toBeVisible();
    const code = screen.getByTestId('join-code').textContent ?? '';
    // Sixteen characters, one for the label's length and one per letter.
    expect(code.replace(/-/g, '')).toHaveLength(22);
    page.unmount();

    renderApp('/join');
    await user.type(await screen.findByLabelText('Workshop code'), code);
    await user.click(screen.getByRole('button', { name: 'Join with this code' }));
    expect(
      await screen.findByText(
        `Workshop NORTH (${workshopKey(workshop!.id)}). You will rate the 24 criteria this workshop covers.`,
      ),
    ).toBeVisible();
  });

  it('imports many files at once with a line per file; a refused file changes nothing', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    const good = makeResponse({
      workshop: { id: workshopId, title: 'Board workshop' },
      framework: FRAMEWORK,
      participant: {
        id: 'p1',
        label: '<b>Council</b>',
        organisation: 'Council',
        sector: 'local-authority',
      },
      ratings: [{ criterionId: 'care.pcns', level: 'developing', note: '' }],
      submittedAt: '2019-09-12T10:00:00.000Z',
    });
    const other = { ...good, workshop: { id: 'elsewhere', title: 'Eastvale away day' } };
    renderApp(`/workshops/${workshopId}`);
    const input = await screen.findByLabelText('Choose response files, or drop them here');
    await user.upload(input, [
      responseFile('council.json', good),
      responseFile('eastvale.json', other),
      new File(['x'.repeat(5 * 1024 * 1024 + 1)], 'huge.json'),
    ]);
    const report = await screen.findByText('3 files checked; 1 brought in new ratings.');
    const list = within(report.parentElement!);
    expect(list.getByText('council.json: added <b>Council</b> with 1 rating.')).toBeVisible();
    expect(
      list.getByText(
        'eastvale.json belongs to another workshop, “Eastvale away day”, not to “Board workshop”. Nothing was changed.',
      ),
    ).toBeVisible();
    expect(list.getByText(/huge\.json is larger than 5 MB/)).toBeVisible();
    const data = await getWorkshopData(workshopId);
    expect(data?.participants.map((p) => p.label)).toEqual(['<b>Council</b>']);
    expect(data?.ratings).toHaveLength(1);
  });

  it('hides names and notes in an anonymous workshop, and shows them otherwise', async () => {
    const user = userEvent.setup();
    for (const isAnonymous of [true, false]) {
      const workshopId = await workshopWith(isAnonymous);
      const p = await addParticipant(workshopId, {
        label: 'Acute CEO',
        organisation: 'Trust',
        sector: 'acute-trust',
      });
      await saveIndividualRating(workshopId, p, 'care.pcns', 'maturing', 'Flow is the issue');
      const { unmount } = renderApp(`/workshops/${workshopId}`);
      await user.click(await screen.findByRole('button', { name: 'Reveal the ratings' }));
      const spread = await screen.findByRole('article', { name: /primary care networks/i });
      expect(
        within(spread).getByText('1 rating; median Maturing; range Maturing to Maturing.'),
      ).toBeVisible();
      // Names and notes are one click away (built when opened), and absent when anonymous.
      const who = within(spread).queryByText('Who gave which rating');
      const notes = within(spread).queryByText('1 note from participants');
      expect(who === null).toBe(isAnonymous);
      expect(notes === null).toBe(isAnonymous);
      expect(within(spread).queryAllByText('Maturing: Acute CEO')).toHaveLength(0);
      if (who && notes) {
        await user.click(who);
        await user.click(notes);
      }
      expect(within(spread).queryAllByText('Maturing: Acute CEO')).toHaveLength(
        isAnonymous ? 0 : 1,
      );
      expect(within(spread).queryAllByText('Acute CEO (Maturing): Flow is the issue')).toHaveLength(
        isAnonymous ? 0 : 1,
      );
      expect(within(spread).queryAllByText(/Flow is the issue/)).toHaveLength(isAnonymous ? 0 : 1);
      unmount();
    }
  });

  it('removes a joined workshop from a participant device only after a warning about unsent ratings', async () => {
    const user = userEvent.setup();
    await joinWorkshop({
      workshopId: 'ws-1',
      joinedBy: 'invitation',
      title: 'Board workshop',
      date: '2019-09-12',
      facilitator: 'Programme director',
      frameworkId: FRAMEWORK.id,
      frameworkVersion: FRAMEWORK.version,
      criterionIds: ['care.pcns'],
      participant: {
        label: 'Council director',
        organisation: 'Council',
        sector: 'local-authority',
      },
    });
    renderApp('/join/ws-1');
    await user.click(
      await screen.findByRole('button', { name: 'Remove this workshop from this device' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/not in a saved response file yet/);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(await getJoinedWorkshop('ws-1')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove this workshop from this device' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove it from this device' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Join a workshop' })).toBeVisible();
    expect(await getJoinedWorkshop('ws-1')).toBeNull();
  });

  it('refuses a mistyped join code on the form, and joins by the right one with only its scope', async () => {
    const user = userEvent.setup();
    const code = makeJoinCode({
      workshopId: 'ws-9',
      frameworkCriterionIds: allCriteria(framework as Framework).map((c) => c.id),
      criterionIds: ['care.pcns', 'care.phm'],
    });
    const last = code.at(-1) === 'Z' ? 'Y' : 'Z';
    renderApp('/join');
    const field = await screen.findByLabelText('Workshop code');
    await user.type(field, `${code.slice(0, -1)}${last}`);
    await user.click(screen.getByRole('button', { name: 'Join with this code' }));
    const summary = await screen.findByRole('heading', { level: 2, name: 'There is a problem' });
    expect(summary.parentElement).toHaveTextContent(
      'Workshop code: This code has a mistake: a letter or number is wrong, or two are swapped.',
    );
    expect(field).toHaveAccessibleDescription(/Error: ?This code has a mistake/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.queryByLabelText('Name or anonymous label')).toBeNull();

    await user.clear(field);
    await user.type(field, workshopKey('ws-9'));
    await user.click(screen.getByRole('button', { name: 'Join with this code' }));
    expect(
      await screen.findByText(/This is an older code without a check letter/, { selector: 'a' }),
    ).toBeVisible();

    // The round 2 code, on a device that never joined: refused as one, nothing joined.
    await user.clear(field);
    await user.type(
      field,
      makeRound2Code({
        workshopId: 'ws-9',
        frameworkCriterionIds: allCriteria(framework as Framework).map((c) => c.id),
        round2: { criterionIds: ['care.pcns'] },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Join with this code' }));
    expect(
      await screen.findByText(/This is a round 2 code \(it starts with R2\)/, { selector: 'a' }),
    ).toBeVisible();
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.queryByLabelText('Name or anonymous label')).toBeNull();
    expect(await listJoinedWorkshops()).toEqual([]);

    await user.clear(field);
    await user.type(field, code.toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Join with this code' }));
    expect(
      await screen.findByText(
        `Workshop ${workshopKey('ws-9')}. You will rate the 2 criteria this workshop covers.`,
      ),
    ).toBeVisible();
    await user.type(screen.getByLabelText('Name or anonymous label'), 'Council director');
    await user.type(screen.getByLabelText('Organisation'), 'Council');
    await user.selectOptions(screen.getByLabelText('Sector'), 'Local authority');
    await user.click(screen.getByRole('button', { name: 'Start rating' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Your private ratings, Council director',
    });
    expect((await getJoinedWorkshop(workshopKey('ws-9')))?.criterionIds).toEqual([
      'care.pcns',
      'care.phm',
    ]);
  });

  it('leaves the agreed level unchosen after the reveal and says so when recorded without one', async () => {
    const user = userEvent.setup();
    const workshopId = await workshopWith();
    for (const [label, level] of [
      ['A', 'emerging'],
      ['B', 'maturing'],
    ] as const) {
      const p = await addParticipant(workshopId, {
        label,
        organisation: 'Trust',
        sector: 'acute-trust',
      });
      await saveIndividualRating(workshopId, p, 'care.pcns', level, '');
    }
    renderApp(`/workshops/${workshopId}`);
    await user.click(await screen.findByRole('button', { name: 'Reveal the ratings' }));
    const spread = await screen.findByRole('article', { name: /primary care networks/i });
    const level = within(spread).getByLabelText(/^Agreed level for/);
    expect(level).toHaveDisplayValue('Choose a level');
    await user.click(within(spread).getByRole('button', { name: /^Record agreed rating/ }));
    expect(level).toHaveAccessibleDescription(
      /Choose the level the room agreed before recording it/,
    );
    expect(level).toHaveAttribute('aria-invalid', 'true');
    expect((await getWorkshopData(workshopId))?.agreements).toEqual([]);
    await user.selectOptions(level, 'Developing');
    expect(level).not.toHaveAttribute('aria-invalid');
    await user.click(within(spread).getByRole('button', { name: /^Record agreed rating/ }));
    await waitFor(async () =>
      expect((await getWorkshopData(workshopId))?.agreements).toMatchObject([
        { criterionId: 'care.pcns', level: 'developing' },
      ]),
    );
  });
});
