/**
 * Password-protected backups for carrying files between organisations: PBKDF2 (SHA-256) derives
 * an AES-GCM key from the password; the file holds the salt, the IV and the ciphertext. AES-GCM
 * authenticates, so a wrong password and a tampered file are both detected. WebCrypto only.
 */
export const ENCRYPTED_TYPE = 'ics-maturity-backup-encrypted';
export const PBKDF2_ITERATIONS = 310_000;
export const MIN_PASSWORD_LENGTH = 10;

export type EncryptedFile = {
  type: typeof ENCRYPTED_TYPE;
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
};

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function deriveKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptText(
  plain: string,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<EncryptedFile> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(password, salt, iterations);
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)),
  );
  return {
    type: ENCRYPTED_TYPE,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
}

/** True when the text looks like a password-protected backup (decided before asking for a password). */
export function isEncryptedBackup(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text);
    return (
      typeof json === 'object' &&
      json !== null &&
      (json as { type?: unknown }).type === ENCRYPTED_TYPE
    );
  } catch {
    return false;
  }
}

export type DecryptResult =
  { ok: true; text: string } | { ok: false; reason: 'wrong-password' | 'damaged' };

export async function decryptText(text: string, password: string): Promise<DecryptResult> {
  let file: EncryptedFile;
  let salt: Uint8Array<ArrayBuffer>;
  let iv: Uint8Array<ArrayBuffer>;
  let data: Uint8Array<ArrayBuffer>;
  try {
    file = JSON.parse(text) as EncryptedFile;
    salt = fromBase64(file.kdf.salt);
    iv = fromBase64(file.cipher.iv);
    data = fromBase64(file.data);
    const iterations = file.kdf.iterations;
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
      return { ok: false, reason: 'damaged' };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  try {
    const key = await deriveKey(password, salt, file.kdf.iterations);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data);
    return { ok: true, text: new TextDecoder().decode(plain) };
  } catch {
    // AES-GCM cannot tell a wrong password from a changed file; the wrong password is far likelier.
    return { ok: false, reason: 'wrong-password' };
  }
}
