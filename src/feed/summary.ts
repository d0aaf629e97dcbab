/**
 * Counts that describe a feed: what the validator prints and the feed-check
 * page shows. Pure.
 */
import { FEED_SECTION_NAMES, type Feed, type FeedSectionName } from './schema.js';
import type { FeedIssue } from './parse.js';

export interface CountryCount {
  readonly country: string;
  readonly tools: number;
  readonly providers: number;
  readonly cashflowTemplates: number;
  readonly planOutlines: number;
  /** Entries of the country's own data kept (`extraPay`, `taxRegimes`, `seasonPresets`); 0 when absent. */
  readonly extraPay: number;
  readonly taxRegimes: number;
  readonly seasonPresets: number;
}

export interface FeedSummary {
  /** Items kept per section. */
  readonly sections: Readonly<Record<FeedSectionName, number>>;
  /** Per declared country: items that apply there (items without countries apply everywhere), and its own data. */
  readonly countries: readonly CountryCount[];
  readonly errors: number;
  readonly warnings: number;
}

function appliesTo(item: { countries?: readonly string[] | undefined }, country: string): boolean {
  return item.countries === undefined || item.countries.includes(country);
}

export function summarizeFeed(feed: Feed, issues: readonly FeedIssue[] = []): FeedSummary {
  const sections = Object.fromEntries(
    FEED_SECTION_NAMES.map((name) => [name, feed[name].length]),
  ) as Record<FeedSectionName, number>;
  const countries = feed.countries.map(({ code, extraPay, taxRegimes, seasonPresets }) => ({
    country: code,
    tools: feed.tools.filter((item) => appliesTo(item, code)).length,
    providers: feed.providers.filter((item) => appliesTo(item, code)).length,
    cashflowTemplates: feed.cashflowTemplates.filter((item) => appliesTo(item, code)).length,
    planOutlines: feed.planOutlines.filter((item) => appliesTo(item, code)).length,
    extraPay: extraPay?.length ?? 0,
    taxRegimes: taxRegimes?.length ?? 0,
    seasonPresets: seasonPresets?.length ?? 0,
  }));
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { sections, countries, errors, warnings: issues.length - errors };
}
