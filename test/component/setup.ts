import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { saveQueue } from '@/storage/autosave';
import { openFreshTestDatabase } from '@/storage/db';

// The first render of a screen loads its lazy chunks (and the framework with its validator):
// on a busy 2-core CI machine that can take more than Testing Library's default second.
configure({ asyncUtilTimeout: 5_000 });

// A fresh, uniquely named database and an empty journal for every test.
beforeEach(() => {
  localStorage.clear();
  openFreshTestDatabase();
  window.history.replaceState(null, '', '/');
});

afterEach(async () => {
  cleanup();
  await saveQueue.flush();
  // Nothing of one test's edits (not even the overlay of ones just written) reaches the next.
  await saveQueue.clearAll();
});
