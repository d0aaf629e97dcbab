/**
 * The all-widgets cdn/ file defines each widget only when its tag is on the page: the code of the
 * other three is not downloaded before the page shows its widget.
 *
 * - A tag already in the document loads at once (the module runs after the HTML is parsed).
 * - A tag added later (a CMS block, a single-page app) loads when it is added: a MutationObserver
 *   watches the document until every widget is loaded.
 * - Once the page is idle, the rest load too (unless the user asked to save data): they are then
 *   in the browser's cache for offline use, and tags inside another component's shadow root,
 *   which the observer cannot see, get defined.
 * - A part that fails (offline, or refused by its integrity check) leaves one plain sentence in the
 *   tag and on the console, and is tried again when the connection returns.
 */
import { msg } from '@lit/localize';
import { claims, registry } from './registry.js';
import { localizationReady } from './locale.js';
import { savesData, whenPageIdle } from './idle.js';
import { warnTaken } from './define.js';
import { VERSION } from './version.js';

export type WidgetImporters = Readonly<Record<string, () => Promise<unknown>>>;

export interface AutoloadOptions {
  /** Where to look for tags (the document). */
  root?: Document;
  /** Load the remaining widgets when the page is idle (default: unless Save-Data is on). */
  whenIdle?: boolean;
}

export interface Autoload {
  /** Tags not loaded (nor loading) yet. */
  readonly pending: ReadonlySet<string>;
  /** Resolves when the tag's code has run (rejects if it failed; a later retry may still succeed). */
  load(tag: string): Promise<void>;
  /** Stops watching the page. */
  stop(): void;
}

export function loadWhenPresent(importers: WidgetImporters, options: AutoloadOptions = {}): Autoload {
  const root = options.root ?? document;
  // The first copy on the page wins a tag, as it did when every copy defined all four at once:
  // a tag defined, or claimed by a copy still loading it, is left to its owner.
  const claimed = claims();
  const pending = new Set<string>();
  for (const tag of Object.keys(importers)) {
    const owner = claimed.get(tag) ?? registry().tags.get(tag);
    if (customElements.get(tag) || owner) {
      if (owner !== VERSION) warnTaken(tag, owner);
      continue;
    }
    claimed.set(tag, VERSION);
    pending.add(tag);
  }
  const loading = new Map<string, Promise<void>>();
  let observer: MutationObserver | undefined;

  const failed = async (tag: string, error: unknown) => {
    console.error(`infomipyme-widgets: the code of <${tag}> could not be loaded; it will be tried again when the connection returns.`, error);
    // In the page's language: its strings may still be on their way.
    await localizationReady();
    for (const element of Array.from(root.querySelectorAll(tag))) {
      if (customElements.get(tag) || element.hasAttribute('data-mipyme-failed')) continue;
      element.setAttribute('data-mipyme-failed', '');
      element.setAttribute('role', 'status');
      element.textContent = msg('This tool could not be loaded. Check your connection; it will try again by itself.');
    }
    const retry = () => {
      if (!customElements.get(tag)) void load(tag).catch(() => undefined);
    };
    if (typeof window !== 'undefined') window.addEventListener('online', retry, { once: true });
  };

  const load = (tag: string): Promise<void> => {
    const importer = importers[tag];
    if (!importer) return Promise.reject(new Error(`infomipyme-widgets: no widget <${tag}>`));
    let promise = loading.get(tag);
    if (promise) return promise;
    pending.delete(tag);
    promise = importer().then(
      () => {
        for (const element of Array.from(root.querySelectorAll(`${tag}[data-mipyme-failed]`))) {
          element.removeAttribute('data-mipyme-failed');
          element.removeAttribute('role');
          element.textContent = '';
        }
      },
      (error: unknown) => {
        loading.delete(tag);
        pending.add(tag);
        void failed(tag, error);
        throw error;
      },
    );
    loading.set(tag, promise);
    if (!pending.size) stop();
    return promise;
  };

  const scan = () => {
    for (const tag of Array.from(pending)) {
      if (root.querySelector(tag)) void load(tag).catch(() => undefined);
    }
  };

  const stop = () => {
    observer?.disconnect();
    observer = undefined;
  };

  scan();
  if (pending.size && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(scan);
    observer.observe(root, { childList: true, subtree: true });
  }

  if (options.whenIdle ?? !savesData()) {
    whenPageIdle(() => {
      for (const tag of Array.from(pending)) void load(tag).catch(() => undefined);
    });
  }

  return { pending, load, stop };
}
