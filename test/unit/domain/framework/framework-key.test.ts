import { describe, expect, it } from 'vitest';
import { frameworkKey } from '@/domain/framework/framework-key';

describe('frameworkKey', () => {
  it('joins id and version with @, so each version of a framework has its own key', () => {
    expect(frameworkKey('ics-maturity-2019', '1.0.0')).toBe('ics-maturity-2019@1.0.0');
    expect(frameworkKey('ics-maturity-2019', '2.0.0')).not.toBe(
      frameworkKey('ics-maturity-2019', '1.0.0'),
    );
  });
});
