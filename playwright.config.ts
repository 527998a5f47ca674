import { defineConfig } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/, no type declarations
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './scripts/chromium-path.mjs';

const executablePath = (findChromium as () => string | null)();
if (!executablePath) throw new Error(INSTALL_HINT as string);

// E2E_PORT and E2E_DIST let two checkouts (or two people) run the suite side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_DIST ?? 'dist';
const origin = `http://127.0.0.1:${port}`;

// Two workers by default: most of a browser test's time is waiting (typing at human speed,
// throttled CPUs, reloads), so two files at once roughly halve the suite even on two cores. Every
// test has its own browser context; the ports each spec opens are distinct (update.spec.ts:
// E2E_PORT + 1; sync.spec.ts: E2E_SYNC_PORT, 4175; regional-sync.spec.ts: E2E_REGION_PORT, 4176;
// lighthouse.spec.ts: E2E_PORT + 1000).
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: './test/e2e',
  workers,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: origin,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
    launchOptions: { executablePath, args: CHROMIUM_ARGS as string[] },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
