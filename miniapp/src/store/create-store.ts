import { useSyncExternalStore } from 'react'

/**
 * A value shared by every page, with change notification. Taro renders each page as its own
 * tree, so module-level stores read through useSyncExternalStore are simpler and sturdier than a
 * context provider in app.ts (and need no provider in component tests).
 */
export interface Store<T> {
  get(): T
  set(next: T): void
  subscribe(listener: () => void): () => void
  /** Forgets the cached value; the next get() reads it again through `load`. */
  reload(): void
}

export function createStore<T>(load: () => T): Store<T> {
  let loaded = false
  let value: T
  const listeners = new Set<() => void>()
  const store: Store<T> = {
    get() {
      if (!loaded) {
        value = load()
        loaded = true
      }
      return value
    },
    set(next) {
      value = next
      loaded = true
      listeners.forEach((l) => l())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    reload() {
      loaded = false
      listeners.forEach((l) => l())
    }
  }
  return store
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
