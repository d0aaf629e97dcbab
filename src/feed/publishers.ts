/**
 * Whose records a widget shows (#12, trust). The shared feed carries every partner's tools,
 * providers, cash-flow templates and plan outlines, each naming its partner in `publisher`
 * (an id in the feed's `publishers`). A widget with `publisher="fusades"` shows only that
 * partner's records, while still reading the one shared feed.
 *
 * Pure, DOM-free; the restricted feed is made once per feed and list of partners.
 */
import type { Feed, PublisherEntry } from './schema.js';
import { keepLinks } from './split.js';

/**
 * The partners an attribute names: `"fusades"`, `"fusades, conamype"` or `"fusades conamype"`
 * → each id once, in order. Empty (no restriction) for an absent or blank value.
 */
export function publisherIds(value: string | null | undefined): string[] {
  const ids = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return [...new Set(ids)];
}

/** The feed's entry for a partner, when it declares one. */
export function publisherOf(feed: Pick<Feed, 'publishers'>, id: string | undefined): PublisherEntry | undefined {
  return id === undefined ? undefined : feed.publishers.find((publisher) => publisher.id === id);
}

/** Which of `ids` the feed does not declare in `publishers` (a typo in the attribute, most likely). */
export function unknownPublishers(feed: Pick<Feed, 'publishers'>, ids: readonly string[]): string[] {
  const known = new Set(feed.publishers.map((publisher) => publisher.id));
  return ids.filter((id) => !known.has(id));
}

const restricted = new WeakMap<Feed, Map<string, Feed>>();

/**
 * The feed as a partner's widget sees it: tools, providers, templates and outlines whose
 * `publisher` is one of `ids` (a record naming no partner belongs to none); the vocabularies
 * (countries, topics, services, publishers) and the metadata whole. A kept tool's links to
 * templates and outlines left out are dropped, so nothing leads to a record not shown.
 * No ids → the feed itself. The same feed and ids give the same object (memoised).
 */
export function restrictToPublishers(feed: Feed, ids: readonly string[]): Feed {
  if (ids.length === 0) return feed;
  const key = ids.join(' ');
  let byKey = restricted.get(feed);
  const cached = byKey?.get(key);
  if (cached) return cached;
  const wanted = new Set(ids);
  const mine = (item: { publisher?: string | undefined }) => item.publisher !== undefined && wanted.has(item.publisher);
  const cashflowTemplates = feed.cashflowTemplates.filter(mine);
  const planOutlines = feed.planOutlines.filter(mine);
  const templateIds = new Set(cashflowTemplates.map((template) => template.id));
  const outlineIds = new Set(planOutlines.map((outline) => outline.id));
  const result: Feed = {
    ...feed,
    tools: feed.tools.filter(mine).map((tool) => keepLinks(tool, templateIds, outlineIds)),
    providers: feed.providers.filter(mine),
    cashflowTemplates,
    planOutlines,
  };
  if (!byKey) {
    byKey = new Map();
    restricted.set(feed, byKey);
  }
  byKey.set(key, result);
  return result;
}
