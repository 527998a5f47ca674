import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { criterionCard, expect, rate, test, waitForServiceWorkerControl } from './fixtures';

/**
 * The update flow needs two builds on one origin, so this spec runs its own `vite preview` on
 * the port after the suite's (4174 by default): first `dist`, then `dist-update` (built by `npm run test:e2e` with another build id).
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;

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
  let server = await serve(process.env.E2E_DIST ?? 'dist');
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
    server = await serve('dist-update');
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
