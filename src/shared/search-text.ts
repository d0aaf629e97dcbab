/**
 * The text side of the widgets' searches (toolbox catalogue, provider
 * directory): normalising, stop words, query words, and the collator. Pure.
 */

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Normalise for search: NFD, strip diacritics, lower case, collapse everything
 * that is not a letter or digit to one space, trim. `"¿Crédito  PYME?"` → `"credito pyme"`.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/**
 * Words too common to mean anything in a search, Spanish and English, already
 * normalised. They are neither indexed nor required in a query.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    // Spanish
    'a al algo ante asi aqui como con cual cuales cuando cuanto cuanta cuantos cuantas de del desde donde ' +
    'e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos hay la las le les ' +
    'lo los mas me mi mis muy nos nuestra nuestro o para pero por porque que quien se si sin sobre su sus ' +
    'tal te ti tu tus u un una unas uno unos usted ustedes y ya yo ' +
    // English
    'about an and are as at be by can do does for from how i in into is it its me my of on or our ' +
    'so that the their this these those to we what when where which who why with you your'
  ).split(' '),
);

/** Searchable words of a text: normalised, without stop words (may repeat). */
export function tokenize(text: string): string[] {
  const normal = normalizeText(text);
  if (normal === '') return [];
  return normal.split(' ').filter((word) => !STOP_WORDS.has(word));
}

/** A query is cut to this many meaningful words, each to this many characters. */
export const MAX_QUERY_WORDS = 12;
export const MAX_WORD_LENGTH = 40;

/** The meaningful words of a query: normalised, no stop words, no repeats, capped. */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const word of tokenize(text)) {
    const clipped = word.slice(0, MAX_WORD_LENGTH);
    if (!words.includes(clipped)) words.push(clipped);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  return words;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Alphabetical order for people: accents and case ignored, numbers by value, punctuation skipped. */
export function makeCollator(lang: string): Intl.Collator {
  const options: Intl.CollatorOptions = { sensitivity: 'base', ignorePunctuation: true, numeric: true };
  try {
    return new Intl.Collator(lang, options);
  } catch {
    // An invalid language tag: sort as Spanish.
    return new Intl.Collator('es', options);
  }
}
