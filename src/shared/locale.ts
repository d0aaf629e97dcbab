/**
 * One UI language per page (a limit of @lit/localize): `data-mipyme-lang` on
 * the script tag (or `configure({ lang })`), else the page's `<html lang>`,
 * else Spanish. Spanish and English ship; any other language gets Spanish.
 *
 * English is the source text, in the code; the Spanish strings are a module of their own, loaded
 * only on a page that shows Spanish (in the cdn/ build a part, fetched with the widgets' code). A
 * widget waits for them before its first render (see MipymeElement), so no English flashes by.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { pageConfig } from './config.js';

export type UiLanguage = 'es' | 'en';

export const DEFAULT_LANGUAGE: UiLanguage = 'es';

/** Map any BCP 47 tag to a language the widgets speak. */
export function uiLanguage(tag: string | null | undefined): UiLanguage | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (base === 'es' || base === 'en') return base;
  return undefined;
}

/** The page's UI language, by the rules above. */
export function pageLanguage(): UiLanguage {
  return (
    uiLanguage(pageConfig('lang')) ??
    (typeof document !== 'undefined' ? uiLanguage(document.documentElement.lang) : undefined) ??
    DEFAULT_LANGUAGE
  );
}

let controls: { getLocale: () => string; setLocale: (locale: string) => Promise<void> } | undefined;
let ready: Promise<void> | undefined;

/**
 * Configure localization once for this copy of the library and switch to
 * `lang` (the page's language by default). Safe to call many times; resolves
 * when the language's strings are in place.
 */
export function initLocalization(lang: UiLanguage = pageLanguage()): Promise<void> {
  if (!controls) {
    try {
      controls = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: async (locale: string) => {
          if (locale === 'es') return import('../generated/locales/es.js');
          throw new Error(`No strings for ${locale}`);
        },
      });
    } catch {
      // The host app configured @lit/localize itself: its setup applies.
      ready = Promise.resolve();
      return ready;
    }
  }
  const active = controls;
  if (active.getLocale() === lang && ready) return ready;
  ready = active.setLocale(lang).catch(() => undefined);
  return ready;
}

/** Resolves when the strings of the current language are in place. */
export function localizationReady(): Promise<void> {
  return ready ?? initLocalization();
}
