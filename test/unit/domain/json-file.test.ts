import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidFile, parseJsonFile, utf8Length } from '@/domain/json-file';
import { z } from '@/domain/zod';

describe('parseJsonFile', () => {
  it('parses JSON within the size limit', () => {
    expect(parseJsonFile('{"type":"backup","n":[1,2]}', 100)).toEqual({
      ok: true,
      value: { type: 'backup', n: [1, 2] },
    });
  });

  it('refuses a file over the limit in bytes (not characters) before parsing it', () => {
    // "£" is two bytes in UTF-8: 6 characters, 7 bytes.
    expect(parseJsonFile('"£abc"', 6)).toEqual({
      ok: false,
      problem: { code: 'too-large', bytes: 7 },
    });
    expect(parseJsonFile('"£abc"', 7)).toEqual({ ok: true, value: '£abc' });
  });

  it('says a truncated, empty or non-JSON file is not JSON, never throwing', () => {
    expect(parseJsonFile('{"type":', 100)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseJsonFile('', 100)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseJsonFile('<html></html>', 100)).toEqual({
      ok: false,
      problem: { code: 'not-json' },
    });
  });
});

describe('file sizes', () => {
  it('takes the size the caller knows (a File) instead of counting', () => {
    expect(parseJsonFile('"abc"', 10, 11)).toEqual({
      ok: false,
      problem: { code: 'too-large', bytes: 11 },
    });
    expect(parseJsonFile('"abc"', 10, 5)).toEqual({ ok: true, value: 'abc' });
  });

  it('counts UTF-8 bytes as TextEncoder writes them, without encoding', () => {
    fc.assert(
      fc.property(
        // UTF-16 code units of every width, surrogates (paired or not) among them.
        fc
          .array(
            fc.oneof(
              fc.integer({ min: 0, max: 0x7ff }),
              fc.integer({ min: 0x800, max: 0xffff }),
              fc.integer({ min: 0xd800, max: 0xdfff }),
            ),
            { maxLength: 40 },
          )
          .map((codes) => String.fromCharCode(...codes)),
        (text) => {
          expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
        },
      ),
    );
    // Lone surrogates are written as the three-byte replacement character.
    for (const text of ['\ud800', '\udc00', 'a\ud800b', '\ud83d\ude00', '\ud83d', '£€'])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('invalidFile', () => {
  it("names the first issue's dotted path and its message", () => {
    const parsed = z
      .object({ workshop: z.object({ ratings: z.array(z.number()) }) })
      .safeParse({ workshop: { ratings: [1, 'two'] } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(invalidFile(parsed.error.issues)).toEqual({
        code: 'invalid',
        path: 'workshop.ratings.1',
        detail: parsed.error.issues[0]?.message,
      });
    }
  });

  it('says "(file)" when the whole file is wrong, and "invalid" when no issue is given', () => {
    expect(invalidFile([{ path: [], message: 'Expected object' }])).toEqual({
      code: 'invalid',
      path: '(file)',
      detail: 'Expected object',
    });
    expect(invalidFile([])).toEqual({ code: 'invalid', path: '(file)', detail: 'invalid' });
  });
});
