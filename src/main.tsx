import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterFirstPaint } from '@/app/after-first-paint';
import { preloadScreen, Root } from '@/app/app';
import { registerServiceWorker } from '@/app/pwa/register-sw';
import { setUpdateState } from '@/app/pwa/update-store';
import { setStorageStatus } from '@/app/storage-status';
import '@/app/styles/index.scss';
import { matchRoute } from '@/config/routes';
import { createI18n } from '@/lib/i18n';

const i18n = createI18n();
document.documentElement.lang = 'en-GB';

const root = document.getElementById('root');
if (root) {
  // The shell and the page's skeleton paint first; storage (Dexie and the storage code, a chunk of
  // its own) opens meanwhile, and the screen shows as soon as it has.
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Root />
      </I18nextProvider>
    </StrictMode>,
  );
  // After the shell's first paint, so that nothing competes with it: storage opens, and the
  // route's screen loads beside it.
  afterFirstPaint(() => {
    preloadScreen(matchRoute(window.location.pathname));
    void import('@/app/start-storage')
      .then(({ startStorage }) => startStorage())
      .catch(() => ({ state: 'failed', problem: 'unavailable' }) as const)
      .then((status) => {
        setStorageStatus(status);
        void registerServiceWorker((apply) => setUpdateState({ kind: 'update-ready', apply }));
      });
  });
}
