// The servers and browsers `npm run bench` starts, and their stopping. Every one is registered
// here and stopped when the bench ends: in `finally`, and on SIGINT or SIGTERM. A server that is
// already answering on a port is never reused (it could be serving another build): the bench
// starts its own `vite preview` of the build it has just made, on a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Things to stop, newest first. */
const running = new Set();
let handlersInstalled = false;
let signalled = false;

/** Whether the bench was interrupted (SIGINT/SIGTERM): its errors are then of its own stopping. */
export const interrupted = () => signalled;

/** Registers `stop` to run when the bench ends or is interrupted; returns a function to run it. */
export function onStop(stop) {
  installSignalHandlers();
  const entry = { stop };
  running.add(entry);
  return async () => {
    if (!running.delete(entry)) return;
    await stop();
  };
}

/** Stops everything still running (newest first). Safe to call more than once. */
export async function stopAll() {
  const entries = [...running].reverse();
  running.clear();
  for (const entry of entries) {
    try {
      await entry.stop();
    } catch {
      // Stopping the rest matters more than why one could not be stopped.
    }
  }
}

function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      signalled = true;
      console.error(`\nbench: ${signal}: stopping the servers and browsers it started`);
      void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** Whether something answers HTTP at `url`. */
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/** Whether a TCP port on 127.0.0.1 can be bound now (nothing listens on it). */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * The first port from `first` (up to `count` of them) that nothing listens or answers on, and that
 * is not in `taken`.
 */
export async function freePort(first, count, taken = []) {
  for (let port = first; port < first + count; port++) {
    if (taken.includes(port)) continue;
    if ((await isFree(port)) && !(await answers(`http://127.0.0.1:${port}/`))) return port;
  }
  throw new Error(`no free port in ${first}–${first + count - 1} (pass --port to choose others)`);
}

async function waitForServer(url, server, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Stops a child process and waits until it has exited (SIGKILL after 5 s). */
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Serves `dist` (relative to `root`) with `vite preview` on `port` (strict: it fails rather than
 * move to another port) and resolves when it answers. Returns its origin and a `stop` function;
 * it is stopped by stopAll() too.
 */
export async function startPreview({ root, dist, port }) {
  const origin = `http://127.0.0.1:${port}`;
  if (await answers(origin)) throw new Error(`something already answers at ${origin}`);
  // vite's own entry, not `npx vite`: killing npx would leave the preview server running.
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      dist,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const stop = onStop(() => stopProcess(server));
  try {
    await waitForServer(origin, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

/** Launches Chromium with playwright-core and registers it to be closed when the bench ends. */
export async function launchChromium(options) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ ...options, handleSIGINT: false, handleSIGTERM: false });
  const stop = onStop(() => browser.close());
  return { browser, stop };
}
