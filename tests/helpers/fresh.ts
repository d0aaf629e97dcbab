/**
 * A clean start for a widget test: Spanish texts loaded once (`spanishOnce`), and before each test
 * no feed in flight or cached and nothing the widgets stored (`freshWidgets`).
 */
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';

export async function spanishOnce(): Promise<void> {
  await initLocalization('es');
}

export function freshWidgets(): void {
  resetFeeds();
  setFeedCache(new MemoryStore());
  localStorage.clear();
}
