import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { saveQueue } from '@/storage/autosave';
import { openFreshTestDatabase } from '@/storage/db';

// A fresh, uniquely named database and an empty journal for every test.
beforeEach(() => {
  localStorage.clear();
  openFreshTestDatabase();
  window.history.replaceState(null, '', '/');
});

afterEach(async () => {
  cleanup();
  await saveQueue.flush();
});
