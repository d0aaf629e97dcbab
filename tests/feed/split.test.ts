/**
 * A feed split by country (src/feed/split.ts, the loader in src/feed/load.ts).
 *
 * The pure parts (index validation, which parts a page loads, merging, what one country
 * sees) table-driven; the loader against the real test server: /__split/<key>/<file> serves
 * demo/feed-split/ (written from demo/feed.json by `infomipyme-widgets split`), counts the
 * requests per file, and makes faults on demand (routes in web-test-runner.config.mjs).
 */
import { expect } from '@open-wc/testing';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import { FeedLoadError, loadFeed, resetFeeds, watchFeed, type FeedSnapshot, type FeedState } from '../../src/feed/load.js';
import { MemoryStore, feedCache, setFeedCache } from '../../src/feed/cache.js';
import { parseFeed, parseFeedText, type FeedIssue } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/schema.js';
import {
  FEED_INDEX_KIND,
  feedIndexJson,
  feedPartsFor,
  filterFeedToCountry,
  mergeFeedParts,
  parseFeedIndex,
  parseFeedPartText,
  type FeedIndex,
  type FeedPart,
} from '../../src/feed/split.js';
import { until } from '../helpers/until.js';

const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'DO'] as const;
const BASE = 'https://feeds.example.org/red/index.json';

let counter = 0;
const freshKey = () => `s${Math.random().toString(36).slice(2)}${++counter}`;
const at = (key: string, file = 'index.json') => new URL(`/__split/${key}/${file}`, location.href).href;

interface Hits {
  readonly requests: Record<string, number>;
  readonly notModified: Record<string, number>;
}

async function hits(key: string): Promise<Hits> {
  return (await (await fetch(at(key, '__hits'))).json()) as Hits;
}

async function setModes(key: string, ...modes: string[]): Promise<void> {
  const query = modes.map((mode) => `m=${encodeURIComponent(mode)}`).join('&');
  await fetch(`${at(key, '__mode')}?${query}`);
}

async function failure(promise: Promise<unknown>): Promise<FeedLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedLoadError);
    return error as FeedLoadError;
  }
  throw new Error('expected the load to fail');
}

/** The whole sample feed, parsed: what the split must give back. */
let whole: Feed;
before(async () => {
  const result = parseFeedText(await (await fetch('/demo/feed.json')).text());
  if (!result.ok) throw new Error(result.error.message);
  expect(result.issues).to.deep.equal([]);
  whole = result.feed;
});

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
});

after(() => {
  resetFeeds();
  setFeedCache();
});

// ---------------------------------------------------------------- the index

describe('parseFeedIndex', () => {
  const index = (extra: Record<string, unknown> = {}) => ({
    kind: FEED_INDEX_KIND,
    version: 1,
    shared: { url: 'shared.json', bytes: 120 },
    countries: { SV: { url: 'SV.json', bytes: 20 }, GT: { url: 'https://cdn.example.net/gt.json' } },
    ...extra,
  });

  it('resolves every address against the index and keeps the order', () => {
    const result = parseFeedIndex(index(), BASE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.issues).to.deep.equal([]);
    expect(result.index).to.deep.equal({
      version: 1,
      shared: { url: 'https://feeds.example.org/red/shared.json', bytes: 120 },
      countries: {
        SV: { url: 'https://feeds.example.org/red/SV.json', bytes: 20 },
        GT: { url: 'https://cdn.example.net/gt.json' },
      },
    });
  });

  const rejected: Array<{ name: string; extra: Record<string, unknown>; code: string; says: RegExp }> = [
    { name: 'no version', extra: { version: undefined }, code: 'version-missing', says: /has no "version"/ },
    { name: 'version as text', extra: { version: '1' }, code: 'version-invalid', says: /must be a number/ },
    { name: 'a newer version', extra: { version: 2 }, code: 'version-newer', says: /version 2, which is newer/ },
    { name: 'no shared part', extra: { shared: undefined }, code: 'shared', says: /has no "shared" part/ },
    { name: 'shared as text', extra: { shared: 'shared.json' }, code: 'shared', says: /"shared" part cannot be used: Write the part as an object/ },
    { name: 'shared on javascript:', extra: { shared: { url: 'javascript:alert(1)' } }, code: 'shared', says: /Give the part's "url"/ },
    { name: 'countries as a list', extra: { countries: [{ url: 'SV.json' }] }, code: 'countries', says: /one part per country code/ },
  ];
  for (const row of rejected) {
    it(`refuses the whole index: ${row.name}`, () => {
      const json = JSON.parse(JSON.stringify(index(row.extra))) as unknown;
      const result = parseFeedIndex(json, BASE);
      if (result.ok) throw new Error('expected a failure');
      expect(result.error.code).to.equal(row.code);
      expect(result.error.message).to.match(row.says);
    });
  }

  const dropped: Array<{ name: string; countries: Record<string, unknown>; path: string; says: RegExp }> = [
    { name: 'a lower-case code', countries: { sv: { url: 'SV.json' } }, path: 'countries.sv', says: /two-letter country code.*This part was ignored\./ },
    { name: 'no url', countries: { SV: { bytes: 3 } }, path: 'countries.SV.url', says: /Give the part's "url".*ignored/ },
    { name: 'a data: url', countries: { SV: { url: 'data:application/json,{}' } }, path: 'countries.SV.url', says: /"url"/ },
    { name: 'a user in the url', countries: { SV: { url: 'https://me:pw@example.org/SV.json' } }, path: 'countries.SV.url', says: /"url"/ },
    { name: 'a url with spaces', countries: { SV: { url: 'S V.json' } }, path: 'countries.SV.url', says: /"url"/ },
    { name: 'a part that is not an object', countries: { SV: 'SV.json' }, path: 'countries.SV', says: /as an object/ },
  ];
  for (const row of dropped) {
    it(`leaves out one country's part, with an error: ${row.name}`, () => {
      const result = parseFeedIndex(index({ countries: { ...row.countries, GT: { url: 'GT.json' } } }), BASE);
      if (!result.ok) throw new Error(result.error.message);
      expect(Object.keys(result.index.countries)).to.deep.equal(['GT']);
      expect(result.issues).to.have.length(1);
      expect(result.issues[0]).to.include({ path: row.path, severity: 'error' });
      expect(result.issues[0]!.message).to.match(row.says);
    });
  }

  it('ignores a wrong size, with a warning, and unknown fields', () => {
    const result = parseFeedIndex(index({ note: 'x', countries: { SV: { url: 'SV.json', bytes: -3 } } }), BASE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.index.countries['SV']).to.deep.equal({ url: 'https://feeds.example.org/red/SV.json' });
    expect(result.issues.map((issue) => [issue.path, issue.severity])).to.deep.equal([['countries.SV.bytes', 'warning']]);
  });

  it('reads the whole feed for pages without a country (`all`); a wrong one is ignored with a warning', () => {
    const result = parseFeedIndex(index({ all: { url: 'all.json', bytes: 300 } }), BASE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.index.all).to.deep.equal({ url: 'https://feeds.example.org/red/all.json', bytes: 300 });
    const wrong = parseFeedIndex(index({ all: { url: 'javascript:alert(1)' } }), BASE);
    if (!wrong.ok) throw new Error(wrong.error.message);
    expect(wrong.index.all).to.equal(undefined);
    expect(wrong.issues.map((issue) => [issue.path, issue.severity])).to.deep.equal([['all.url', 'warning']]);
    expect(wrong.issues[0]!.message).to.match(/a page without a country loads every part instead/);
  });

  it('reads file: addresses only when the index itself is a file (the validator)', () => {
    const fromFile = parseFeedIndex(index(), 'file:///srv/feed/index.json');
    expect(fromFile.ok && fromFile.index.shared.url).to.equal('file:///srv/feed/shared.json');
    const onTheWeb = parseFeedIndex(index({ shared: { url: 'file:///etc/passwd' } }), BASE);
    expect(onTheWeb.ok).to.equal(false);
  });
});

describe('feedIndexJson (an index or a feed, by content)', () => {
  const rows: Array<{ name: string; text: string; index: boolean }> = [
    { name: 'an index', text: JSON.stringify({ kind: FEED_INDEX_KIND, version: 1 }), index: true },
    { name: 'an index with a byte-order mark', text: `\ufeff${JSON.stringify({ kind: FEED_INDEX_KIND })}`, index: true },
    { name: 'a feed', text: JSON.stringify({ version: 1, title: 'Feed' }), index: false },
    {
      name: 'a feed that mentions the marker in a text',
      text: JSON.stringify({ version: 1, title: FEED_INDEX_KIND, tools: [{ kind: FEED_INDEX_KIND }] }),
      index: false,
    },
    { name: 'broken JSON with the marker', text: `{"kind": "${FEED_INDEX_KIND}"`, index: false },
    { name: 'an empty body', text: '', index: false },
  ];
  for (const row of rows) {
    it(`${row.name} → ${row.index ? 'index' : 'not an index'}`, () => {
      expect(feedIndexJson(row.text) !== undefined).to.equal(row.index);
    });
  }
});

describe('feedPartsFor', () => {
  const index: FeedIndex = {
    version: 1,
    shared: { url: 'https://x.org/shared.json' },
    countries: { SV: { url: 'https://x.org/SV.json' }, GT: { url: 'https://x.org/GT.json' } },
  };
  const rows: Array<{ country: string | undefined; urls: string[] }> = [
    { country: 'SV', urls: ['shared', 'SV'] },
    { country: ' sv ', urls: ['shared', 'SV'] },
    { country: 'CR', urls: ['shared'] },
    { country: undefined, urls: ['shared', 'SV', 'GT'] },
    { country: 'El Salvador', urls: ['shared', 'SV', 'GT'] },
  ];
  for (const row of rows) {
    it(`${JSON.stringify(row.country)} → ${row.urls.join(' + ')}`, () => {
      expect(feedPartsFor(index, row.country).map((link) => link.url)).to.deep.equal(
        row.urls.map((name) => `https://x.org/${name}.json`),
      );
    });
  }
  it('without a country, the whole feed when the index lists it (one file, not every part)', () => {
    const withAll: FeedIndex = { ...index, all: { url: 'https://x.org/all.json' } };
    expect(feedPartsFor(withAll, undefined).map((link) => link.url)).to.deep.equal(['https://x.org/all.json']);
    expect(feedPartsFor(withAll, 'SV').map((link) => link.url)).to.deep.equal(['https://x.org/shared.json', 'https://x.org/SV.json']);
  });
});

// ---------------------------------------------------------------- merging

describe('mergeFeedParts', () => {
  const country = (code: string, regions: string[] = []) => ({
    code,
    name: code,
    currency: 'USD',
    locale: 'es-SV',
    regions: regions.map((r) => ({ code: r, name: r })),
  });
  const tool = (id: string, countries?: string[]) => ({ id, title: id, url: `https://example.org/${id}`, ...(countries ? { countries } : {}) });
  const part = (url: string, json: Record<string, unknown>): FeedPart => {
    const { result, positions } = parseFeedPartText(JSON.stringify({ version: 1, title: 'Red', ...json }));
    if (!result.ok) throw new Error(result.error.message);
    return { url, feed: result.feed, issues: result.issues, positions };
  };

  it("restores the whole feed's order from the positions", () => {
    const shared = part('shared.json', {
      countries: [country('SV', ['SV-SS']), country('GT')],
      tools: [tool('a'), tool('c')],
      positions: { countries: [0, 1], tools: [0, 2] },
    });
    const sv = part('SV.json', {
      countries: [country('SV')],
      tools: [tool('b', ['SV']), tool('d', ['SV'])],
      positions: { countries: [0], tools: [1, 3] },
    });
    const { feed, issues } = mergeFeedParts([shared, sv]);
    expect(issues).to.deep.equal([]);
    expect(feed.tools.map((t) => t.id)).to.deep.equal(['a', 'b', 'c', 'd']);
    // The shared part's full declaration wins over the part's light one.
    expect(feed.countries.map((c) => [c.code, c.regions.length])).to.deep.equal([['SV', 1], ['GT', 0]]);
    expect(feed.title).to.equal('Red');
  });

  it('without positions, the first part comes first', () => {
    const { feed } = mergeFeedParts([
      part('shared.json', { countries: [country('SV')], tools: [tool('z')] }),
      part('SV.json', { countries: [country('SV')], tools: [tool('a', ['SV'])] }),
    ]);
    expect(feed.tools.map((t) => t.id)).to.deep.equal(['z', 'a']);
  });

  it('keeps one copy of an item found in two parts, and reports a different one', () => {
    const same = mergeFeedParts([
      part('shared.json', { tools: [tool('a')] }),
      part('SV.json', { tools: [tool('a')] }),
    ]);
    expect(same.issues).to.deep.equal([]);
    expect(same.feed.tools).to.have.length(1);
    const different = mergeFeedParts([
      part('shared.json', { tools: [tool('a')] }),
      part('SV.json', { tools: [{ ...tool('a'), title: 'Otra' }] }),
    ]);
    expect(different.feed.tools.map((t) => t.title)).to.deep.equal(['a']);
    expect(different.issues).to.have.length(1);
    expect(different.issues[0]).to.include({ path: 'tools', id: 'a', kind: 'duplicate', part: 'SV.json', severity: 'error' });
    expect(different.issues[0]!.message).to.match(/already in another part.*SV\.json was dropped/);
  });

  it("names the part of each of the parts' own issues", () => {
    const { issues } = mergeFeedParts([
      part('shared.json', {}),
      part('SV.json', { tools: [{ id: 'x', title: 'x', url: 'javascript:alert(1)' }] }),
    ]);
    expect(issues.map((issue: FeedIssue & { part?: string }) => [issue.part, issue.path])).to.deep.equal([['SV.json', 'tools[0].url']]);
  });
});

describe('filterFeedToCountry', () => {
  it('keeps what the country gets and what it links to', () => {
    const result = parseFeed({
      version: 1,
      title: 'Red',
      countries: [
        { code: 'SV', name: 'SV', currency: 'USD', locale: 'es-SV' },
        { code: 'GT', name: 'GT', currency: 'GTQ', locale: 'es-GT' },
      ],
      providers: [
        { id: 'p-sv', name: 'P', countries: ['SV'] },
        { id: 'p-gt', name: 'P', countries: ['GT'] },
        { id: 'p-gt-linked', name: 'P', countries: ['GT'] },
      ],
      tools: [
        { id: 'all', title: 't', url: 'https://e.org/1', providerId: 'p-gt-linked' },
        { id: 'sv', title: 't', url: 'https://e.org/2', countries: ['SV'] },
        { id: 'gt', title: 't', url: 'https://e.org/3', countries: ['GT'] },
        { id: 'gt-linked', title: 't', url: 'https://e.org/4', countries: ['GT'] },
      ],
      planOutlines: [{ id: 'o', name: 'O', sections: [{ id: 's', title: 'S', toolIds: ['gt-linked'] }] }],
    });
    if (!result.ok) throw new Error(result.error.message);
    const sv = filterFeedToCountry(result.feed, 'SV');
    expect(sv.tools.map((t) => t.id)).to.deep.equal(['all', 'sv', 'gt-linked']);
    expect(sv.providers.map((p) => p.id)).to.deep.equal(['p-sv', 'p-gt-linked']);
    expect(sv.countries).to.have.length(2);
  });

  it("leaves out a tool's links to the templates and outlines of other countries (#12)", () => {
    const result = parseFeed({
      version: 1,
      title: 'Red',
      countries: [
        { code: 'SV', name: 'SV', currency: 'USD', locale: 'es-SV' },
        { code: 'GT', name: 'GT', currency: 'GTQ', locale: 'es-GT' },
      ],
      tools: [{ id: 'all', title: 't', url: 'https://e.org/1', cashflowTemplateIds: ['c-all', 'c-gt'], planOutlineIds: ['o-gt', 'o-sv'] }],
      cashflowTemplates: [
        { id: 'c-all', name: 'C', lines: [{ id: 'l', label: 'L', flow: 'in' }] },
        { id: 'c-gt', name: 'C', countries: ['GT'], lines: [{ id: 'l', label: 'L', flow: 'in' }] },
      ],
      planOutlines: [
        { id: 'o-gt', name: 'O', countries: ['GT'], sections: [{ id: 's', title: 'S' }] },
        { id: 'o-sv', name: 'O', countries: ['SV'], sections: [{ id: 's', title: 'S' }] },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.issues).to.deep.equal([]);
    const [sv] = filterFeedToCountry(result.feed, 'SV').tools;
    expect([sv!.cashflowTemplateIds, sv!.planOutlineIds]).to.deep.equal([['c-all'], ['o-sv']]);
    const [gt] = filterFeedToCountry(result.feed, 'GT').tools;
    expect([gt!.cashflowTemplateIds, gt!.planOutlineIds]).to.deep.equal([['c-all', 'c-gt'], ['o-gt']]);
    // The whole feed's tool is not changed.
    expect(result.feed.tools[0]!.planOutlineIds).to.deep.equal(['o-gt', 'o-sv']);
  });
});

// ---------------------------------------------------------------- the loader

describe('loading a split feed', () => {
  for (const country of COUNTRIES) {
    it(`a ${country} page requests the index, the shared part and ${country} only, and gets the whole feed's ${country}`, async () => {
      const key = freshKey();
      const snapshot = await loadFeed(at(key), { country });
      expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1, [`${country}.json`]: 1 });
      expect(snapshot.url).to.equal(at(key));
      expect(snapshot.source).to.equal('network');
      expect(snapshot.parts).to.deep.equal([at(key, 'shared.json'), at(key, `${country}.json`)]);
      expect(snapshot.issues).to.deep.equal([]);
      expect(snapshot.feed).to.deep.equal(filterFeedToCountry(whole, country));
    });
  }

  it('the parts are requested together, after the index', async () => {
    const key = freshKey();
    performance.clearResourceTimings();
    await loadFeed(at(key), { country: 'HN' });
    const entries = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes(`/__split/${key}/`)) as PerformanceResourceTiming[];
    const byFile = new Map(entries.map((entry) => [entry.name.split('/').at(-1)!, entry]));
    expect([...byFile.keys()].sort()).to.deep.equal(['HN.json', 'index.json', 'shared.json']);
    const index = byFile.get('index.json')!;
    for (const file of ['shared.json', 'HN.json']) {
      expect(byFile.get(file)!.startTime).to.be.at.least(index.responseEnd);
    }
    // Both parts were asked for before either one's answer came back.
    const [shared, hn] = [byFile.get('shared.json')!, byFile.get('HN.json')!];
    expect(Math.max(shared.startTime, hn.startTime)).to.be.below(Math.min(shared.responseEnd, hn.responseEnd));
  });

  it('without a country, the whole feed the index lists (all.json): two files, not every part', async () => {
    const key = freshKey();
    const snapshot = await loadFeed(at(key));
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'all.json': 1 });
    expect(snapshot.parts).to.deep.equal([at(key, 'all.json')]);
    expect(snapshot.feed).to.deep.equal(whole);
  });

  it('without a country and without `all` in the index, every part: the whole feed, in its order', async () => {
    const key = freshKey();
    await fetch(`/__split/${key}/__mode?m=index-without:all`);
    const snapshot = await loadFeed(at(key));
    expect(Object.keys((await hits(key)).requests).sort()).to.deep.equal(
      ['index.json', 'shared.json', ...COUNTRIES.map((c) => `${c}.json`)].sort(),
    );
    expect(snapshot.feed).to.deep.equal(whole);
  });

  it('a country the index has no part for gets the shared part alone (what the whole feed has for it)', async () => {
    const key = freshKey();
    const snapshot = await loadFeed(at(key), { country: 'CR' });
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1 });
    expect(snapshot.feed).to.deep.equal(filterFeedToCountry(whole, 'CR'));
  });

  it('an index without the page country part: the shared part alone, no error', async () => {
    const key = freshKey();
    await setModes(key, 'index-without:SV');
    const snapshot = await loadFeed(at(key), { country: 'SV' });
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1 });
    expect(snapshot.parts).to.deep.equal([at(key, 'shared.json')]);
    expect(snapshot.feed.tools.length).to.be.below(filterFeedToCountry(whole, 'SV').tools.length);
  });

  it('one request per file however many widgets and countries ask', async () => {
    const key = freshKey();
    const [a, b, c] = await Promise.all([
      loadFeed(at(key), { country: 'SV' }),
      loadFeed(at(key), { country: 'sv' }),
      loadFeed(at(key), { country: 'GT' }),
    ]);
    expect(a.feed).to.equal(b.feed);
    expect(c.feed).to.deep.equal(filterFeedToCountry(whole, 'GT'));
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'SV.json': 1, 'GT.json': 1 });
  });

  it('a whole feed at the same address is still read whole (the country changes nothing)', async () => {
    const snapshot = await loadFeed('/demo/feed.json', { country: 'SV' });
    expect(snapshot.parts).to.equal(undefined);
    expect(snapshot.feed).to.deep.equal(whole);
  });
});

describe('a split feed that is wrong', () => {
  const rows: Array<{ name: string; modes: string[]; code: string; file: string; says: RegExp }> = [
    { name: 'a part that is not JSON', modes: ['broken:SV.json'], code: 'not-json', file: 'SV.json', says: /SV\.json/ },
    { name: 'a missing shared part', modes: ['missing:shared.json'], code: 'http', file: 'shared.json', says: /shared\.json.*404/ },
    { name: 'a part that is down', modes: ['down:SV.json'], code: 'network', file: 'SV.json', says: /SV\.json/ },
    { name: 'a part that is an index', modes: ['index-for:SV.json'], code: 'not-feed', file: 'SV.json', says: /SV\.json/ },
    { name: 'a broken index', modes: ['broken:index.json'], code: 'not-json', file: 'index.json', says: /index\.json/ },
  ];
  for (const row of rows) {
    it(`${row.name}: the plain error, naming the file; nothing is kept`, async () => {
      const key = freshKey();
      await setModes(key, ...row.modes);
      const error = await failure(loadFeed(at(key), { country: 'SV' }));
      expect(error.code).to.equal(row.code);
      expect(error.url).to.equal(at(key, row.file));
      expect(error.message).to.match(row.says);
      for (const file of ['index.json', 'shared.json', 'SV.json']) expect(await feedCache().read(at(key, file))).to.equal(undefined);
    });
  }

  it('an index without its shared part is refused in plain words, naming the index', async () => {
    const key = freshKey();
    await setModes(key, 'index-without:shared');
    const error = await failure(loadFeed(at(key), { country: 'SV' }));
    expect(error.code).to.equal('not-feed');
    expect(error.url).to.equal(at(key));
    expect(error.message).to.contain(at(key));
    expect(error.message).to.match(/has no "shared" part/);
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1 });
  });
});

describe('a split feed offline (the cache holds what was downloaded)', () => {
  async function visit(key: string, country?: string): Promise<FeedSnapshot> {
    const snapshot = await loadFeed(at(key), { country });
    const files = snapshot.parts!.map((url) => url.split('/').at(-1)!);
    await until(async () => {
      for (const file of ['index.json', ...files]) if ((await feedCache().read(at(key, file))) === undefined) return false;
      return true;
    }, 'the cache writes');
    resetFeeds(); // a new page visit
    return snapshot;
  }

  it('keeps the index and the parts fetched, and nothing else', async () => {
    const key = freshKey();
    await visit(key, 'SV');
    for (const file of ['index.json', 'shared.json', 'SV.json']) expect(await feedCache().read(at(key, file))).not.to.equal(undefined);
    for (const country of ['GT', 'HN', 'NI', 'DO']) expect(await feedCache().read(at(key, `${country}.json`))).to.equal(undefined);
  });

  it('a SV page works offline with SV; a GT page, never visited, says the feed cannot be reached', async () => {
    const key = freshKey();
    const first = await visit(key, 'SV');
    await setModes(key, 'down');
    const states: FeedState[] = [];
    const stop = watchFeed(at(key), (state) => states.push(state), { country: 'SV' });
    await until(() => states.some((s) => s.status === 'ready' && s.snapshot.offline), 'the offline copy');
    stop();
    const last = states.at(-1)!;
    if (last.status !== 'ready') throw new Error('expected ready');
    expect(last.snapshot.source).to.equal('cache');
    expect(last.snapshot.networkError?.code).to.equal('network');
    expect(last.snapshot.fetchedAt).to.equal(first.fetchedAt);
    expect(last.snapshot.feed).to.deep.equal(filterFeedToCountry(whole, 'SV'));
    const error = await failure(loadFeed(at(key), { country: 'GT' }));
    expect(error.code).to.equal('network');
  });

  it('shows the cached copy at once, then the network one; unchanged files keep the merged feed (no second merge)', async () => {
    const key = freshKey();
    await visit(key, 'NI');
    const states: FeedState[] = [];
    const stop = watchFeed(at(key), (state) => states.push(state), { country: 'NI' });
    await until(() => states.some((s) => s.status === 'ready' && s.snapshot.source === 'network'), 'the network copy');
    stop();
    const ready = states.filter((s): s is FeedState & { status: 'ready' } => s.status === 'ready');
    expect(states[0]!.status).to.equal('loading');
    expect(ready.map((s) => s.snapshot.source)).to.deep.equal(['cache', 'network']);
    expect(ready[1]!.snapshot.feed).to.equal(ready[0]!.snapshot.feed);
  });

  it('a part that breaks later leaves the last good copy on screen, marked offline, naming the part', async () => {
    const key = freshKey();
    await visit(key, 'DO');
    await setModes(key, 'broken:DO.json');
    const states: FeedState[] = [];
    const stop = watchFeed(at(key), (state) => states.push(state), { country: 'DO' });
    await until(() => states.some((s) => s.status === 'ready' && s.snapshot.offline), 'the fallback');
    stop();
    const last = states.at(-1)!;
    if (last.status !== 'ready') throw new Error('expected ready');
    expect(last.snapshot.networkError?.url).to.equal(at(key, 'DO.json'));
    expect(last.snapshot.feed).to.deep.equal(filterFeedToCountry(whole, 'DO'));
    // The broken part was not kept: the good copy is still there.
    expect(JSON.parse((await feedCache().read(at(key, 'DO.json')))!.text)).to.have.property('positions');
  });

  it('revalidates every file with the HTTP cache (ETag → 304), adding no header of its own', async () => {
    const key = freshKey();
    await setModes(key, 'etag');
    await visit(key, 'GT');
    const snapshot = await loadFeed(at(key), { country: 'GT' });
    // The first copy comes from the Cache API; wait for the network's.
    await until(async () => Object.keys((await hits(key)).notModified).length === 3, 'three revalidations');
    const { requests, notModified } = await hits(key);
    expect(requests).to.deep.equal({ 'index.json': 2, 'shared.json': 2, 'GT.json': 2 });
    expect(notModified).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'GT.json': 1 });
    expect(snapshot.feed).to.deep.equal(filterFeedToCountry(whole, 'GT'));
  });
});

describe('a widget on a split feed', () => {
  const widgets: Element[] = [];
  afterEach(() => {
    for (const el of widgets.splice(0)) el.remove();
    resetFeeds();
  });

  function mount(feed: string, country: string): MipymeToolboxBrowser {
    const el = document.createElement('mipyme-toolbox-browser') as MipymeToolboxBrowser;
    el.setAttribute('feed', feed);
    el.setAttribute('country', country);
    document.body.append(el);
    widgets.push(el);
    return el;
  }
  const count = (el: Element) => el.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim();

  it('shows what it shows with the whole feed, from three files', async () => {
    const key = freshKey();
    const split = mount(at(key), 'HN');
    const full = mount('/demo/feed.json', 'HN');
    await until(() => count(split) !== undefined && count(full) !== undefined, 'both lists');
    expect(count(split)).to.equal(count(full));
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'HN.json': 1 });
  });

  it("a new country loads that country's part; on a whole feed it reloads nothing", async () => {
    const key = freshKey();
    const split = mount(at(key), 'SV');
    const full = mount('/demo/feed.json', 'SV');
    const loads = new Map<Element, number>([[split, 0], [full, 0]]);
    for (const el of [split, full]) el.addEventListener('mipyme-feed-load', () => loads.set(el, loads.get(el)! + 1));
    await until(() => loads.get(split) === 1 && loads.get(full) === 1, 'both loads');
    split.setAttribute('country', 'GT');
    full.setAttribute('country', 'GT');
    await until(() => loads.get(split) === 2, "the GT part's load");
    await until(() => count(split) === count(full), 'the same list as the whole feed for GT');
    expect(loads.get(full)).to.equal(1);
    expect((await hits(key)).requests).to.deep.equal({ 'index.json': 1, 'shared.json': 1, 'SV.json': 1, 'GT.json': 1 });
  });

  it('a bad part shows the error view naming the part, and the retry loads the same country', async () => {
    const key = freshKey();
    await setModes(key, 'missing:GT.json');
    const el = mount(at(key), 'GT');
    await until(() => el.shadowRoot!.querySelector('[part="error"]') !== null, 'the error view');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(at(key, 'GT.json'));
    await setModes(key);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await until(() => count(el) !== undefined, 'the list after the retry');
    const { requests } = await hits(key);
    expect(requests['GT.json']).to.equal(2);
    expect(requests['SV.json']).to.equal(undefined);
  });
});
