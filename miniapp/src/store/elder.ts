import { createStore, useStore } from './create-store'
import { STORAGE_KEYS, readStored, writeStored } from './storage'

/**
 * 长辈模式: larger text and buttons for older workers. Remembered on the device; every page
 * reads it through <Page>, which puts the `elder` class on the page root.
 */
const elderStore = createStore<boolean>(() => readStored<boolean>(STORAGE_KEYS.elder) === true)

export function isElderMode(): boolean {
  return elderStore.get()
}

export function setElderMode(on: boolean): void {
  writeStored(STORAGE_KEYS.elder, on)
  elderStore.set(on)
}

export function reloadElderMode(): void {
  elderStore.reload()
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  return [useStore(elderStore), setElderMode]
}
