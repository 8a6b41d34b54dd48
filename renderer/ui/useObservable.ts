import { useSyncExternalStore } from 'react';
import type { Observable } from '../api/connectionState.js';

/** The latest value of one of the continue stores, re-rendering only when it changes. */
export function useObservable<T>(store: Observable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
