/**
 * The cdn/ build's loader of its own lazy parts (scripts/rollup-parts.mjs wires it in; the npm
 * build never uses it: there a plain `import()` is the bundler's business).
 *
 * A partner pins one `cdn/` file with its `integrity` attribute. The parts that file loads later
 * (a widget that is not on the page yet, export code, …) are checked just as strictly: the entry
 * carries the sha384 of every part, and a part is imported only after a
 * `<link rel="modulepreload" integrity>` of it — and of every part it imports — has loaded. The
 * browser refuses a part whose bytes differ (the preload fails), and `import()` then finds the
 * verified module in the page's module map instead of fetching it again. Chromium does not fetch
 * the imports of a preloaded module, so nothing reaches the page unchecked.
 *
 * A part imports what it shares with its entry from the entry's plain address
 * (`../../cash-flow-calculator.js`). The browser knows the entry under the address of the
 * `<script>` tag, so that tag must use the plain address too: with `?ver=…` the entry would load a
 * second time, unchecked. The loader says so on the console.
 */

import { savesData, whenPageIdle } from './idle.js';

/** File (relative to cdn/) → its integrity and every part it imports, directly or not. */
export type PartsTable = Record<string, readonly [integrity: string, imports: readonly string[]]>;

export interface PartsLoader {
  /** Import a part of this entry (an absolute URL), after checking it and its imports. */
  (url: string): Promise<unknown>;
  /** Set by the last line of the entry (the table cannot be known before the parts are built). */
  table(table: PartsTable): void;
  /** Fetch and check every part now, without running them: what is needed offline later. */
  prefetch(): Promise<void>;
}

export interface PartsLoaderOptions {
  /** Adds `<link rel="modulepreload">` to the page and resolves when it loaded (tests replace it). */
  preload?: (href: string, integrity: string, nonce: string) => Promise<void>;
  /** Imports a verified module (tests replace it). */
  importer?: (url: string) => Promise<unknown>;
}

/** A part's key in the table: its path from the cdn/ folder (`parts/<entry>/<file>.js`). */
export function partKey(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const at = path.lastIndexOf('/parts/');
  return at < 0 ? path : path.slice(at + 1);
}

export function preloadModule(href: string, integrity: string, nonce: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = integrity;
    if (nonce) link.nonce = nonce;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => {
      link.remove();
      reject(new Error(`infomipyme-widgets: ${href} could not be loaded, or its bytes do not match the integrity this version expects; it was not run.`));
    }, { once: true });
    link.href = href;
    document.head.append(link);
  });
}

/**
 * The loader of one entry, at `entryUrl`. Parts missing from the table (a build that did not
 * split) are imported as they are.
 */
export function createPartsLoader(entryUrl: string, options: PartsLoaderOptions = {}): PartsLoader {
  const preload = options.preload ?? preloadModule;
  const importer = options.importer ?? ((url: string) => import(/* @vite-ignore */ url));
  const base = new URL('.', entryUrl.split(/[?#]/)[0]).href;
  let table: PartsTable = {};
  let warned = false;
  /** Preloads by file, so each is checked once; a failed one is forgotten (the next call retries). */
  const checked = new Map<string, Promise<void>>();

  /** The nonce of the entry's own script tag (a nonce-based policy asks it of the preloads too); looked up once. */
  let ownNonce: string | undefined;
  const nonce = () => {
    if (ownNonce === undefined) {
      const own =
        typeof document === 'undefined'
          ? undefined
          : Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).find(
              (script) => script.src.split(/[?#]/)[0] === entryUrl.split(/[?#]/)[0],
            );
      ownNonce = own?.nonce ?? '';
    }
    return ownNonce;
  };

  const check = (file: string): Promise<void> => {
    let pending = checked.get(file);
    if (!pending) {
      const entry = table[file];
      pending = entry ? preload(base + file, entry[0], nonce()) : Promise.resolve();
      pending.catch(() => checked.delete(file));
      checked.set(file, pending);
    }
    return pending;
  };

  const load = (async (url: string) => {
    // The table is set by the entry's last line: wait for the entry to finish running.
    await null;
    if (!warned && /[?#]/.test(entryUrl)) {
      warned = true;
      console.warn(
        `infomipyme-widgets: load ${entryUrl.split(/[?#]/)[0]} without "${entryUrl.slice(entryUrl.search(/[?#]/))}". ` +
          'Its parts import it by that plain address, so the browser loads it a second time, without your integrity check.',
      );
    }
    const file = partKey(url);
    const entry = table[file];
    if (entry) await Promise.all([...entry[1], file].map(check));
    return importer(entry ? base + file : url);
  }) as PartsLoader;

  load.table = (value) => {
    table = value;
  };
  load.prefetch = async () => {
    await null;
    await Promise.all(Object.keys(table).map((file) => check(file).catch(() => undefined)));
  };
  return load;
}

/**
 * Installs the loader of an entry under `Symbol.for(key)` (the key names the version and the
 * entry file, so two copies of one entry share one loader, and different entries never mix).
 * The parts' `import()` calls are rewritten to call it.
 */
export function installPartsLoader(key: string, entryUrl: string): PartsLoader {
  const global = globalThis as typeof globalThis & Record<symbol, PartsLoader | undefined>;
  const symbol = Symbol.for(key);
  const existing = global[symbol];
  if (existing) return existing;
  const loader = createPartsLoader(entryUrl);
  Object.defineProperty(global, symbol, { value: loader, configurable: true, enumerable: false, writable: false });
  return loader;
}

/**
 * After the page has shown its widgets, fetch (and check) the parts not loaded yet, so they are in
 * the browser's cache for when the connection is gone. Not when the user asked to save data.
 */
export function prefetchWhenIdle(loader: PartsLoader): void {
  if (!savesData()) whenPageIdle(() => void loader.prefetch());
}
