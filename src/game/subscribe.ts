/**
 * Selector subscriptions on the game store. The store is built with zustand's subscribeWithSelector
 * middleware; its exported type is the plain StoreApi, so the selector overload is recovered here.
 */
import type {} from 'zustand/middleware';
import type { Mutate, StoreApi } from 'zustand/vanilla';

type SelectorStore<S> = Mutate<StoreApi<S>, [['zustand/subscribeWithSelector', never]]>;

export function subscribeTo<S, T>(
  store: StoreApi<S>,
  selector: (state: S) => T,
  listener: (value: T, previous: T) => void,
): () => void {
  return (store as SelectorStore<S>).subscribe(selector, listener);
}
