/**
 * Page-wide defaults for every widget: the library's `<script>` tag
 * (`data-mipyme-feed`, `data-mipyme-lang`, `data-mipyme-country`,
 * `data-mipyme-theme`, `data-mipyme-publisher`, `data-mipyme-pages`) and `configure()`. An element's own
 * attribute always wins, then the script tag, then `configure()`.
 */
import { registry, type PageConfig, type PartnerPages } from './registry.js';

export type { PageConfig, PartnerPages };

/** The widget pages a partner can name in `data-mipyme-pages` / `configure({ pages })`. */
export const PAGE_KEYS = ['providers', 'toolbox', 'calculator', 'plan'] as const;

/**
 * `providers=/servicios.html toolbox=https://red.example/herramientas` → the pages it names
 * (pairs separated by spaces, commas or semicolons; unknown names, and addresses that are not
 * http(s) once resolved against `base`, are left out).
 */
export function parsePages(text: string | undefined, base: string): PartnerPages | undefined {
  if (!text) return undefined;
  const pages: Record<string, string> = {};
  for (const pair of text.split(/[\s,;]+/)) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = pair.slice(0, at);
    const url = webPage(pair.slice(at + 1), base);
    if ((PAGE_KEYS as readonly string[]).includes(key) && url) pages[key] = url;
  }
  return Object.keys(pages).length > 0 ? pages : undefined;
}

/** An absolute http(s) address, or undefined. */
export function webPage(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Set page-wide defaults (for pages that load the library from their own code). `pages` are
 * resolved against the page's address; those that are not http(s) are left out.
 */
export function configure(config: PageConfig): void {
  const { pages, ...rest } = config;
  Object.assign(registry().api, rest);
  if (pages !== undefined) {
    const base = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
    const clean: Record<string, string> = {};
    for (const key of PAGE_KEYS) {
      const url = webPage(pages[key], base);
      if (url) clean[key] = url;
    }
    registry().api.pages = clean;
  }
}

/** The page-wide value of `key`: the script tag's, else `configure()`'s. */
export function pageConfig<K extends keyof PageConfig>(key: K): PageConfig[K] {
  const { script, api } = registry();
  return script[key] ?? api[key];
}

/** Read `data-mipyme-*` from a script tag into the registry (first script wins). */
export function readScriptConfig(script: Element): void {
  const target = registry().script;
  const read = (name: string) => script.getAttribute(`data-mipyme-${name}`)?.trim() || undefined;
  target.feed ??= read('feed');
  target.lang ??= read('lang');
  target.country ??= read('country');
  target.theme ??= read('theme');
  target.publisher ??= read('publisher');
  target.pages ??= parsePages(read('pages'), script.ownerDocument.baseURI);
}
