import type { Result } from '../result';

/**
 * The code a facilitator reads out so that a participant can join a workshop from their own
 * device with no network (docs/data-format.md). It carries three things, in Crockford's base32:
 *
 * - the workshop key (ten characters): a 50-bit hash of the workshop's id, which the participant's
 *   device records as the workshop's id and writes into its response file, so the facilitator's
 *   import knows the file is theirs (the same key the codes before the check character were);
 * - the scope: one bit per criterion of the framework, in framework order, five to a character,
 *   so the participant rates only the workshop's criteria;
 * - optionally, a short label the facilitator chose at set-up (two to eight letters, "NORTH"),
 *   so that someone joining by code sees which workshop they joined: one character for its
 *   length, then one per letter (A–Z as the values 0–25);
 * - a check character, so that any one mistyped character and any two neighbours swapped are
 *   refused at once, before anything is rated.
 *
 * The check is a polynomial code over GF(32): the characters' values are the coefficients and the
 * whole code, check included, evaluates to zero at the generator 2 (modulo x⁵ + x² + 1). A
 * substitution changes the value by d·2ᵏ ≠ 0; swapping neighbours a and b changes it by
 * (a − b)·2ᵏ·(1 + 2) ≠ 0 unless a = b. Pure.
 */

/** Crockford's base32: no I, L, O or U, so a code read out loud is hard to mistype. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_LENGTH = 10;
const GROUP = 4;

/**
 * The workshop key: ten characters in two groups ("7KQ2M-XD4PA"), derived from the workshop id
 * (64-bit FNV-1a, 50 bits kept), so it needs no storage and no server. A participant who joins by
 * code records it as the workshop's id.
 */
export function workshopKey(workshopId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(workshopId)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let key = '';
  for (let i = 0; i < KEY_LENGTH; i += 1) {
    key += CODE_ALPHABET[Number(hash & 31n)];
    hash >>= 5n;
  }
  return `${key.slice(0, 5)}-${key.slice(5)}`;
}

/** Multiplication by the generator 2 in GF(32), modulo x⁵ + x² + 1. */
function times2(value: number): number {
  const shifted = value << 1;
  return shifted & 32 ? shifted ^ 0b100101 : shifted;
}

/** The code's value at the generator (Horner's rule); zero for a whole, correct code. */
function syndrome(values: readonly number[]): number {
  return values.reduce((acc, value) => times2(acc) ^ value, 0);
}

/** The check character's value for these characters' values. */
export function checkValue(values: readonly number[]): number {
  return times2(syndrome(values));
}

function group(chars: string): string {
  return chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? '';
}

/** How many characters a code has for a framework of `criterionCount` criteria. */
export function joinCodeLength(criterionCount: number): number {
  return KEY_LENGTH + Math.ceil(criterionCount / 5) + 1;
}

/**
 * The code to read out: key, scope and check, in groups of four ("7KQ2-MXD4-PA3F-00ZK" for the
 * 24 criteria of the 2019 framework).
 */
export function makeJoinCode(input: {
  workshopId: string;
  /** Every criterion of the workshop's framework version, in framework order. */
  frameworkCriterionIds: readonly string[];
  /** The workshop's scope. */
  criterionIds: readonly string[];
  /** The facilitator's label for the code (codeLabelProblem says which are allowed). */
  label?: string | undefined;
}): string {
  return makeMarkedCode('', input);
}

const LABEL_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CODE_LABEL_LENGTH = { min: 2, max: 8 } as const;

/** A label as it is kept and shown: upper case, no spaces. */
export function normaliseCodeLabel(typed: string): string {
  return typed.trim().toUpperCase();
}

/** Why a typed label cannot be used (null: it can; an empty label is no label). */
export function codeLabelProblem(typed: string): 'letters' | 'length' | null {
  const label = normaliseCodeLabel(typed);
  if (label === '') return null;
  if ([...label].some((c) => !LABEL_LETTERS.includes(c))) return 'letters';
  if (label.length < CODE_LABEL_LENGTH.min || label.length > CODE_LABEL_LENGTH.max) return 'length';
  return null;
}

/**
 * A code of the join code's form after a mark of its own ("R2" for round 2 codes, rounds.ts),
 * which the check character covers: "R2-7KQ2-MXD4-PA3F-00ZK". With no mark, the join code.
 */
export function makeMarkedCode(
  mark: string,
  input: {
    workshopId: string;
    frameworkCriterionIds: readonly string[];
    criterionIds: readonly string[];
    label?: string | undefined;
  },
): string {
  const inScope = new Set(input.criterionIds);
  const values = [...mark, ...workshopKey(input.workshopId).replace('-', '')].map((c) =>
    CODE_ALPHABET.indexOf(c),
  );
  for (let start = 0; start < input.frameworkCriterionIds.length; start += 5) {
    let chunk = 0;
    input.frameworkCriterionIds
      .slice(start, start + 5)
      .forEach((id, bit) => (chunk |= inScope.has(id) ? 1 << bit : 0));
    values.push(chunk);
  }
  const label = normaliseCodeLabel(input.label ?? '');
  if (label !== '') {
    if (codeLabelProblem(label) !== null) throw new Error(`Not a code label: ${label}`);
    values.push(label.length, ...[...label].map((c) => LABEL_LETTERS.indexOf(c)));
  }
  values.push(checkValue(values));
  const chars = values.map((v) => CODE_ALPHABET[v]).join('');
  return mark ? `${mark}-${group(chars.slice(mark.length))}` : group(chars);
}

/** The mark that starts a round 2 code (rounds.ts), so that it is never taken for a join code. */
export const ROUND2_MARK = 'R2';

export type JoinCodeProblem =
  /** A character that cannot be in a code (U, punctuation…). */
  | { code: 'bad-code' }
  /** Ten characters: a code from before the check character, which cannot be checked. */
  | { code: 'old-code'; expected: number }
  | { code: 'wrong-length'; length: number; expected: number }
  /** The check character does not match: a character is wrong or two are swapped. */
  | { code: 'mistyped' }
  /** Checked, but its scope does not fit this framework (made by another framework version). */
  | { code: 'other-framework' }
  /**
   * A whole, correct round 2 code (it starts with R2), typed where a join code goes; `key` is its
   * key, for rounds.ts's round2CodeOf to find the workshop it belongs to if joined on this device.
   */
  | { code: 'round-2'; key: string };

export type JoinCode = {
  /** The workshop key ("7KQ2M-XD4PA"), recorded as the joined workshop's id. */
  workshopId: string;
  /** The criteria the participant rates, in framework order. */
  criterionIds: string[];
  /** The facilitator's label ("NORTH"), when the code carries one. */
  label?: string;
};

/** A typed code the forgiving way Crockford intends: lower case, spaces and dashes, O, I and L. */
function cleanCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * Reads a typed code the forgiving way Crockford intends (lower case, spaces and dashes, O for 0,
 * I/L for 1), then refuses it unless its check character matches and its scope fits the framework.
 * A round 2 code (marked R2) is refused as one, so that nobody joins a workshop that is not there.
 */
export function readJoinCode(
  typed: string,
  frameworkCriterionIds: readonly string[],
): Result<JoinCode, JoinCodeProblem> {
  const cleaned = cleanCode(typed);
  const expected = joinCodeLength(frameworkCriterionIds.length);
  if (cleaned.startsWith(ROUND2_MARK) && cleaned.length === expected + ROUND2_MARK.length) {
    const checked = readChecked(cleaned, frameworkCriterionIds, ROUND2_MARK);
    return {
      ok: false,
      problem: checked.ok ? { code: 'round-2', key: checked.value.workshopId } : checked.problem,
    };
  }
  return readChecked(cleaned, frameworkCriterionIds, '');
}

/**
 * Reads a code made by makeMarkedCode with this `mark` (a code without it is refused as having
 * the wrong length): its key and scope, once its check character matches.
 */
export function readMarkedCode(
  typed: string,
  frameworkCriterionIds: readonly string[],
  mark: string,
): Result<JoinCode, JoinCodeProblem> {
  return readChecked(cleanCode(typed), frameworkCriterionIds, mark);
}

function readChecked(
  cleaned: string,
  frameworkCriterionIds: readonly string[],
  mark: string,
): Result<JoinCode, JoinCodeProblem> {
  if (cleaned === '' || [...cleaned].some((c) => !CODE_ALPHABET.includes(c)))
    return { ok: false, problem: { code: 'bad-code' } };
  const expected = joinCodeLength(frameworkCriterionIds.length) + mark.length;
  if (!mark && cleaned.length === KEY_LENGTH && expected !== KEY_LENGTH)
    return { ok: false, problem: { code: 'old-code', expected } };
  // A join code may carry a label: its length, then at least two letters.
  const mayHaveLabel = !mark && cleaned.length >= expected + 1 + CODE_LABEL_LENGTH.min;
  if (cleaned.length !== expected && !mayHaveLabel)
    return { ok: false, problem: { code: 'wrong-length', length: cleaned.length, expected } };
  const values = [...cleaned].map((c) => CODE_ALPHABET.indexOf(c));
  if (syndrome(values) !== 0) return { ok: false, problem: { code: 'mistyped' } };
  if (!cleaned.startsWith(mark)) return { ok: false, problem: { code: 'mistyped' } };
  const body = cleaned.slice(mark.length);
  const scopeEnd = expected - 1;
  const scope = values.slice(mark.length + KEY_LENGTH, scopeEnd);
  let label: string | undefined;
  if (cleaned.length !== expected) {
    const length = values[scopeEnd]!;
    const letters = values.slice(scopeEnd + 1, -1);
    if (
      length < CODE_LABEL_LENGTH.min ||
      length > CODE_LABEL_LENGTH.max ||
      letters.length !== length ||
      letters.some((v) => v >= LABEL_LETTERS.length)
    )
      return { ok: false, problem: { code: 'wrong-length', length: cleaned.length, expected } };
    label = letters.map((v) => LABEL_LETTERS[v]).join('');
  }
  const criterionIds = frameworkCriterionIds.filter(
    (_id, index) => (scope[Math.floor(index / 5)]! >> (index % 5)) & 1,
  );
  const unused = frameworkCriterionIds.length % 5;
  const spare = unused === 0 ? 0 : scope[scope.length - 1]! >> unused;
  if (criterionIds.length === 0 || spare !== 0)
    return { ok: false, problem: { code: 'other-framework' } };
  return {
    ok: true,
    value: {
      workshopId: `${body.slice(0, 5)}-${body.slice(5, KEY_LENGTH)}`,
      criterionIds,
      ...(label === undefined ? {} : { label }),
    },
  };
}
