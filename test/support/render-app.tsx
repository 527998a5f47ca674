import { render } from '@testing-library/react';
import type { Resource } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from '@/app/app';
import { createI18n } from '@/lib/i18n';

/** Renders the whole app at `path`, as a user arriving by that URL would see it. */
export function renderApp(path = '/', options: { language?: string; resources?: Resource } = {}) {
  window.history.replaceState(null, '', path);
  const i18n = createI18n(options.language, options.resources);
  return render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}
