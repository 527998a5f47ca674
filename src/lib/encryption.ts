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

/** Base64 of the bytes, built 32 KB at a time (not a string grown byte by byte). */
const toBase64 = (bytes: Uint8Array): string => {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000)
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join(''));
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

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
  return encryptBytes(new TextEncoder().encode(plain), password, iterations);
}

/** encryptText for text already encoded as UTF-8 (a backup built in parts, read from its Blob). */
export async function encryptBytes(
  plain: Uint8Array<ArrayBuffer>,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<EncryptedFile> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(password, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return {
    type: ENCRYPTED_TYPE,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  };
}

/**
 * What a file already parsed as JSON is, as far as password protection goes: not a protected
 * backup at all, a protected one that can be opened with a password (`sealed`), or a protected one
 * whose envelope is not well formed (`damaged`: a part missing or of the wrong size), which no
 * password can open. Decided before asking for a password, without parsing the file again.
 */
export function protectionOf(json: unknown): 'none' | 'sealed' | 'damaged' {
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== ENCRYPTED_TYPE
  )
    return 'none';
  return envelopeOf(json) ? 'sealed' : 'damaged';
}

const NAMES_ENCRYPTED_TYPE = new RegExp(`"type"\\s*:\\s*"${ENCRYPTED_TYPE}"`);

/**
 * For a file that is not JSON at all: whether it was meant to be a password-protected backup (its
 * first 4 KB name the protected type), so it is damaged (cut short, garbled) rather than not a
 * backup. Only the start is looked at.
 */
export function namesEncryptedType(text: string): boolean {
  return NAMES_ENCRYPTED_TYPE.test(text.slice(0, 4096));
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True when the text looks like a password-protected backup (decided before asking for a password). */
export function isEncryptedBackup(text: string): boolean {
  return protectionOf(parsedOrUndefined(text)) !== 'none';
}

/**
 * True when the text is meant to be a password-protected backup but its envelope is not well
 * formed (cut short, garbled, a part missing or of the wrong size): it is damaged, and no
 * password can open it, so none is asked for. (Restoring parses a file once and asks
 * protectionOf and namesEncryptedType instead.)
 */
export function isDamagedEncryptedBackup(text: string): boolean {
  const json = parsedOrUndefined(text);
  if (json === undefined) return namesEncryptedType(text);
  return protectionOf(json) === 'damaged';
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
  return envelopeOf(parsedOrUndefined(text));
}

function envelopeOf(json: unknown) {
  if (typeof json !== 'object' || json === null) return null;
  const file = json as EncryptedFile;
  if (file.type !== ENCRYPTED_TYPE) return null;
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
