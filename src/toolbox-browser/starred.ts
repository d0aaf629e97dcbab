/**
 * The tools a person saved (starred), kept in local storage on this device and
 * shared between tabs. Storage failures never break the widget: the list still
 * works for the visit.
 */
import { onStoredChange, readStored, writeStored } from '../shared/storage.js';

const NAME = 'toolbox.starred';
const VERSION = 1;
const MAX = 500;

function valid(data: unknown, version: number): string[] | undefined {
  if (version !== VERSION || !Array.isArray(data)) return undefined;
  return data.filter((id): id is string => typeof id === 'string' && id.length <= 80).slice(0, MAX);
}

export function loadStarred(): ReadonlySet<string> {
  const result = readStored(NAME, valid);
  return new Set(result.status === 'ok' ? result.data : []);
}

export function saveStarred(ids: ReadonlySet<string>): boolean {
  return writeStored(NAME, VERSION, [...ids].slice(0, MAX)).ok;
}

/** Follow changes made in other tabs. */
export function watchStarred(listener: (ids: ReadonlySet<string>) => void): () => void {
  return onStoredChange(NAME, () => listener(loadStarred()));
}
