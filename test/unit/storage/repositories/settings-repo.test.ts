import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFreshTestDatabase } from '@/storage/db';
import {
  getRegionalSettings,
  getSetting,
  getSyncSettings,
  putRegionalSettings,
  putSetting,
  putSyncSettings,
  removeRegionalSettings,
} from '@/storage/repositories/settings-repo';

beforeEach(() => {
  openFreshTestDatabase();
});

describe('settings', () => {
  it('is undefined for a setting never stored', async () => {
    expect(await getSetting('persistenceRequestedAt')).toBeUndefined();
  });

  it('gives back the stored value, objects and falsy values included', async () => {
    await putSetting('persistenceRequestedAt', 1_570_000_000_000);
    await putSetting('reminder', { snoozedUntil: 5, lastBackupAt: null });
    await putSetting('flag', false);
    await putSetting('count', 0);
    expect(await getSetting<number>('persistenceRequestedAt')).toBe(1_570_000_000_000);
    expect(await getSetting('reminder')).toEqual({ snoozedUntil: 5, lastBackupAt: null });
    expect(await getSetting('flag')).toBe(false);
    expect(await getSetting('count')).toBe(0);
  });

  it('overwrites a setting, keeping one value per key', async () => {
    await putSetting('theme', 'light');
    await putSetting('theme', 'dark');
    expect(await getSetting('theme')).toBe('dark');
  });

  it('does not share settings between databases', async () => {
    await putSetting('theme', 'dark');
    openFreshTestDatabase();
    expect(await getSetting('theme')).toBeUndefined();
  });

  it('keeps the regional database apart from the partnership one, and forgets it on request', async () => {
    expect(await getRegionalSettings()).toBeNull();
    const partnership = { enabled: true, url: 'https://couch.example.nhs.uk/ns', username: '' };
    await putSyncSettings(partnership);
    const region = {
      url: 'https://region.example.nhs.uk/north-east',
      signIn: 'password' as const,
      username: 'analyst',
    };
    await putRegionalSettings(region);
    expect(await getRegionalSettings()).toEqual(region);
    await removeRegionalSettings();
    expect(await getRegionalSettings()).toBeNull();
    expect(await getSyncSettings()).toEqual(partnership);
  });
});
