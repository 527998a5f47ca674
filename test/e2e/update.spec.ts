import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Page } from '@playwright/test';
import {
  criterionCard,
  expect,
  rate,
  test,
  waitForServiceWorkerControl,
  waitUntilSaved,
} from './fixtures';

/**
 * The update flow needs two builds on one origin, so this spec runs its own `vite preview` on
 * the port after the suite's (4174 by default; the sync spec uses 4175): first `dist`, then
 * `dist-update` (built by `npm run test:e2e` with another build id). With E2E_DIST set,
 * `<E2E_DIST>` and `<E2E_DIST>-update`.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OLD_BUILD = process.env.E2E_DIST ?? 'dist';
const NEW_BUILD = process.env.E2E_DIST ? `${process.env.E2E_DIST}-update` : 'dist-update';

async function serve(outDir: string): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  for await (const chunk of server.stdout as NodeJS.ReadableStream) {
    if (String(chunk).includes(String(PORT))) break;
  }
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  process.kill(-server.pid, 'SIGTERM');
  await once(server, 'exit');
}

test('a new version is offered, never forced, and reloading keeps every answer', async ({
  page,
}) => {
  let server = await serve(OLD_BUILD);
  try {
    await page.goto(`${ORIGIN}/settings`);
    await expect(page.getByTestId('app-version')).toContainText('build release');
    await waitForServiceWorkerControl(page);
    await page.goto(`${ORIGIN}/`);
    await page.getByLabel('System name').fill('Update ICS');
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await page.getByRole('link', { name: /^Next: Collaborative/ }).click();
    await rate(page, 'Shared vision', 'Developing');
    await page.evaluate(() => Object.assign(window, { samePage: true }));

    await stop(server);
    server = await serve(NEW_BUILD);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page
      .getByRole('alert')
      .filter({ hasText: 'A new version of ICS Maturity is available' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });

    // Still the same page: nothing reloaded by itself. Edits made now are kept through the reload.
    expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
    await criterionCard(page, 'Partnership governance')
      .getByLabel('Rationale')
      .fill('Chair appointed in May.');
    await prompt.getByRole('button', { name: 'Save and reload' }).click();
    await page.waitForFunction(() => !(window as { samePage?: boolean }).samePage);

    await expect(
      criterionCard(page, 'Shared vision').getByRole('radio', { name: /^Developing/ }),
    ).toBeChecked();
    await expect(criterionCard(page, 'Partnership governance').getByLabel('Rationale')).toHaveValue(
      'Chair appointed in May.',
    );
    await page.goto(`${ORIGIN}/settings`);
    await expect(page.getByTestId('app-version')).toContainText('build update-test');
  } finally {
    await stop(server);
  }
});

const updateAvailable = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'A new version of ICS Maturity is available' });
const newVersionInUse = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'A new version of ICS Maturity is now in use' });
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { samePage: true }));
const isSamePage = (page: Page) =>
  page.evaluate(() => (window as { samePage?: boolean }).samePage === true);

test('another open tab keeps working after one tab applies an update, and keeps its work', async ({
  context,
  page: tabA,
}) => {
  let server = await serve(OLD_BUILD);
  try {
    await tabA.goto(`${ORIGIN}/`);
    await waitForServiceWorkerControl(tabA);
    const tabB = await context.newPage();
    await tabB.goto(`${ORIGIN}/`);
    await waitForServiceWorkerControl(tabB);

    // Tab B is in the middle of an assessment. It has not opened Settings or Backup: their code
    // is loaded only when they are first opened.
    await tabB.getByLabel('System name').fill('Two tabs ICS');
    await tabB.getByRole('button', { name: 'Start assessment' }).click();
    await tabB.getByRole('link', { name: /^Next: Collaborative/ }).click();
    const editorPath = new URL(tabB.url()).pathname;
    await rate(tabB, 'Shared vision', 'Developing');
    await markPage(tabB);

    await stop(server);
    server = await serve(NEW_BUILD);
    await tabA.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await markPage(tabA);
    await updateAvailable(tabA).getByRole('button', { name: 'Save and reload' }).click();
    await tabA.waitForFunction(() => !(window as { samePage?: boolean }).samePage);

    // Tab B is told, saves, and is never reloaded for it.
    await expect(newVersionInUse(tabB)).toBeVisible({ timeout: 15_000 });
    expect(await isSamePage(tabB)).toBe(true);
    await criterionCard(tabB, 'Partnership governance')
      .getByLabel('Rationale')
      .fill('Typed after the update.');
    await waitUntilSaved(tabB);

    // Its screens that were never opened still open: the previous build's code is still there.
    const nav = tabB.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(tabB.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(tabB.getByTestId('app-version')).toContainText('build release');
    await nav.getByRole('link', { name: 'Backup' }).click();
    await expect(tabB.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible();
    await expect(tabB.getByText(/could not be shown/)).toHaveCount(0);
    expect(await isSamePage(tabB)).toBe(true);

    await newVersionInUse(tabB).getByRole('button', { name: 'Save and reload' }).click();
    await tabB.waitForFunction(() => !(window as { samePage?: boolean }).samePage);
    await tabB.goto(`${ORIGIN}${editorPath}`);
    await expect(
      criterionCard(tabB, 'Shared vision').getByRole('radio', { name: /^Developing/ }),
    ).toBeChecked();
    await expect(criterionCard(tabB, 'Partnership governance').getByLabel('Rationale')).toHaveValue(
      'Typed after the update.',
    );
    await tabB.goto(`${ORIGIN}/settings`);
    await expect(tabB.getByTestId('app-version')).toContainText('build update-test');
  } finally {
    await stop(server);
  }
});

test('an open tab notices a new version without navigating: on focus', async ({ page }) => {
  let server = await serve(OLD_BUILD);
  try {
    await page.goto(`${ORIGIN}/`);
    await waitForServiceWorkerControl(page);
    await markPage(page);
    await stop(server);
    server = await serve(NEW_BUILD);

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(updateAvailable(page)).toBeVisible({ timeout: 15_000 });
    expect(await isSamePage(page)).toBe(true);
  } finally {
    await stop(server);
  }
});

test('a screen whose code is gone from the server asks for a reload instead of failing', async ({
  context,
  page,
}) => {
  // The first visit is not controlled by the service worker, so the screen's chunk comes from
  // the server, which (as after an update) no longer has it.
  await context.route(/\/assets\/settings-screen-[^/]+\.js$/, (route) =>
    route.request().serviceWorker() ? route.continue() : route.fulfill({ status: 404 }),
  );
  await page.goto('/');
  await markPage(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByText('This page needs the new version of ICS Maturity.')).toBeVisible();
  await expect(newVersionInUse(page)).toBeVisible();
  await expect(page.getByText(/could not be shown/)).toHaveCount(0);
  expect(await isSamePage(page)).toBe(true);

  await context.unrouteAll();
  await newVersionInUse(page).getByRole('button', { name: 'Save and reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
