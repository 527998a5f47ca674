import { describe, expect, it } from 'vitest';
import { createI18n, DEFAULT_LANGUAGE } from '@/lib/i18n';

describe('createI18n', () => {
  it('has the first screen’s strings at once, in British English by default', () => {
    const i18n = createI18n();
    expect(i18n.language).toBe(DEFAULT_LANGUAGE);
    expect(DEFAULT_LANGUAGE).toBe('en-GB');
    expect(i18n.t('appName')).toBe('ICS Maturity');
    expect(i18n.hasResourceBundle('en-GB', 'assessments')).toBe(true);
    expect(i18n.hasResourceBundle('en-GB', 'plan')).toBe(false);
  });

  it('loads another screen’s strings when asked, from the app’s own files', async () => {
    const i18n = createI18n();
    await i18n.loadNamespaces(['plan', 'board-paper']);
    expect(i18n.t('heading', { ns: 'plan' })).toBe('Targets, plan and trajectory');
    expect(i18n.t('pdf.page', { ns: 'board-paper', page: 1, pages: 2 })).toBe('Page 1 of 2');
  });

  it('does not escape HTML in values: React escapes them when it renders', () => {
    const titled = createI18n('en-GB', {
      'en-GB': { common: { hello: 'Hello {{name}}' } },
    });
    expect(titled.t('hello', { name: '<b>Sam</b>' })).toBe('Hello <b>Sam</b>');
  });

  it('uses the resources it is given, for a test language, with no fallback to English', async () => {
    const pseudo = createI18n('xx', { xx: { common: { appName: '[ÎÇŠ Måţũŕîţý]' } } });
    expect(pseudo.t('appName')).toBe('[ÎÇŠ Måţũŕîţý]');
    expect(pseudo.t('skipLink')).toBe('skipLink');
    await pseudo.loadNamespaces('plan');
    expect(pseudo.hasResourceBundle('xx', 'plan')).toBe(false);
  });
});
