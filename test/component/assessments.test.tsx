import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import {
  getAssessmentRecord,
  listAssessmentSummaries,
} from '@/storage/repositories/assessments-repo';
import { writeImport } from '@/storage/repositories/backup-repo';
import { renderApp } from '../support/render-app';
import { dataSet } from '../support/bench-data';
import { seedAssessment } from '../support/seed';

describe('Assessments screen', () => {
  it('refuses a blank system name with a clear message and creates nothing', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.type(await screen.findByLabelText('System name'), '    ');
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    expect(
      await screen.findByText('Enter a name. It cannot be blank or only spaces.'),
    ).toBeVisible();
    expect(screen.getByLabelText('System name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('System name')).toHaveFocus();
    expect(await listAssessmentSummaries()).toEqual([]);
  });

  it('lists the mistakes in an error summary at the top of the form, linked to their fields', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByLabelText('System name');
    expect(screen.queryByRole('heading', { name: 'There is a problem' })).toBeNull();
    await user.clear(screen.getByLabelText('Assessment date (as at)'));
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' }))
      .parentElement as HTMLElement;
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'System name: Enter a name. It cannot be blank or only spaces.',
      'Assessment date (as at): Enter a real date between 2000 and 2100, for example 01/04/2021.',
    ]);
    await user.click(links[1]!);
    expect(screen.getByLabelText('Assessment date (as at)')).toHaveFocus();
    await user.type(screen.getByLabelText('System name'), 'Northshire ICS');
    await user.type(screen.getByLabelText('Assessment date (as at)'), '2019-06-30');
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    await waitFor(() => expect(window.location.pathname).toMatch(/\/edit$/));
  });

  it('refuses a 10,000-character system name', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const input = await screen.findByLabelText('System name');
    await user.click(input);
    await user.paste('x'.repeat(10_000));
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    expect(await screen.findByText('Use 120 characters or fewer.')).toBeVisible();
    expect(await listAssessmentSummaries()).toEqual([]);
  });

  it('creates an assessment and opens it in the editor', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.type(await screen.findByLabelText('System name'), 'Northshire ICS');
    await user.clear(screen.getByLabelText('Assessment date (as at)'));
    await user.type(screen.getByLabelText('Assessment date (as at)'), '2019-06-30');
    await user.click(screen.getByRole('button', { name: 'Start assessment' }));
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/assessments\/[^/]+\/edit$/));
    const [saved] = await listAssessmentSummaries();
    expect(saved).toMatchObject({
      systemName: 'Northshire ICS',
      title: 'Self-assessment',
      asAt: '2019-06-30',
    });
    const record = await getAssessmentRecord(saved!.id);
    expect(record?.frameworkId).toBe('ics-maturity-2019');
    expect(record?.frameworkVersion).toBe('1.0.0');
  });

  it('groups assessments by system, newest first, and shows HTML in names as text', async () => {
    await seedAssessment({ systemName: 'Eastvale STP', title: 'Old', asAt: '2019-01-01' });
    await seedAssessment({
      systemName: '<img src=x onerror=alert(1)> ICS',
      title: 'Only',
      asAt: '2019-03-01',
    });
    await seedAssessment(
      { systemName: 'Eastvale STP', title: 'New', asAt: '2020-03-31' },
      {
        'leadership.shared-vision': { level: 'developing' },
      },
    );
    renderApp('/');
    const eastvale = await screen.findByRole('region', { name: 'Eastvale STP' });
    const titles = within(eastvale)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(titles).toEqual(['New', 'Old']);
    expect(within(eastvale).getByText(/1 criterion assessed/)).toBeVisible();
    expect(
      screen.getByRole('heading', { level: 3, name: '<img src=x onerror=alert(1)> ICS' }),
    ).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the newest three of a system and the rest on request', async () => {
    const user = userEvent.setup();
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      await seedAssessment({
        systemName: 'Long ICS',
        title: `Year ${year}`,
        asAt: `${year}-04-01`,
      });
    }
    renderApp('/');
    const group = await screen.findByRole('region', { name: 'Long ICS' });
    const titles = () =>
      within(group)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
    expect(titles()).toEqual(['Year 2023', 'Year 2022', 'Year 2021']);
    await user.click(
      within(group).getByRole('button', { name: 'Show all 5 assessments of Long ICS' }),
    );
    // The rest are read when asked for.
    await waitFor(() =>
      expect(titles()).toEqual(['Year 2023', 'Year 2022', 'Year 2021', 'Year 2020', 'Year 2019']),
    );
  });

  it('renders the newest three of each of 40 systems of 1,000 assessments, and one system in full on request', async () => {
    const user = userEvent.setup();
    const data = dataSet(1_000);
    // Ratings of the newest assessment only: the counts come from its stored summary.
    const first = [...data.assessments].sort(
      (a, b) => b.asAt.localeCompare(a.asAt) || b.createdAt - a.createdAt,
    )[0]!.id;
    await writeImport({ ...data, ratings: data.ratings.filter((r) => r.assessmentId === first) });
    renderApp('/');
    const groups = await screen.findAllByRole('region', { name: /^System \d+$/ });
    expect(groups).toHaveLength(40);
    expect(document.querySelectorAll('.assessment-item')).toHaveLength(40 * 3);
    const items = [...document.querySelectorAll('.assessment-item')];
    expect(items[0]).toHaveAttribute('data-assessment-id', first);
    expect(items[0]).toHaveTextContent('24 criteria assessed');
    expect(items[1]).toHaveTextContent('0 criteria assessed');

    const group = groups[0]!;
    const name = group.getAttribute('aria-label') ?? '';
    const button = within(group).getByRole('button', {
      name: `Show all 25 assessments of ${name}`,
    });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(list && group.contains(list)).toBe(true);
    await user.click(button);
    await waitFor(() =>
      expect(within(group).getAllByRole('heading', { level: 4 })).toHaveLength(25),
    );
    expect(document.querySelectorAll('.assessment-item')).toHaveLength(39 * 3 + 25);
    // The same button, still focused, now closes the list again.
    const open = within(group).getByRole('button', {
      name: `Show only the newest 3 assessments of ${name}`,
    });
    expect(open).toBe(button);
    expect(open).toHaveFocus();
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(within(group).getAllByRole('heading', { level: 4 })).toHaveLength(3);
    expect(button).toHaveFocus();
  });

  it('deletes an assessment and brings it back with Undo', async () => {
    const user = userEvent.setup();
    await seedAssessment(
      { title: 'Baseline' },
      { 'care.pcns': { level: 'maturing', evidence: 1 } },
    );
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Delete for Baseline' }));
    expect(await screen.findByText(/Deleted “Baseline”/)).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Baseline' })).toBeNull());
    expect(await listAssessmentSummaries()).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Baseline' })).toBeVisible();
    const [restored] = await listAssessmentSummaries();
    expect(restored?.assessedCount).toBe(1);
  });

  it('starts the next assessment from an earlier one, keeping its ratings', async () => {
    const user = userEvent.setup();
    await seedAssessment(
      { title: 'Baseline' },
      {
        'care.pcns': { level: 'maturing', evidence: 2 },
        'care.phm': { level: 'developing' },
      },
    );
    renderApp('/');
    await user.click(
      await screen.findByRole('button', {
        name: 'Start the next assessment from this one for Baseline',
      }),
    );
    await waitFor(() => expect(window.location.pathname).toMatch(/\/edit$/));
    const summaries = await listAssessmentSummaries();
    expect(summaries).toHaveLength(2);
    const next = summaries.find((s) => s.title !== 'Baseline');
    expect(next?.assessedCount).toBe(2);
    expect((await getAssessmentRecord(next!.id))?.basedOnId).toBe(
      summaries.find((s) => s.title === 'Baseline')?.id,
    );
  });
});

describe('Deleting a system’s last assessment', () => {
  async function seedWithPlan(): Promise<string> {
    const id = await seedAssessment({ systemName: 'Plan ICS', title: 'Only one' });
    await getDb().actions.add({
      id: 'action-1',
      systemKey: 'plan ics',
      title: 'Agree a shared vision',
      owner: 'Chair',
      dueDate: '2020-03-31',
      status: 'not-started',
      characteristicId: 'leadership',
      criterionId: null,
      milestoneDate: null,
      createdAt: 1,
      updatedAt: 1,
    });
    return id;
  }

  it('asks first, saying the plan goes too; Cancel keeps everything and returns focus', async () => {
    const user = userEvent.setup();
    await seedWithPlan();
    renderApp('/');
    const remove = await screen.findByRole('button', { name: 'Delete for Only one' });
    await user.click(remove);
    const confirm = await screen.findByRole('group', {
      name: 'Delete “Only one” and the plan for Plan ICS?',
    });
    expect(within(confirm).getByText(/development plan \(1 action\)/)).toBeVisible();
    expect(
      within(confirm).getByText('Delete “Only one” and the plan for Plan ICS?').parentElement,
    ).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /and the plan for/ })).toBeNull();
    expect(remove).toHaveFocus();
    expect(await listAssessmentSummaries()).toHaveLength(1);
    expect(await getDb().actions.count()).toBe(1);
  });

  it('deletes the assessment and the plan on the second button, and Undo brings both back', async () => {
    const user = userEvent.setup();
    await seedWithPlan();
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Delete for Only one' }));
    await user.click(
      await screen.findByRole('button', { name: 'Yes, delete the assessment and the plan' }),
    );
    expect(await screen.findByText(/targets and its 1 plan action were deleted too/)).toBeVisible();
    expect(await listAssessmentSummaries()).toHaveLength(0);
    expect(await getDb().actions.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Only one' })).toBeVisible();
    expect(await getDb().actions.count()).toBe(1);
  });

  it('deletes at once when another assessment of the system remains (its plan stays)', async () => {
    const user = userEvent.setup();
    await seedWithPlan();
    await seedAssessment({ systemName: 'plan  ICS', title: 'Second', asAt: '2020-06-30' });
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Delete for Only one' }));
    expect(await screen.findByText(/Deleted “Only one”/)).toBeVisible();
    expect(screen.queryByText(/plan action were deleted/)).toBeNull();
    expect(await getDb().actions.count()).toBe(1);
  });
});
