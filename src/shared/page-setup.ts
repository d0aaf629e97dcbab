/**
 * Side effect, first thing in every CDN entry: read the page-wide defaults
 * (`data-mipyme-*`) from the library's own `<script>` tag, before any element
 * is defined (elements already in the page upgrade, and ask for their feed,
 * the moment they are defined).
 */
import { readScriptConfig } from './config.js';

/** The `<script>` element that loaded `moduleUrl` (module scripts have no `currentScript`). */
export function findOwnScript(moduleUrl: string): HTMLScriptElement | undefined {
  if (typeof document === 'undefined') return undefined;
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  const bare = (url: string) => url.split(/[?#]/)[0];
  return (
    scripts.find((script) => script.src === moduleUrl) ??
    scripts.find((script) => bare(script.src) === bare(moduleUrl)) ??
    scripts.find((script) => script.hasAttribute('data-mipyme-feed'))
  );
}

const script = findOwnScript(import.meta.url);
if (script) readScriptConfig(script);
