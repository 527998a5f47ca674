import { defineConfig } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/, no type declarations
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './scripts/chromium-path.mjs';

const executablePath = (findChromium as () => string | null)();
if (!executablePath) throw new Error(INSTALL_HINT as string);

export default defineConfig({
  testDir: './test/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
    launchOptions: { executablePath, args: CHROMIUM_ARGS as string[] },
  },
  webServer: {
    command: 'npm run preview',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
