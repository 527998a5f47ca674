import { describe, expect, it } from 'vitest';
import { parseJsonFile } from '@/domain/json-file';

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
