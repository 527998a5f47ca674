import { describe, expect, it } from 'vitest';
import { canonical } from '@/domain/canonical';

describe('canonical', () => {
  it('gives the same text for records that differ only in key order, at every level', () => {
    expect(canonical({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonical({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonical({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps array order, and tells different values apart', () => {
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
    expect(canonical({ a: '1' })).not.toBe(canonical({ a: 1 }));
    expect(canonical({ a: null })).not.toBe(canonical({}));
  });

  it('writes plain values as JSON, escaping keys and strings', () => {
    expect(canonical('a"b')).toBe('"a\\"b"');
    expect(canonical(3.5)).toBe('3.5');
    expect(canonical(null)).toBe('null');
    expect(canonical({ 'k"y': true })).toBe('{"k\\"y":true}');
  });

  it('leaves out keys whose value is undefined, as JSON does', () => {
    expect(canonical({ a: 1, b: undefined })).toBe(canonical({ a: 1 }));
    expect(canonical({ a: 1, b: undefined })).toBe(canonical(JSON.parse('{"a":1}')));
    expect(canonical({ a: undefined })).not.toBe(canonical({ a: null }));
  });
});
