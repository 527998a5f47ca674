import { describe, expect, it } from 'vitest';
import {
  decryptText,
  encryptBytes,
  encryptText,
  isDamagedEncryptedBackup,
  isEncryptedBackup,
  namesEncryptedType,
  protectionOf,
} from '@/lib/encryption';

// Few PBKDF2 iterations keep the test fast; the app uses PBKDF2_ITERATIONS.
const FAST = 1_000;
const PASSWORD = 'correct horse battery';

describe('password-protected backups', () => {
  it('decrypts with the right password to exactly the original text', async () => {
    const plain = JSON.stringify({ type: 'ics-maturity-backup', note: 'Ŵ £ “quotes” ✓' });
    const file = await encryptText(plain, 'correct horse battery', FAST);
    const text = JSON.stringify(file);
    expect(text).not.toContain('ics-maturity-backup"');
    expect(isEncryptedBackup(text)).toBe(true);
    expect(await decryptText(text, 'correct horse battery')).toEqual({ ok: true, value: plain });
  });

  it('says so for a wrong password or a changed file, and for a damaged envelope', async () => {
    const file = await encryptText('secret', 'correct horse battery', FAST);
    expect(await decryptText(JSON.stringify(file), 'wrong password!')).toEqual({
      ok: false,
      problem: 'wrong-password',
    });
    const tampered = {
      ...file,
      data: file.data.slice(0, -4) + (file.data.endsWith('AAAA') ? 'BBBB' : 'AAAA'),
    };
    expect((await decryptText(JSON.stringify(tampered), 'correct horse battery')).ok).toBe(false);
    expect(await decryptText('{"type":"ics-maturity-backup-encrypted"}', 'x')).toEqual({
      ok: false,
      problem: 'damaged',
    });
    expect(await decryptText('not json', 'x')).toEqual({ ok: false, problem: 'damaged' });
  });

  it('uses a fresh salt and IV every time', async () => {
    const a = await encryptText('same', 'same password', FAST);
    const b = await encryptText('same', 'same password', FAST);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
    expect(isEncryptedBackup('{"type":"ics-maturity-backup"}')).toBe(false);
  });
});

/** A damaged protected file says it is damaged, not "wrong password". */
describe('damaged password-protected backups', () => {
  it('a file cut short is recognised as a damaged protected backup before any password', async () => {
    const text = JSON.stringify(await encryptText('{"secret":1}', PASSWORD, FAST));
    for (const cut of [text.length - 1, Math.floor(text.length / 2), 60]) {
      const truncated = text.slice(0, cut);
      expect(isDamagedEncryptedBackup(truncated)).toBe(true);
      expect(await decryptText(truncated, PASSWORD)).toEqual({ ok: false, problem: 'damaged' });
    }
    expect(isDamagedEncryptedBackup(text)).toBe(false);
    expect(isDamagedEncryptedBackup('{"type":"ics-maturity-backup"')).toBe(false);
    // A readable backup that merely mentions the type in a note is not a damaged protected file.
    expect(
      isDamagedEncryptedBackup(
        '{"type":"ics-maturity-backup","note":"\\"type\\":\\"ics-maturity-backup-encrypted\\""}',
      ),
    ).toBe(false);
  });

  it.each([
    [
      'data cut inside a base64 group',
      (f: Record<string, unknown>) => ({ ...f, data: (f.data as string).slice(0, -2) }),
    ],
    [
      'data shorter than the authentication tag',
      (f: Record<string, unknown>) => ({ ...f, data: 'AAAA' }),
    ],
    [
      'data with characters that are not base64',
      (f: Record<string, unknown>) => ({ ...f, data: `${f.data as string}*!` }),
    ],
    [
      'an IV of the wrong length',
      (f: Record<string, unknown>) => ({ ...f, cipher: { name: 'AES-GCM', iv: 'AAAA' } }),
    ],
    [
      'a salt that is not base64',
      (f: Record<string, unknown>) => ({ ...f, kdf: { ...(f.kdf as object), salt: '%%%%' } }),
    ],
    ['no cipher', (f: Record<string, unknown>) => ({ ...f, cipher: null })],
    ['another version', (f: Record<string, unknown>) => ({ ...f, version: 2 })],
  ])('%s is damaged', async (_, change) => {
    const file = (await encryptText('{"secret":1}', PASSWORD, FAST)) as unknown as Record<
      string,
      unknown
    >;
    const damaged = JSON.stringify(change(file));
    expect(isDamagedEncryptedBackup(damaged)).toBe(true);
    expect(await decryptText(damaged, PASSWORD)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('a well-formed file that does not decrypt is "wrong password (or changed)", and the right password opens it', async () => {
    const file = await encryptText('{"secret":1}', PASSWORD, FAST);
    expect(isDamagedEncryptedBackup(JSON.stringify(file))).toBe(false);
    expect(await decryptText(JSON.stringify(file), 'not the password')).toEqual({
      ok: false,
      problem: 'wrong-password',
    });
    expect(await decryptText(JSON.stringify(file), PASSWORD)).toEqual({
      ok: true,
      value: '{"secret":1}',
    });
  });
});

describe('recognising a file parsed once', () => {
  it('tells a plain file, a sealed protected file and a damaged one apart from the parsed value', async () => {
    const file = await encryptText('{"secret":1}', PASSWORD, FAST);
    expect(protectionOf(file)).toBe('sealed');
    expect(protectionOf({ ...file, iv: undefined, cipher: null })).toBe('damaged');
    expect(protectionOf({ type: 'ics-maturity-backup' })).toBe('none');
    for (const value of [null, 1, 'text', [], [file]]) expect(protectionOf(value)).toBe('none');
  });

  it('looks only at the start of a text that is not JSON for the protected type', () => {
    const start = '{"type": "ics-maturity-backup-encrypted", "version": 1';
    expect(namesEncryptedType(start)).toBe(true);
    expect(
      namesEncryptedType(`{"note":"${'x'.repeat(5_000)}","type":"ics-maturity-backup-encrypted"`),
    ).toBe(false);
    expect(namesEncryptedType('{"type":"ics-maturity-backup"')).toBe(false);
  });

  it(
    'encrypts bytes and large texts (near a megabyte) and opens them again',
    { timeout: 30_000 },
    async () => {
      const plain = `{"note":"${'Ŵ£✓ '.repeat(100_000)}"}`;
      const file = await encryptBytes(new TextEncoder().encode(plain), PASSWORD, FAST);
      expect(await decryptText(JSON.stringify(file), PASSWORD)).toEqual({ ok: true, value: plain });
    },
  );
});
