import type { Result } from '@/domain/result';

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

const NAMES_ENCRYPTED_TYPE = new RegExp(`"type"\\s*:\\s*"${ENCRYPTED_TYPE}"`);

/**
 * True when the text is meant to be a password-protected backup but its envelope is not well
 * formed (cut short, garbled, a part missing or of the wrong size): it is damaged, and no
 * password can open it, so none is asked for.
 */
export function isDamagedEncryptedBackup(text: string): boolean {
  if (isEncryptedBackup(text)) return readEnvelope(text) === null;
  try {
    JSON.parse(text);
    return false; // readable JSON of another kind: not a protected backup at all
  } catch {
    return NAMES_ENCRYPTED_TYPE.test(text.slice(0, 4096));
  }
}

export type DecryptProblem = 'wrong-password' | 'damaged';
export type DecryptResult = Result<string, DecryptProblem>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Strict base64 of exactly `length` bytes (or at least `min`), else null. */
function bytesOf(value: unknown, size: { length?: number; min?: number }) {
  if (typeof value !== 'string' || !BASE64.test(value)) return null;
  const bytes = fromBase64(value);
  if (size.length !== undefined && bytes.length !== size.length) return null;
  if (size.min !== undefined && bytes.length < size.min) return null;
  return bytes;
}

/** The envelope's parts when it is well formed; null when it is damaged. */
function readEnvelope(text: string) {
  let file: EncryptedFile;
  try {
    file = JSON.parse(text) as EncryptedFile;
  } catch {
    return null;
  }
  if (typeof file !== 'object' || file === null || file.type !== ENCRYPTED_TYPE) return null;
  if (file.version !== 1 || typeof file.kdf !== 'object' || typeof file.cipher !== 'object')
    return null;
  if (file.kdf === null || file.cipher === null) return null;
  if (file.kdf.name !== 'PBKDF2' || file.kdf.hash !== 'SHA-256' || file.cipher.name !== 'AES-GCM')
    return null;
  const iterations = file.kdf.iterations;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return null;
  const salt = bytesOf(file.kdf.salt, { length: 16 });
  const iv = bytesOf(file.cipher.iv, { length: 12 });
  // AES-GCM appends a 16-byte authentication tag: shorter data was cut short.
  const data = bytesOf(file.data, { min: 16 });
  if (!salt || !iv || !data) return null;
  return { iterations, salt, iv, data };
}

/**
 * 'damaged' when the envelope is not well formed (cut short, garbled, missing parts): no password
 * can open it. 'wrong-password' when the envelope is well formed but does not decrypt: AES-GCM
 * cannot tell a wrong password from a changed ciphertext, so the message says both.
 */
export async function decryptText(text: string, password: string): Promise<DecryptResult> {
  const envelope = readEnvelope(text);
  if (!envelope) return { ok: false, problem: 'damaged' };
  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(password, envelope.salt, envelope.iterations);
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: envelope.iv }, key, envelope.data);
  } catch {
    return { ok: false, problem: 'wrong-password' };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}
