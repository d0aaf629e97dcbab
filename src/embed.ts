/**
 * Entry of `cdn/infomipyme-widgets.js`, the file partners load with one tag:
 *
 *   <script type="module" src="…/cdn/infomipyme-widgets.js"
 *           data-mipyme-feed="https://…/feed.json"></script>
 *
 * Reads the page-wide defaults from its own script tag (`data-mipyme-feed`,
 * `data-mipyme-lang`, `data-mipyme-country`, `data-mipyme-theme`), sets the UI
 * language, and registers the widgets.
 */
import { readScriptConfig } from './shared/config.js';
import { initLocalization } from './shared/locale.js';
import './define.js';

/** The `<script>` element that loaded `moduleUrl` (module scripts have no `currentScript`). */
export function findOwnScript(moduleUrl: string): HTMLScriptElement | undefined {
  if (typeof document === 'undefined') return undefined;
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return (
    scripts.find((script) => script.src === moduleUrl) ??
    scripts.find((script) => script.src.split(/[?#]/)[0] === moduleUrl.split(/[?#]/)[0]) ??
    scripts.find((script) => script.hasAttribute('data-mipyme-feed'))
  );
}

const script = findOwnScript(import.meta.url);
if (script) readScriptConfig(script);
void initLocalization();
