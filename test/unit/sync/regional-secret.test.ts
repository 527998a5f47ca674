import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetRegionalSecret,
  regionalSecret,
  rememberRegionalSecret,
} from '@/sync/regional-secret';

const region = {
  url: 'https://region.example.nhs.uk/north-east',
  signIn: 'password' as const,
  username: 'analyst',
};

afterEach(() => forgetRegionalSecret());

describe('the regional database password or token, in memory', () => {
  it('needs none when the server asks for nothing', () => {
    expect(regionalSecret({ ...region, signIn: 'none', username: '' })).toBe('');
  });

  it('is asked for until given, then held for the same address, sign-in and user only', () => {
    expect(regionalSecret(region)).toBeNull();
    rememberRegionalSecret(region, 's3cret');
    expect(regionalSecret(region)).toBe('s3cret');
    expect(regionalSecret({ ...region, username: 'someone' })).toBeNull();
    expect(regionalSecret({ ...region, url: 'https://region.example.nhs.uk/other' })).toBeNull();
    expect(regionalSecret({ ...region, signIn: 'token' })).toBeNull();
    forgetRegionalSecret();
    expect(regionalSecret(region)).toBeNull();
  });
});
