/**
 * Trust in a record (#12): which partner published it and how fresh it is — the network's
 * `verified` date, and whether it is over a year old (then the toolbox and the finder mark it, so
 * the owner confirms before she relies on it). Pure: the clock and the locale are arguments.
 *
 * @module
 */
import { msg, str } from '@lit/localize';
import { pickText } from '../feed/text.js';
import { publisherOf } from '../feed/publishers.js';
import type { Feed } from '../feed/schema.js';
import { formatDate } from './format.js';

/** A record last checked more than this many days ago is marked. */
export const STALE_AFTER_DAYS = 365;

const DAY = 86_400_000;

/**
 * Whether `verified` (`YYYY-MM-DD`, the feed's date) is more than {@link STALE_AFTER_DAYS} days
 * before `now` (ms since 1970). A missing or unreadable date is not marked (nothing is known).
 */
export function checkedLongAgo(verified: string | undefined, now: number): boolean {
  const match = verified === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(verified);
  if (!match) return false;
  const checked = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(checked)) return false;
  return now - checked > STALE_AFTER_DAYS * DAY;
}

/**
 * "Published by FUSADES · Checked on 3 Mar 2026": who published a record (its `publisher`, named
 * as the feed's `publishers` declares it) and when the network last checked it; '' when neither
 * is known. The name is feed text, shown as text.
 */
export function trustText(
  feed: Pick<Feed, 'publishers'> | undefined,
  record: { readonly publisher?: string | undefined; readonly verified?: string | undefined },
  lang: string,
  locale: string,
): string {
  const entry = feed ? publisherOf(feed, record.publisher) : undefined;
  const name = entry ? pickText(entry.name, lang) : '';
  const date = formatDate(record.verified, locale);
  return [name ? msg(str`Published by ${name}`) : '', date ? msg(str`Checked on ${date}`) : ''].filter(Boolean).join(' · ');
}
