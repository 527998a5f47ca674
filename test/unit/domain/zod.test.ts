import { describe, expect, it, vi } from 'vitest';
import { z } from '@/domain/zod';

describe('z', () => {
  it('validates without generating code, so it runs under a CSP that forbids eval', () => {
    const evalSpy = vi.spyOn(globalThis, 'Function');
    const schema = z.object({ id: z.string(), level: z.enum(['emerging', 'thriving']) });
    expect(schema.safeParse({ id: 'a', level: 'thriving' }).success).toBe(true);
    expect(schema.safeParse({ id: 'a', level: 'mature' }).success).toBe(false);
    expect(evalSpy).not.toHaveBeenCalled();
    evalSpy.mockRestore();
    expect(z.config().jitless).toBe(true);
  });
});
