import { describe, expect, it } from 'vitest';
import { decryptText, encryptText, isEncryptedBackup } from '@/lib/encryption';

// Few PBKDF2 iterations keep the test fast; the app uses PBKDF2_ITERATIONS.
const FAST = 1_000;

describe('password-protected backups', () => {
  it('decrypts with the right password to exactly the original text', async () => {
    const plain = JSON.stringify({ type: 'ics-maturity-backup', note: 'Ŵ £ “quotes” ✓' });
    const file = await encryptText(plain, 'correct horse battery', FAST);
    const text = JSON.stringify(file);
    expect(text).not.toContain('ics-maturity-backup"');
    expect(isEncryptedBackup(text)).toBe(true);
    expect(await decryptText(text, 'correct horse battery')).toEqual({ ok: true, text: plain });
  });

  it('says so for a wrong password or a changed file, and for a damaged envelope', async () => {
    const file = await encryptText('secret', 'correct horse battery', FAST);
    expect(await decryptText(JSON.stringify(file), 'wrong password!')).toEqual({
      ok: false,
      reason: 'wrong-password',
    });
    const tampered = {
      ...file,
      data: file.data.slice(0, -4) + (file.data.endsWith('AAAA') ? 'BBBB' : 'AAAA'),
    };
    expect((await decryptText(JSON.stringify(tampered), 'correct horse battery')).ok).toBe(false);
    expect(await decryptText('{"type":"ics-maturity-backup-encrypted"}', 'x')).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(await decryptText('not json', 'x')).toEqual({ ok: false, reason: 'damaged' });
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
