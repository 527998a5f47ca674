import { useSyncExternalStore } from 'react';
import { getWriteFailure, subscribeWriteFailure, type WriteFailure } from '@/storage/write-report';

/** The last one-shot write that failed, until dismissed or until a write succeeds. */
export function useWriteFailure(): WriteFailure | null {
  return useSyncExternalStore(subscribeWriteFailure, getWriteFailure);
}
