/**
 * Picking the right language of a feed text. Pure.
 */
import type { LocalizedText } from './schema.js';

/** The language every feed text is expected in, and the fallback. */
export const DEFAULT_TEXT_LANGUAGE = 'es';

/**
 * The text in `lang` (an exact tag such as `es-SV`, then its base language
 * `es`), else Spanish, else English, else the first language given.
 * Returns `''` for a missing text.
 */
export function pickText(value: LocalizedText | undefined, lang: string = DEFAULT_TEXT_LANGUAGE): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const base = lang.split('-')[0] ?? lang;
  for (const key of [lang, base, DEFAULT_TEXT_LANGUAGE, 'en']) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      const text = value[key];
      if (typeof text === 'string') return text;
    }
  }
  for (const key of Object.keys(value)) {
    const text = value[key];
    if (typeof text === 'string') return text;
  }
  return '';
}
