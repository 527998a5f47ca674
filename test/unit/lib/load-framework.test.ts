import { describe, expect, it } from 'vitest';
import {
  FrameworkUnavailableError,
  loadFramework,
  loadKnownFrameworks,
} from '@/lib/load-framework';

describe('loadFramework', () => {
  it('loads and validates a shipped framework, once per version', async () => {
    const first = loadFramework('ics-maturity-2019', '1.0.0');
    expect(loadFramework('ics-maturity-2019', '1.0.0')).toBe(first);
    const framework = await first;
    expect(framework.id).toBe('ics-maturity-2019');
    expect(framework.version).toBe('1.0.0');
    expect(framework.characteristics).toHaveLength(5);
  });

  it('refuses a framework or version the app does not ship, and asks again next time', async () => {
    const missing = loadFramework('ics-maturity-2019', '9.9.9');
    await expect(missing).rejects.toBeInstanceOf(FrameworkUnavailableError);
    await expect(missing).rejects.toThrow(
      'Framework ics-maturity-2019@9.9.9 is not part of this app',
    );
    // A failure is not cached.
    expect(loadFramework('ics-maturity-2019', '9.9.9')).not.toBe(missing);
    await expect(loadFramework('another', '1.0.0')).rejects.toBeInstanceOf(
      FrameworkUnavailableError,
    );
  });
});

describe('loadKnownFrameworks', () => {
  it('lists every shipped framework for checking files', async () => {
    const known = await loadKnownFrameworks();
    expect([...known.keys()]).toEqual(['ics-maturity-2019@1.0.0']);
    expect(known.get('ics-maturity-2019@1.0.0')?.criterionIds.size).toBe(24);
  });
});
