import { describe, expect, it } from 'vitest';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { loadFramework } from '@/lib/load-framework';

describe('CURRENT_FRAMEWORK', () => {
  it('is a framework the app ships and can load, so a new assessment can always be made', async () => {
    const framework = await loadFramework(CURRENT_FRAMEWORK.id, CURRENT_FRAMEWORK.version);
    expect(framework.id).toBe(CURRENT_FRAMEWORK.id);
    expect(framework.version).toBe(CURRENT_FRAMEWORK.version);
  });
});
