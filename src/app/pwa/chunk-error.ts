/**
 * Whether an error means a code chunk could not be loaded: after an update, the previous build's
 * files may be gone from the server and the cache. Chromium, Firefox and Safari word it
 * differently; Vite adds its own for a stylesheet that a chunk needs.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
      error.message,
    )
  );
}
