import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LevelId } from '@/domain/levels';
import type { Snapshot } from '@/domain/regional/snapshot';
import { listSnapshots } from '@/storage/repositories/snapshots-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';
import { sampleSnapshot } from '../support/snapshots';

const snapshot = (systemName: string, asAt: string, level: LevelId | null): Snapshot =>
  sampleSnapshot(systemName, asAt, level);

const file = (name: string, content: unknown): File =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, {
    type: 'application/json',
  });

async function importFiles(files: File[]): Promise<HTMLElement> {
  const user = userEvent.setup();
  const input = await screen.findByLabelText('Choose snapshot files');
  await user.upload(input, files);
  return screen.findByTestId('import-report', {}, { timeout: 3000 }).then(async (report) => {
    await waitFor(() => expect(report).toHaveTextContent(/files? imported/));
    return report;
  });
}

describe('Regional view', () => {
  it('starts empty and says how to get snapshots', async () => {
    renderApp('/region');
    expect(await screen.findByRole('heading', { level: 1, name: 'Regional view' })).toBeVisible();
    expect(await screen.findByTestId('regional-empty')).toHaveTextContent('No snapshots yet');
  });

  it('lists imported systems alphabetically, not by level, with distribution and trend', async () => {
    renderApp('/region');
    const report = await importFiles([
      file('west.json', snapshot('Westshire ICS', '2026-03-31', 'thriving')),
      file('east.json', snapshot('Eastshire ICS', '2026-03-31', 'emerging')),
      file('east-old.json', snapshot('Eastshire ICS', '2025-03-31', 'developing')),
    ]);
    expect(report).toHaveTextContent('3 of 3 files imported.');
    expect(report).toHaveTextContent('west.json: Westshire ICS as at 31 March 2026 added.');

    const systems = await screen.findByTestId('regional-systems');
    const names = within(systems)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toEqual(['Eastshire ICS', 'Westshire ICS']);
    expect(screen.getByRole('heading', { name: '2 systems' })).toBeVisible();

    const distribution = screen.getByTestId('distribution');
    const firstRow = within(distribution).getAllByRole('row')[1]!;
    // Emerging 1, developing 0, maturing 0, thriving 1, not enough evidence 0.
    expect([...firstRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '1',
      '0',
      '0',
      '1',
      '0',
    ]);

    const trend = screen.getByRole('region', { name: 'Levels of Eastshire ICS over time' });
    const dates = within(trend)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('th')?.textContent);
    expect(dates).toEqual(['31 March 2025', '31 March 2026']);
    expect(screen.queryByTestId('ranking-warning')).toBeNull();
  });

  it('ranks by overall level only when asked, with a warning', async () => {
    const user = userEvent.setup();
    renderApp('/region');
    await importFiles([
      file('a.json', snapshot('Aardshire ICS', '2026-03-31', 'emerging')),
      file('z.json', snapshot('Zedshire ICS', '2026-03-31', 'thriving')),
    ]);
    await user.click(await screen.findByLabelText('Rank by overall level'));
    expect(screen.getByTestId('ranking-warning')).toHaveTextContent('A league table misleads');
    const names = within(screen.getByTestId('regional-systems'))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toEqual(['Zedshire ICS', 'Aardshire ICS']);
    await user.click(screen.getByLabelText('Alphabetical (A to Z)'));
    expect(screen.queryByTestId('ranking-warning')).toBeNull();
  });

  it('refuses a malformed or edited file with a clear message and changes nothing', async () => {
    renderApp('/region');
    const edited = { ...snapshot('Eastshire ICS', '2026-03-31', 'emerging'), overall: 'thriving' };
    const withNotes = { ...snapshot('Eastshire ICS', '2026-03-31', 'emerging'), notes: 'Dr X' };
    const report = await importFiles([
      file('broken.json', '{"type": '),
      file('edited.json', edited),
      file('notes.json', withNotes),
    ]);
    expect(report).toHaveTextContent('0 of 3 files imported.');
    expect(report).toHaveTextContent(
      'broken.json was not imported: it is not a snapshot file (it is not JSON). Nothing was changed.',
    );
    expect(report).toHaveTextContent(/edited\.json was not imported: its levels are not what/);
    expect(report).toHaveTextContent(/notes\.json was not imported: it is damaged or was edited/);
    expect(await listSnapshots()).toEqual([]);
    expect(await screen.findByTestId('regional-empty')).toBeVisible();
  });

  it('imports the same file twice as one snapshot, and removes a snapshot', async () => {
    const user = userEvent.setup();
    renderApp('/region');
    const east = snapshot('Eastshire ICS', '2026-03-31', 'emerging');
    await importFiles([file('east.json', east)]);
    const report = await importFiles([file('east.json', east)]);
    expect(report).toHaveTextContent('was already here; replaced with this copy.');
    expect(await listSnapshots()).toHaveLength(1);
    await user.click(
      screen.getByRole('button', {
        name: 'Remove the snapshot of Eastshire ICS as at 31 March 2026',
      }),
    );
    expect(await screen.findByTestId('regional-empty')).toBeVisible();
    expect(await listSnapshots()).toEqual([]);
  });
});

describe('Publishing a snapshot from the results', () => {
  it('previews exactly the file, with no free text, and downloads it', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:snapshot';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const id = await seedAssessment(
      { systemName: 'Northshire ICS', title: 'Secret title of Dr Jones', asAt: '2026-03-31' },
      { 'care.pcns': { level: 'maturing', evidence: 1 }, 'care.phm': { level: 'developing' } },
    );
    renderApp(`/assessments/${id}/results`);
    await user.click(await screen.findByRole('button', { name: 'Prepare the snapshot' }));
    const preview = screen.getByTestId('snapshot-preview');
    expect(preview).toHaveTextContent('Northshire ICS');
    expect(preview).toHaveTextContent('31 March 2026');
    const json = screen.getByTestId('snapshot-json').textContent ?? '';
    expect(json).toContain('"type": "ics-maturity-regional-snapshot"');
    expect(json).not.toContain('Secret title');
    expect(json).not.toContain('Evidence 1');
    await user.click(screen.getByRole('button', { name: 'Download the snapshot file' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0]!.text()).toBe(json);
    expect(screen.getByText(/Snapshot saved to your downloads/)).toBeVisible();
    click.mockRestore();
  });
});
