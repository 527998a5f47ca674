import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import status from '@/locales/en-GB/status.json';
import { statusText } from '@/lib/status-text';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'en-GB',
  resources: { 'en-GB': { status } },
  interpolation: { escapeValue: false },
});
const t = i18n.getFixedT('en-GB', 'status');

describe('statusText', () => {
  it('says the status alone when on track', () => {
    expect(statusText({ status: 'on-track', reasons: ['at-or-above-plan'] }, t)).toBe('On track');
  });

  it('adds every reason but "at or above plan", in order, in brackets', () => {
    expect(statusText({ status: 'behind', reasons: ['one-level-behind', 'stale'] }, t)).toBe(
      'Amber – behind plan (one level below the planned level; the latest assessment is more than six months old)',
    );
    expect(statusText({ status: 'unknown', reasons: ['insufficient-evidence'] }, t)).toBe(
      'Not known (the latest assessment has insufficient evidence)',
    );
    expect(statusText({ status: 'off-track', reasons: ['two-or-more-behind'] }, t)).toBe(
      'Red – off track (two or more levels below the planned level)',
    );
  });
});
