import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  checkValue,
  codeLabelProblem,
  joinCodeLength,
  makeJoinCode,
  normaliseCodeLabel,
  readJoinCode,
  workshopKey,
} from '@/domain/workshop/join-code';

/** 24 criteria, as the 2019 framework has, and a framework of 7 (a part-filled last character). */
const FRAMEWORK = Array.from({ length: 24 }, (_, i) => `c${i + 1}`);
const SMALL = Array.from({ length: 7 }, (_, i) => `s${i + 1}`);

const SAMPLES = [
  { workshopId: '9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e5f', criterionIds: FRAMEWORK.slice(0, 9) },
  { workshopId: 'ws-1', criterionIds: FRAMEWORK },
  { workshopId: 'ws-2', criterionIds: ['c24'] },
  { workshopId: 'ws-3', criterionIds: FRAMEWORK.filter((_, i) => i % 3 === 0) },
].map((s) => ({ ...s, code: makeJoinCode({ ...s, frameworkCriterionIds: FRAMEWORK }) }));

const plain = (code: string): string => code.replace(/-/g, '');

describe('join codes', () => {
  it('keeps the ten-character workshop key the codes had before, stable per workshop', () => {
    const key = workshopKey('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e5f');
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(workshopKey('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e5f')).toBe(key);
    expect(workshopKey('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e60')).not.toBe(key);
  });

  it('reads out in groups of four: key, scope and check', () => {
    const [sample] = SAMPLES;
    expect(joinCodeLength(24)).toBe(16);
    expect(sample!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(plain(sample!.code).slice(0, 10)).toBe(plain(workshopKey(sample!.workshopId)));
  });

  it.each(SAMPLES)('round-trips the workshop key and its scope ($workshopId)', (sample) => {
    expect(readJoinCode(sample.code, FRAMEWORK)).toEqual({
      ok: true,
      value: { workshopId: workshopKey(sample.workshopId), criterionIds: sample.criterionIds },
    });
  });

  it('round-trips every scope of a small framework, in framework order', () => {
    for (let mask = 1; mask < 1 << SMALL.length; mask += 1) {
      const criterionIds = SMALL.filter((_, i) => (mask >> i) & 1);
      const code = makeJoinCode({
        workshopId: `w${mask}`,
        frameworkCriterionIds: SMALL,
        criterionIds: [...criterionIds].reverse(),
      });
      expect(readJoinCode(code, SMALL)).toEqual({
        ok: true,
        value: { workshopId: workshopKey(`w${mask}`), criterionIds },
      });
    }
  });

  it('forgives case, spaces, dashes and the letters Crockford reads as digits', () => {
    const { code } = SAMPLES[0]!;
    const expected = readJoinCode(code, FRAMEWORK);
    expect(readJoinCode(` ${code.toLowerCase().replace(/-/g, ' ')} `, FRAMEWORK)).toEqual(expected);
    expect(readJoinCode(plain(code), FRAMEWORK)).toEqual(expected);
    expect(readJoinCode(code.replace(/-/g, '\u2013'), FRAMEWORK)).toEqual(expected);
    const withZero = makeJoinCode({
      workshopId: 'ws-2',
      frameworkCriterionIds: FRAMEWORK,
      criterionIds: ['c24'],
    });
    expect(withZero).toContain('0');
    expect(readJoinCode(withZero.replace(/0/g, 'o').replace(/1/g, 'l'), FRAMEWORK).ok).toBe(true);
  });

  it.each(SAMPLES)('refuses every single-character substitution of $code', ({ code }) => {
    const chars = [...plain(code)];
    let tried = 0;
    chars.forEach((original, position) => {
      for (const other of CODE_ALPHABET) {
        if (other === original) continue;
        const typo = chars.map((c, i) => (i === position ? other : c)).join('');
        expect(readJoinCode(typo, FRAMEWORK), typo).toEqual({
          ok: false,
          problem: { code: 'mistyped' },
        });
        tried += 1;
      }
    });
    expect(tried).toBe(16 * 31);
  });

  it.each(SAMPLES)('refuses every adjacent transposition of $code', ({ code }) => {
    const chars = [...plain(code)];
    let tried = 0;
    for (let i = 0; i + 1 < chars.length; i += 1) {
      if (chars[i] === chars[i + 1]) continue;
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      expect(readJoinCode(swapped.join(''), FRAMEWORK), swapped.join('')).toEqual({
        ok: false,
        problem: { code: 'mistyped' },
      });
      tried += 1;
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('catches a substitution or a swap anywhere, for every pair of values (exhaustive)', () => {
    // Every code of two data characters and its check: 32 × 32 codes, all their typos.
    for (let a = 0; a < 32; a += 1) {
      for (let b = 0; b < 32; b += 1) {
        const code = [a, b, checkValue([a, b])];
        const isZero = (values: number[]) => checkValue(values.slice(0, -1)) === values.at(-1);
        expect(isZero(code)).toBe(true);
        for (let position = 0; position < 3; position += 1) {
          for (let v = 0; v < 32; v += 1) {
            if (v === code[position]) continue;
            expect(isZero(code.map((c, i) => (i === position ? v : c)))).toBe(false);
          }
        }
        for (const i of [0, 1]) {
          if (code[i] === code[i + 1]) continue;
          const swapped = [...code];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          expect(isZero(swapped)).toBe(false);
        }
      }
    }
  });

  it.each([
    ['nothing', '', { code: 'bad-code' }],
    ['a letter codes never use', 'ABCD-EFGH-UJKM-NPQR', { code: 'bad-code' }],
    ['punctuation', 'ABCD-EFGH-JKMN-PQR!', { code: 'bad-code' }],
    ['a code from before the check character', '7KQ2M-XD4PA', { code: 'old-code', expected: 16 }],
    [
      'a character missing',
      'ABCD-EFGH-JKMN-PQR',
      { code: 'wrong-length', length: 15, expected: 16 },
    ],
    [
      'a character too many',
      'ABCD-EFGH-JKMN-PQRS-T',
      { code: 'wrong-length', length: 17, expected: 16 },
    ],
  ])('refuses %s', (_name, typed, problem) => {
    expect(readJoinCode(typed, FRAMEWORK)).toEqual({ ok: false, problem });
  });

  it('refuses a checked code whose scope does not fit the framework', () => {
    // No criterion at all.
    const none = makeJoinCode({
      workshopId: 'x',
      frameworkCriterionIds: FRAMEWORK,
      criterionIds: [],
    });
    expect(readJoinCode(none, FRAMEWORK)).toEqual({
      ok: false,
      problem: { code: 'other-framework' },
    });
    // Made for 25 criteria, with the 25th in scope, read against 24: same length, spare bit set.
    const longer = makeJoinCode({
      workshopId: 'x',
      frameworkCriterionIds: [...FRAMEWORK, 'c25'],
      criterionIds: ['c1', 'c25'],
    });
    expect(readJoinCode(longer, FRAMEWORK)).toEqual({
      ok: false,
      problem: { code: 'other-framework' },
    });
  });
});

describe('join codes with the facilitator’s label', () => {
  const make = (label: string): string =>
    makeJoinCode({
      workshopId: 'ws-1',
      frameworkCriterionIds: FRAMEWORK,
      criterionIds: FRAMEWORK.slice(0, 9),
      label,
    });

  it('allows two to eight letters, any case, and no label at all', () => {
    expect(codeLabelProblem('')).toBeNull();
    expect(codeLabelProblem('  north ')).toBeNull();
    expect(normaliseCodeLabel('  north ')).toBe('NORTH');
    expect(codeLabelProblem('ABCDEFGH')).toBeNull();
    expect(codeLabelProblem('A')).toBe('length');
    expect(codeLabelProblem('ABCDEFGHI')).toBe('length');
    expect(codeLabelProblem('NORTH 2')).toBe('letters');
    expect(codeLabelProblem('NÖRTH')).toBe('letters');
    expect(() => make('N')).toThrow();
  });

  it.each(['NO', 'NORTH', 'ZZZZZZZZ', 'ABCDEFGH'])(
    'round-trips the label %s with the key and scope, one character longer than its letters',
    (label) => {
      const code = make(label.toLowerCase());
      expect(plain(code)).toHaveLength(16 + 1 + label.length);
      expect(readJoinCode(code, FRAMEWORK)).toEqual({
        ok: true,
        value: { workshopId: workshopKey('ws-1'), criterionIds: FRAMEWORK.slice(0, 9), label },
      });
    },
  );

  it('refuses every substitution, adjacent swap and dropped character of a labelled code', () => {
    const chars = [...plain(make('NORTH'))];
    const refused = (typed: string): void =>
      expect(readJoinCode(typed, FRAMEWORK).ok, typed).toBe(false);
    chars.forEach((original, position) => {
      for (const other of CODE_ALPHABET)
        if (other !== original) refused(chars.map((c, i) => (i === position ? other : c)).join(''));
      refused(chars.filter((_, i) => i !== position).join(''));
      if (position + 1 < chars.length && chars[position + 1] !== original) {
        const swapped = [...chars];
        [swapped[position], swapped[position + 1]] = [swapped[position + 1]!, original];
        refused(swapped.join(''));
      }
    });
  });

  it('leaves a code without a label exactly as it was', () => {
    const unlabelled = make('');
    expect(plain(unlabelled)).toHaveLength(16);
    expect(readJoinCode(unlabelled, FRAMEWORK)).toEqual({
      ok: true,
      value: { workshopId: workshopKey('ws-1'), criterionIds: FRAMEWORK.slice(0, 9) },
    });
  });
});
