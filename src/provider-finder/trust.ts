/**
 * How fresh a provider's record is (#12, trust): the network's `verified` date, and whether it is
 * over a year old — then the finder marks the provider, so the owner confirms before she goes.
 * Pure: the clock is an argument.
 *
 * @module
 */

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
