/**
 * Page-wide defaults for every widget: the library's `<script>` tag
 * (`data-mipyme-feed`, `data-mipyme-lang`, `data-mipyme-country`,
 * `data-mipyme-theme`) and `configure()`. An element's own attribute always wins,
 * then the script tag, then `configure()`.
 */
import { registry, type PageConfig } from './registry.js';

export type { PageConfig };

/** Set page-wide defaults (for pages that load the library from their own code). */
export function configure(config: PageConfig): void {
  Object.assign(registry().api, config);
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
}
