import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { writeImport } from '@/storage/repositories/backup-repo';
import { dataSet } from '../support/bench-data';
import { renderApp } from '../support/render-app';

const data = dataSet(1_000);
const newestFirst = [...data.assessments].sort(
  (a, b) => b.asAt.localeCompare(a.asAt) || b.createdAt - a.createdAt,
);

async function openPicker(path: string) {
  await writeImport({ ...data, ratings: [] });
  renderApp(path);
  const legend = await screen.findByText('Assessments to compare');
  const picker = legend.closest('fieldset')!;
  const details = picker.closest('details')!;
  details.open = true;
  return picker;
}

describe('Compare screen: the picker of 1,000 assessments', () => {
  it('shows the newest three of the first ten systems, with the two chosen by default', async () => {
    const user = userEvent.setup();
    const picker = await openPicker('/compare');
    const boxes = () => within(picker).getAllByRole('checkbox');
    expect(boxes()).toHaveLength(10 * 3);
    // The default: the newest two of the newest system.
    const [newest, second] = newestFirst.filter((a) => a.systemName === newestFirst[0]!.systemName);
    expect(
      within(picker).getByRole('checkbox', { name: new RegExp(`^${newest!.title},`) }),
    ).toBeChecked();
    expect(
      within(picker).getByRole('checkbox', { name: new RegExp(`^${second!.title},`) }),
    ).toBeChecked();

    const showAll = within(picker).getByRole('button', {
      name: `Show all 25 assessments of ${newest!.systemName}`,
    });
    await user.click(showAll);
    expect(boxes()).toHaveLength(9 * 3 + 25);
    expect(showAll).toHaveAttribute('aria-expanded', 'true');
    expect(showAll).toHaveFocus();
    await user.click(showAll);
    expect(boxes()).toHaveLength(10 * 3);

    const more = within(picker).getByRole('button', {
      name: 'Show 10 more systems (30 not shown)',
    });
    await user.click(more);
    expect(boxes()).toHaveLength(20 * 3);
    // Focus goes to the first checkbox of the first system just shown.
    await waitFor(() => expect(boxes()[10 * 3]).toHaveFocus());
    await user.click(
      within(picker).getByRole('button', { name: 'Show 10 more systems (20 not shown)' }),
    );
    await user.click(
      within(picker).getByRole('button', { name: 'Show 10 more systems (10 not shown)' }),
    );
    expect(boxes()).toHaveLength(40 * 3);
    expect(within(picker).queryByRole('button', { name: /more systems/ })).toBeNull();
  });

  it('never hides a chosen assessment: an old one of a system beyond the first ten is shown too', async () => {
    const systemsInOrder = [...new Set(newestFirst.map((a) => a.systemName))];
    const farSystem = systemsInOrder[35]!;
    const oldest = newestFirst.filter((a) => a.systemName === farSystem).at(-1)!;
    const picker = await openPicker(`/compare/${newestFirst[0]!.id},${oldest.id}`);
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(11 * 3 + 1);
    expect(
      within(picker).getByRole('checkbox', { name: new RegExp(`^${oldest.title},`) }),
    ).toBeChecked();
  });
});
