import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from '@/app/pwa/chunk-error';

describe('isChunkLoadError', () => {
  it.each([
    // Chromium
    'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/settings-screen-AbC123.js',
    // Firefox
    'error loading dynamically imported module: http://127.0.0.1:4173/assets/backup-screen-AbC123.js',
    // Safari
    'Importing a module script failed.',
    // Vite, for a stylesheet a chunk needs
    'Unable to preload CSS for /assets/results-screen-AbC123.css',
  ])('recognises a chunk that could not be loaded: %s', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it.each([
    new Error('Framework failed validation'),
    new TypeError("Cannot read properties of undefined (reading 'level')"),
    new Error('Failed to fetch'),
  ])('leaves other errors to the error screen: $message', (error) => {
    expect(isChunkLoadError(error)).toBe(false);
  });

  it('is false for things that are not errors', () => {
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
