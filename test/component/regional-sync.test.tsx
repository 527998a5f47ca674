import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSnapshotJson } from '@/domain/regional/snapshot';
import { getDb } from '@/storage/db';
import {
  getRegionalSettings,
  getSyncSettings,
  putRegionalSettings,
} from '@/storage/repositories/settings-repo';
import { importSnapshots, listSnapshots } from '@/storage/repositories/snapshots-repo';
import type * as PouchModule from '@/sync/pouch';
import type { SyncDatabase } from '@/sync/pouch';
import { pushSnapshot, snapshotDocumentId } from '@/sync/regional';
import { forgetRegionalSecret } from '@/sync/regional-secret';
import { shippedFramework } from '../support/framework';
import { MemoryPouch } from '../support/memory-pouch';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';
import { sampleSnapshot } from '../support/snapshots';

/**
 * The regional database (issue 16, item 5) as a person uses it: set in Settings, then "Publish to
 * the regional database" on Results and "Fetch from the regional database" on the Region page.
 * The "server" is PouchDB in memory, named by the address.
 */

// Every database the app opens is PouchDB in memory, named by its address; `server.fail` makes
// every request fail as a server or the network would (a status, or none: unreachable).
const server = vi.hoisted(() => ({
  credentials: [] as unknown[],
  fail: null as null | { status?: number },
}));
vi.mock('@/sync/pouch', async (original) => ({
  ...(await original<typeof PouchModule>()),
  browserDatabases: async (credentials: unknown) => {
    server.credentials.push(credentials);
    return {
      local: () => {
        throw new Error('no local database for the region');
      },
      remote: (url: string) => {
        const db = new MemoryPouch(url);
        const failing = () => Promise.reject(Object.assign(new Error('no'), server.fail));
        return server.fail
          ? Object.assign(db, { get: failing, put: failing, allDocs: failing })
          : db;
      },
    };
  },
}));

let count = 0;
let regionUrl: string;

beforeEach(() => {
  server.credentials = [];
  server.fail = null;
  regionUrl = `${window.location.origin}/region-${++count}-${Date.now()}`;
});

afterEach(() => forgetRegionalSecret());

const origin = () => window.location.origin;

async function openRegionalForm() {
  const user = userEvent.setup();
  renderApp('/settings');
  const section = await screen.findByTestId('regional-database');
  await user.click(await within(section).findByRole('button', { name: 'Set a regional database' }));
  return { user, section };
}

describe('Settings: regional database', () => {
  it('is not set by default, and sets nothing until saved', async () => {
    renderApp('/settings');
    const section = await screen.findByTestId('regional-database');
    expect(within(section).getByRole('heading', { name: 'Regional database' })).toBeVisible();
    await waitFor(() =>
      expect(section).toHaveTextContent('No regional database is set on this device.'),
    );
    expect(within(section).queryByLabelText('Regional database address')).toBeNull();
    expect(await getRegionalSettings()).toBeNull();
  });

  it('saves the address and sign-in typed, keeps the password out of storage, and contacts nothing', async () => {
    const { user, section } = await openRegionalForm();
    await user.type(
      within(section).getByLabelText('Regional database address'),
      `${origin()}/north-east-region/`,
    );
    await user.click(within(section).getByLabelText('With a user name and password'));
    await user.type(within(section).getByLabelText('User name'), ' analyst ');
    await user.type(within(section).getByLabelText('Password'), 'pa55word');
    await user.click(within(section).getByRole('button', { name: 'Save the regional database' }));
    await waitFor(() =>
      expect(screen.getByTestId('regional-notice')).toHaveTextContent(
        'Regional database saved. Nothing has been sent',
      ),
    );
    expect(screen.getByTestId('regional-url')).toHaveTextContent(`${origin()}/north-east-region`);
    expect(section).toHaveTextContent('User name analyst and a password');
    expect(await getRegionalSettings()).toEqual({
      url: `${origin()}/north-east-region`,
      signIn: 'password',
      username: 'analyst',
    });
    // Apart from the partnership's sync, which stays off and unset.
    expect(await getSyncSettings()).toBeNull();
    expect(JSON.stringify(await getDb().settings.toArray())).not.toContain('pa55word');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Change the regional database' })).toHaveFocus(),
    );
  });

  it('refuses a bad address with a reason, focuses it, and leaves what was stored unchanged', async () => {
    const stored = { url: `${origin()}/region`, signIn: 'none' as const, username: '' };
    await putRegionalSettings(stored);
    const user = userEvent.setup();
    renderApp('/settings');
    const section = await screen.findByTestId('regional-database');
    await user.click(
      await within(section).findByRole('button', { name: 'Change the regional database' }),
    );
    const region = within(section);
    const address = region.getByLabelText('Regional database address');
    for (const [typed, message] of [
      ['https://couch.elsewhere.example.org/region', 'may only reach its own server'],
      ['http://couch.example.nhs.uk/region', 'Use an https:// address'],
      [`${origin()}`, "Add the database's name to the address"],
    ] as const) {
      await user.clear(address);
      await user.type(address, typed);
      await user.click(region.getByRole('button', { name: 'Save the regional database' }));
      expect(await region.findByText(new RegExp(message))).toBeVisible();
      expect(address).toHaveFocus();
      expect(address).toHaveAttribute('aria-invalid', 'true');
      expect(await getRegionalSettings()).toEqual(stored);
    }
    await user.click(region.getByLabelText('With a user name and password'));
    await user.clear(address);
    await user.type(address, `${origin()}/other-region`);
    await user.click(region.getByRole('button', { name: 'Save the regional database' }));
    expect(
      await region.findByText('Enter your user name for the regional database.'),
    ).toBeVisible();
    expect(region.getByLabelText('User name')).toHaveFocus();
    expect(await getRegionalSettings()).toEqual(stored);

    await user.click(region.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('regional-url')).toHaveTextContent(`${origin()}/region`);
    expect(await getRegionalSettings()).toEqual(stored);
  });

  it('removes the regional database when asked', async () => {
    await putRegionalSettings({ url: `${origin()}/region`, signIn: 'token', username: '' });
    const user = userEvent.setup();
    renderApp('/settings');
    const section = await screen.findByTestId('regional-database');
    await waitFor(() => expect(section).toHaveTextContent('A token from your organisation'));
    await user.click(within(section).getByRole('button', { name: 'Remove the regional database' }));
    await waitFor(() =>
      expect(section).toHaveTextContent('No regional database is set on this device.'),
    );
    expect(screen.getByTestId('regional-notice')).toHaveTextContent(
      'Regional database removed from this device.',
    );
    expect(await getRegionalSettings()).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Set a regional database' })).toHaveFocus(),
    );
  });
});

describe('Results: publish to the regional database', () => {
  async function openPreview() {
    const user = userEvent.setup();
    const id = await seedAssessment(
      { systemName: 'Northshire ICS', title: 'Secret title', asAt: '2026-03-31' },
      { 'care.pcns': { level: 'maturing' }, 'care.phm': { level: 'developing' } },
    );
    renderApp(`/assessments/${id}/results`);
    await user.click(await screen.findByRole('button', { name: 'Prepare the snapshot' }));
    return user;
  }

  it('is not offered while no regional database is set', async () => {
    await openPreview();
    expect(screen.getByRole('button', { name: 'Download the snapshot file' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Publish to the regional database' })).toBeNull();
    expect(server.credentials).toEqual([]);
  });

  it('asks for the password, publishes exactly the snapshot previewed, and says where and when', async () => {
    await putRegionalSettings({ url: regionUrl, signIn: 'password', username: 'northshire' });
    const user = await openPreview();
    const form = await screen.findByTestId('publish-to-region');
    const json = screen.getByTestId('snapshot-json').textContent ?? '';
    expect(server.credentials).toEqual([]);

    await user.click(
      within(form).getByRole('button', { name: 'Publish to the regional database' }),
    );
    const password = within(form).getByLabelText(
      'Password for northshire at the regional database',
    );
    expect(
      await within(form).findByText('Enter the password for the regional database.'),
    ).toBeVisible();
    expect(password).toHaveFocus();
    expect(server.credentials).toEqual([]);

    await user.type(password, 'pa55word');
    await user.click(
      within(form).getByRole('button', { name: 'Publish to the regional database' }),
    );
    const host = new URL(regionUrl).host;
    await waitFor(() =>
      expect(screen.getByTestId('region-publish-status')).toHaveTextContent(
        new RegExp(`^Published to ${host} at \\d{2}:\\d{2}\\.`),
      ),
    );
    expect(server.credentials).toEqual([{ username: 'northshire', password: 'pa55word' }]);
    const snapshot = JSON.parse(json) as Record<string, unknown>;
    const { _id, _rev, ...doc } = await new MemoryPouch(regionUrl).get(
      snapshotDocumentId(snapshot as Parameters<typeof snapshotDocumentId>[0]),
    );
    expect(_id).toBe('snapshot:northshire ics:2026-03-31');
    expect(_rev).toBeTruthy();
    expect(doc).toEqual(snapshot);
    expect(readSnapshotJson(doc, [shippedFramework]).ok).toBe(true);
    // The password is held for this tab now: not asked for again.
    expect(within(form).queryByLabelText(/Password for northshire/)).toBeNull();
  });

  it('says in words why it did not publish', async () => {
    await putRegionalSettings({ url: regionUrl, signIn: 'none', username: '' });
    const user = await openPreview();
    const form = await screen.findByTestId('publish-to-region');
    const status = screen.getByTestId('region-publish-status');
    const publish = () =>
      user.click(within(form).getByRole('button', { name: 'Publish to the regional database' }));
    for (const [fail, message] of [
      [{}, 'Not published: the regional database at'],
      [{ status: 403 }, 'Not published: this user may not publish to that regional database'],
      [{ status: 404 }, `Not published: there is no database at ${regionUrl}.`],
    ] as const) {
      server.fail = fail;
      await publish();
      await waitFor(() => expect(status).toHaveTextContent(message));
      expect(status).toHaveTextContent('Nothing was sent.');
    }
    server.fail = null;
    expect((await new MemoryPouch(regionUrl).allDocs()).rows).toEqual([]);
  });

  it('asks for the password again when the server refuses it', async () => {
    await putRegionalSettings({ url: regionUrl, signIn: 'password', username: 'northshire' });
    const user = await openPreview();
    const form = await screen.findByTestId('publish-to-region');
    await user.type(
      within(form).getByLabelText('Password for northshire at the regional database'),
      'wrong',
    );
    server.fail = { status: 401 };
    await user.click(
      within(form).getByRole('button', { name: 'Publish to the regional database' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('region-publish-status')).toHaveTextContent(
        'Not published: the regional database refused the user name or password.',
      ),
    );
    const again = within(form).getByLabelText('Password for northshire at the regional database');
    expect(again).toHaveValue('');
    await waitFor(() => expect(again).toHaveFocus());
  });
});

describe('Region: fetch from the regional database', () => {
  const names = () =>
    within(screen.getByTestId('regional-systems'))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);

  it('is not offered while no regional database is set; files still work', async () => {
    renderApp('/region');
    expect(await screen.findByLabelText('Choose snapshot files')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Fetch from the regional database' })).toBeNull();
  });

  it('fetches every system alphabetically, refuses a bad one with its reason, and twice adds nothing', async () => {
    const region = new MemoryPouch(regionUrl) as unknown as SyncDatabase;
    const west = sampleSnapshot('Westshire ICS', '2026-03-31', 'thriving');
    await pushSnapshot(region, west);
    await pushSnapshot(region, sampleSnapshot('Eastshire ICS', '2026-03-31', 'emerging'));
    await region.put({
      ...sampleSnapshot('Southshire ICS', '2026-03-31', 'emerging'),
      overall: 'thriving',
      _id: 'snapshot:southshire ics:2026-03-31',
    });
    await putRegionalSettings({ url: regionUrl, signIn: 'token', username: '' });
    const user = userEvent.setup();
    renderApp('/region');
    const card = await screen.findByTestId('fetch-snapshots');
    expect(card).toHaveTextContent(new URL(regionUrl).host);
    expect(await screen.findByTestId('regional-empty')).toBeVisible();
    expect(server.credentials).toEqual([]);

    await user.type(within(card).getByLabelText('Token for the regional database'), 'tok.en.sig');
    await user.click(
      within(card).getByRole('button', { name: 'Fetch from the regional database' }),
    );
    const report = screen.getByTestId('fetch-report');
    await waitFor(() => expect(report).toHaveTextContent('2 snapshots fetched, 1 refused.'));
    expect(server.credentials).toEqual([{ token: 'tok.en.sig' }]);
    expect(report).toHaveTextContent('Eastshire ICS as at 31 March 2026 added.');
    expect(report).toHaveTextContent(
      'The published snapshot “snapshot:southshire ics:2026-03-31” was not imported: its levels are not what the scoring rules give',
    );
    await waitFor(() => expect(names()).toEqual(['Eastshire ICS', 'Westshire ICS']));
    expect(screen.queryByTestId('ranking-warning')).toBeNull();

    // The token is held for this tab: fetching again asks for nothing and duplicates nothing.
    expect(within(card).queryByLabelText('Token for the regional database')).toBeNull();
    await user.click(
      within(card).getByRole('button', { name: 'Fetch from the regional database' }),
    );
    await waitFor(() =>
      expect(report).toHaveTextContent(
        'Westshire ICS as at 31 March 2026 was already here; updated.',
      ),
    );
    expect(await listSnapshots()).toHaveLength(2);
    expect(names()).toEqual(['Eastshire ICS', 'Westshire ICS']);
  });

  it('says in words why nothing was fetched, and leaves the snapshots here unchanged', async () => {
    await importSnapshots([sampleSnapshot('Eastshire ICS', '2026-03-31', 'emerging')]);
    await putRegionalSettings({ url: regionUrl, signIn: 'password', username: 'analyst' });
    const user = userEvent.setup();
    renderApp('/region');
    const card = await screen.findByTestId('fetch-snapshots');
    await user.click(
      within(card).getByRole('button', { name: 'Fetch from the regional database' }),
    );
    expect(
      await within(card).findByText('Enter the password for the regional database.'),
    ).toBeVisible();
    const password = within(card).getByLabelText('Password for analyst at the regional database');
    expect(password).toHaveFocus();
    const before = await listSnapshots();
    const report = screen.getByTestId('fetch-report');
    const fetchAgain = async (fail: { status?: number }, message: string) => {
      server.fail = fail;
      await user.click(
        within(card).getByRole('button', { name: 'Fetch from the regional database' }),
      );
      await waitFor(() => expect(report).toHaveTextContent(message));
      expect(report).toHaveTextContent('The snapshots here are unchanged.');
      expect(await listSnapshots()).toEqual(before);
    };
    await user.type(password, 'pw');
    await fetchAgain(
      { status: 403 },
      'Nothing was fetched: this user may not read that regional database.',
    );
    // An answer that is not about the password keeps it: not asked for again.
    expect(within(card).queryByLabelText(/Password for analyst/)).toBeNull();
    await fetchAgain({}, 'Nothing was fetched: the regional database at');
    await fetchAgain(
      { status: 401 },
      'Nothing was fetched: the regional database refused the user name or password.',
    );
    const again = within(card).getByLabelText('Password for analyst at the regional database');
    expect(again).toHaveValue('');
    await waitFor(() => expect(again).toHaveFocus());
    expect(names()).toEqual(['Eastshire ICS']);
  });
});
