/**
 * The cdn/ entries start loading the feed the moment they run, in parallel with the widgets'
 * code (a part of its own, see autoload.ts): on a slow line the feed no longer waits for that
 * code to arrive. For every widget tag on the page, the feed it will ask for — its `feed`
 * attribute, else the page's — and its country, exactly as its FeedController will (so the widget
 * finds the request, and for a feed split by country the parts, already under way).
 */
import { watchFeed } from '../feed/load.js';
import { countryCodeOf } from '../feed/split.js';
import { pageConfig } from './config.js';

export function prefetchFeeds(tags: readonly string[], root: ParentNode = document): void {
  if (!tags.length) return;
  const started = new Set<string>();
  for (const element of Array.from(root.querySelectorAll(tags.join(',')))) {
    const url = (element.getAttribute('feed') ?? '').trim() || pageConfig('feed') || '';
    if (!url) continue; // a widget given its feed as `data`, or none yet
    const country = countryCodeOf(element.getAttribute('country') ?? pageConfig('country'));
    const key = `${url} ${country ?? ''}`;
    if (started.has(key)) continue;
    started.add(key);
    // Errors are the widget's to show; this listener only starts the load.
    watchFeed(url, () => {}, { country })();
  }
}
