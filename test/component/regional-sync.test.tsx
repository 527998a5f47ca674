import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/storage/db';
import {
  getRegionalSettings,
  getSyncSettings,
  putRegionalSettings,
} from '@/storage/repositories/settings-repo';
import { renderApp } from '../support/render-app';

/**
 * The regional database (issue 16, item 5) as a person uses it: set in Settings, then "Publish to
 * the regional database" on Results and "Fetch from the regional database" on the Region page.
 * The "server" is PouchDB in memory, named by the address.
 */

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
