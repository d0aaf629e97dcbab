/**
 * Keeping a toolbox query in the page's URL hash (the `sync-url` attribute),
 * so a result set can be shared and the back button works. Pure: the element
 * reads and writes `location.hash` / `history`; this module only converts.
 *
 * The hash is shared with the host page, so every parameter is namespaced
 * `mt-` and everything else in the hash is kept as it was, in place:
 *
 *     #mt-q=flujo+de+caja&mt-topic=finance-credit,marketing&mt-sort=newest&mt-saved=1
 *
 * Parameters: `mt-q` (the text as typed), one per facet (`mt-topic`, `mt-type`,
 * `mt-audience`, `mt-level`, `mt-format`, `mt-language`: comma-separated values),
 * `mt-sort` (left out for `relevance`), `mt-saved=1` (the saved-tools view).
 * Values are percent-encoded, a space as `+`.
 */
import { AUDIENCES, LEVELS, TOOL_FORMATS, TOOL_TYPES } from '../feed/schema.js';
import { FACET_NAMES, SORT_ORDERS, emptyFilters, type FacetName, type SortOrder, type ToolQuery } from './catalogue.js';

/** The prefix of every hash parameter this library owns. */
export const HASH_PREFIX = 'mt-';

/** Longest search text read from a hash. */
const MAX_TEXT = 200;
/** Most values read for one facet. */
const MAX_VALUES = 50;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Which values a facet accepts from a hash; anything else is ignored. */
const VALID: Readonly<Record<FacetName, (value: string) => boolean>> = {
  topic: (value) => ID_RE.test(value),
  type: (value) => (TOOL_TYPES as readonly string[]).includes(value),
  audience: (value) => (AUDIENCES as readonly string[]).includes(value),
  level: (value) => (LEVELS as readonly string[]).includes(value),
  format: (value) => (TOOL_FORMATS as readonly string[]).includes(value),
  language: (value) => LANG_RE.test(value),
};

/** Half of a surrogate pair, alone: `encodeURIComponent` throws on it, so it is written as U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd')).replace(/%20/g, '+');
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The hash's `&`-separated parts, without the leading `#`; empty parts dropped. */
function parts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&').filter((part) => part !== '');
}

function isOurs(part: string): boolean {
  return part.startsWith(HASH_PREFIX);
}

/**
 * The hash for `query` (and the saved-tools view), keeping the host page's
 * other hash content untouched and in place. Returns `''` when nothing is left
 * (the empty query on a page without its own hash), else a string starting with `#`.
 */
export function queryToHash(query: ToolQuery, savedOnly: boolean, currentHash: string): string {
  const ours: string[] = [];
  if (query.text.trim() !== '') ours.push(`${HASH_PREFIX}q=${encode(query.text)}`);
  for (const facet of FACET_NAMES) {
    const values = [...new Set(query.filters[facet] ?? [])];
    if (values.length > 0) ours.push(`${HASH_PREFIX}${facet}=${values.map(encode).join(',')}`);
  }
  if (query.sort !== 'relevance') ours.push(`${HASH_PREFIX}sort=${query.sort}`);
  if (savedOnly) ours.push(`${HASH_PREFIX}saved=1`);
  const all = [...parts(currentHash).filter((part) => !isOurs(part)), ...ours];
  return all.length === 0 ? '' : `#${all.join('&')}`;
}

/**
 * The query a hash describes. Tolerant: a missing, unknown, badly encoded or
 * out-of-vocabulary value is ignored, and it never throws. The host page's own
 * hash content is ignored.
 */
export function hashToQuery(hash: string): { query: ToolQuery; savedOnly: boolean } {
  let text = '';
  let sort: SortOrder = 'relevance';
  let savedOnly = false;
  const filters = emptyFilters();
  for (const part of typeof hash === 'string' ? parts(hash) : []) {
    if (!isOurs(part)) continue;
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(HASH_PREFIX.length, eq);
    const raw = part.slice(eq + 1);
    if (key === 'q') {
      const value = decode(raw);
      if (value !== undefined) text = value.slice(0, MAX_TEXT);
    } else if (key === 'sort') {
      const value = decode(raw);
      if (value !== undefined && (SORT_ORDERS as readonly string[]).includes(value)) sort = value as SortOrder;
    } else if (key === 'saved') {
      savedOnly = raw === '1' || raw === 'true';
    } else if ((FACET_NAMES as readonly string[]).includes(key)) {
      const facet = key as FacetName;
      const values = new Set(filters[facet]);
      for (const piece of raw.split(',')) {
        const value = decode(piece)?.trim();
        if (value && VALID[facet](value) && values.size < MAX_VALUES) values.add(value);
      }
      filters[facet] = [...values];
    }
  }
  return { query: { text, filters, sort }, savedOnly };
}
