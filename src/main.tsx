import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from '@/app/app';
import { registerServiceWorker } from '@/app/pwa/register-sw';
import { setUpdateState } from '@/app/pwa/update-store';
import '@/app/styles/index.scss';
import { createI18n } from '@/lib/i18n';
import { saveQueue } from '@/storage/autosave';
import { checkForLostData } from '@/storage/lost-data';
import {
  onSchemaUpgradeElsewhere,
  openStorage,
  requestPersistentStorage,
} from '@/storage/storage-health';

const i18n = createI18n();
document.documentElement.lang = 'en-GB';

// Edits are journaled synchronously, so these flushes are a fast path, not the only safety net.
window.addEventListener('pagehide', () => void saveQueue.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void saveQueue.flush();
});

async function start(): Promise<void> {
  const opened = await openStorage();
  if (opened.ok) {
    // Before the first render: what the journals hold is on screen from the start (queued, and
    // written at once), so a field never shows an older value while recovery catches up.
    await saveQueue.recover().catch(() => 0);
    // An empty database that this device's marker says held data: the browser lost it (after a
    // crash Chromium may delete a database it finds damaged). The app shell says so.
    await checkForLostData().catch(() => undefined);
    onSchemaUpgradeElsewhere(() => setUpdateState({ kind: 'reload-required' }));
  }
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App storageFailure={opened.ok ? null : opened.problem} />
      </I18nextProvider>
    </StrictMode>,
  );
  void registerServiceWorker((apply) => setUpdateState({ kind: 'update-ready', apply }));
  void requestPersistentStorage();
}

void start();
