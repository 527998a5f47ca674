import { describe, expect, it } from 'vitest';
import { checkSyncUrl, parseSyncOrigins } from '@/domain/sync/sync-url';

const APP = 'https://maturity.example.nhs.uk';
const ALLOWED = ['https://couch.example.nhs.uk', 'http://127.0.0.1:4174'];
const check = (text: string) => checkSyncUrl(text, APP, ALLOWED);

describe('the partnership database URL', () => {
  it('accepts a database on an allowed server or on the app’s own origin, tidied', () => {
    expect(check(' https://couch.example.nhs.uk/north-shire/ ')).toEqual({
      ok: true,
      value: 'https://couch.example.nhs.uk/north-shire',
    });
    expect(check(`${APP}/couchdb/north-shire`)).toEqual({
      ok: true,
      value: `${APP}/couchdb/north-shire`,
    });
    expect(check('http://127.0.0.1:4174/partnership').ok).toBe(true);
  });

  it('refuses what it cannot or must not use, saying why', () => {
    expect(check('')).toEqual({ ok: false, problem: 'blank' });
    expect(check('couch.example.nhs.uk/db')).toEqual({ ok: false, problem: 'invalid' });
    expect(check('ftp://couch.example.nhs.uk/db')).toEqual({ ok: false, problem: 'invalid' });
    expect(check('http://couch.example.nhs.uk/db')).toEqual({ ok: false, problem: 'not-https' });
    expect(check('https://ann:secret@couch.example.nhs.uk/db')).toEqual({
      ok: false,
      problem: 'has-credentials',
    });
    expect(check('https://couch.example.nhs.uk/')).toEqual({ ok: false, problem: 'no-database' });
    expect(check('https://couch.example.nhs.uk/db?x=1')).toEqual({
      ok: false,
      problem: 'no-database',
    });
    expect(check('https://elsewhere.example.com/db')).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
  });
});

describe('the origins a build may sync with', () => {
  it('reads a space- or comma-separated list of origins', () => {
    expect(parseSyncOrigins(undefined)).toEqual([]);
    expect(parseSyncOrigins(' https://a.example.org, http://127.0.0.1:4174 ')).toEqual([
      'https://a.example.org',
      'http://127.0.0.1:4174',
    ]);
  });

  it('stops the build on anything that is not an origin', () => {
    expect(() => parseSyncOrigins('not a url')).toThrow(/not an origin/);
    expect(() => parseSyncOrigins('https://a.example.org/db')).toThrow(/origin only/);
  });
});
