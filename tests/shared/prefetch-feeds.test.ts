/**
 * The cdn/ entries start each widget's feed while the widget's code downloads
 * (src/shared/prefetch-feeds.ts): the widget then finds its request — and, for a feed split by
 * country, its parts — already under way, and nothing is asked twice.
 */
import { expect } from '@open-wc/testing';
import { loadFeed, resetFeeds } from '../../src/feed/load.js';
import { prefetchFeeds } from '../../src/shared/prefetch-feeds.js';
import { configure } from '../../src/shared/config.js';
import { registry } from '../../src/shared/registry.js';
import { until } from '../helpers/until.js';

const key = () => `pf${Math.random().toString(36).slice(2)}`;
const hits = async (k: string) => ((await (await fetch(`/__feed/hits?k=${k}`)).json()) as { hits: number }).hits;
const splitHits = async (k: string) =>
  ((await (await fetch(`/__split/${k}/__hits`)).json()) as { requests: Record<string, number> }).requests;

const placed: Element[] = [];
function place(html: string): void {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  placed.push(host);
}

afterEach(() => {
  for (const el of placed.splice(0)) el.remove();
  configure({ feed: undefined, country: undefined });
  resetFeeds();
});

describe('prefetching the widgets\' feeds', () => {
  it('starts the feed of each widget on the page once, and the widget\'s own load reuses it', async () => {
    const [a, b] = [key(), key()];
    place(`<x-pf-widget feed="/__feed/ok?k=${a}"></x-pf-widget><x-pf-widget feed="/__feed/ok?k=${a}"></x-pf-widget>
      <x-pf-other feed="/__feed/ok?k=${b}"></x-pf-other><x-pf-unknown feed="/__feed/ok?k=never"></x-pf-unknown>`);
    prefetchFeeds(['x-pf-widget', 'x-pf-other']);
    // Under way before any widget asked.
    expect(registry().feeds.has(new URL(`/__feed/ok?k=${a}`, location.href).href)).to.equal(true);
    await until(async () => (await hits(a)) === 1 && (await hits(b)) === 1, 'both feeds requested');
    const snapshot = await loadFeed(`/__feed/ok?k=${a}`);
    expect(snapshot.feed.tools.length).to.be.above(0);
    expect(await hits(a)).to.equal(1);
    expect(await hits('never')).to.equal(0);
  });

  it('uses the page\'s feed and country for a widget without its own, and skips widgets without any feed', async () => {
    const k = key();
    place('<x-pf-widget></x-pf-widget>');
    prefetchFeeds(['x-pf-widget']);
    expect(registry().feeds.size).to.equal(0);
    configure({ feed: `/__split/${k}/index.json`, country: 'sv' });
    prefetchFeeds(['x-pf-widget']);
    // A feed split by country: the index, then the shared part and SV's only.
    await until(async () => Object.keys(await splitHits(k)).length === 3, 'the index and two parts');
    expect(await splitHits(k)).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'SV.json': 1 });
    const snapshot = await loadFeed(`/__split/${k}/index.json`, { country: 'SV' });
    expect(snapshot.parts?.length).to.equal(2);
    expect(await splitHits(k)).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'SV.json': 1 });
  });
});
