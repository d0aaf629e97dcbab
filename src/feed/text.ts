/**
 * Picking the right language of a feed text. Pure.
 */
import type { LocalizedText } from './schema.js';

/** The language every feed text is expected in, and the fallback. */
export const DEFAULT_TEXT_LANGUAGE = 'es';

/**
 * The text in `lang` (an exact tag such as `es-SV`, then its base language
 * `es`, then any regional variant such as `es-DO`), else Spanish, else English,
 * else the first language given.
 * Returns `''` for a missing text.
 */
export function pickText(value: LocalizedText | undefined, lang: string = DEFAULT_TEXT_LANGUAGE): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const base = lang.split('-')[0] ?? lang;
  const own = (key: string) =>
    Object.prototype.hasOwnProperty.call(value, key) && typeof value[key] === 'string' ? value[key] : undefined;
  // The exact tag, its base language, then a regional variant of it (`es` page, `es-SV` text),
  // then Spanish, then English.
  const regional = (language: string) => Object.keys(value).find((key) => key.startsWith(`${language}-`));
  for (const key of [lang, base, regional(base), DEFAULT_TEXT_LANGUAGE, regional(DEFAULT_TEXT_LANGUAGE), 'en']) {
    const text = key === undefined ? undefined : own(key);
    if (text !== undefined) return text;
  }
  for (const key of Object.keys(value)) {
    const text = value[key];
    if (typeof text === 'string') return text;
  }
  return '';
}
