/**
 * Writes every queued edit; false when they could not all be written. The save queue is loaded
 * with storage, after the first paint (already loaded by the time anyone can ask).
 */
export async function flushSaves(): Promise<boolean> {
  const { saveQueue } = await import('@/storage/autosave');
  return saveQueue.flush();
}
