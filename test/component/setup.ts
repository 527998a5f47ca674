import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { saveQueue } from '@/storage/autosave';
import { useFreshDatabaseForTests } from '@/storage/db';

// A fresh, uniquely named database and an empty journal for every test.
beforeEach(() => {
  localStorage.clear();
  useFreshDatabaseForTests();
  window.history.replaceState(null, '', '/');
});

afterEach(async () => {
  cleanup();
  await saveQueue.flush();
});
