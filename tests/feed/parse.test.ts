import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText, type FeedIssue, type ParseFeedResult } from '../../src/feed/parse.js';
import { pickText } from '../../src/feed/text.js';
import { summarizeFeed } from '../../src/feed/summary.js';
import type { Feed } from '../../src/feed/schema.js';

async function fixture(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`../fixtures/${name}`, import.meta.url));
  return (await response.json()) as Record<string, unknown>;
}

function okFeed(result: ParseFeedResult): { feed: Feed; issues: readonly FeedIssue[] } {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** A copy of the minimal feed with `edit` applied. */
async function edited(edit: (feed: Record<string, any>) => void): Promise<Record<string, unknown>> {
  const feed = structuredClone(await fixture('minimal-feed.json'));
  edit(feed);
  return feed;
}

describe('parseFeed: good feeds', () => {
  it('accepts the minimal fixture with no issues', async () => {
    const { feed, issues } = okFeed(parseFeed(await fixture('minimal-feed.json')));
    expect(issues).to.deep.equal([]);
    expect(feed.tools.map((t) => t.id)).to.deep.equal(['price-guide', 'gt-only']);
    expect(feed.providers[0]!.phones[0]!.type).to.equal('whatsapp');
  });

  it('accepts the bundled sample feed with no issues', async () => {
    const response = await fetch('/demo/feed.json');
    const { feed, issues } = okFeed(parseFeedText(await response.text()));
    expect(issues).to.deep.equal([]);
    expect(feed.countries.map((c) => c.code).sort()).to.deep.equal(['DO', 'GT', 'HN', 'NI', 'SV']);
    expect(new Set(feed.countries.map((c) => c.currency))).to.deep.equal(
      new Set(['USD', 'GTQ', 'HNL', 'NIO', 'DOP']),
    );
    expect(feed.tools.length).to.be.at.least(40);
    expect(feed.topics.length).to.be.at.least(8);
    expect(feed.providers.length).to.be.at.least(25);
    expect(feed.cashflowTemplates.length).to.be.at.least(1);
    expect(feed.planOutlines.length).to.be.at.least(1);
  });

  it('turns template amounts into integer minor units', async () => {
    const { feed } = okFeed(parseFeed(await fixture('minimal-feed.json')));
    expect(feed.cashflowTemplates[0]!.lines[0]!.amounts).to.deep.equal([125050, 130000]);
  });

  it('ignores unknown fields (forward compatible)', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          f['futureField'] = { anything: true };
          f['tools'][0]['rating'] = 5;
        }),
      ),
    );
    expect(issues).to.deep.equal([]);
    expect(feed).not.to.have.property('futureField');
    expect(feed.tools[0]).not.to.have.property('rating');
  });

  it('accepts a minor version of the same major (1.2) and missing sections', () => {
    const { feed, issues } = okFeed(parseFeed({ version: 1.2, title: 'x' }));
    expect(issues).to.deep.equal([]);
    expect(feed.tools).to.deep.equal([]);
    expect(feed.providers).to.deep.equal([]);
  });

  it('strips a byte-order mark before the JSON', () => {
    const result = parseFeedText('\uFEFF{"version": 1, "title": "x"}');
    expect(result.ok).to.equal(true);
  });
});

describe('parseFeed: a wrong document gives ok:false with a plain message', () => {
  const rows: Array<{ name: string; input: unknown; code: string; says: RegExp }> = [
    { name: 'null', input: null, code: 'not-object', says: /must be a JSON object/ },
    { name: 'an array', input: [], code: 'not-object', says: /a list/ },
    { name: 'a string', input: 'feed', code: 'not-object', says: /a text/ },
    { name: 'no version', input: { title: 'x' }, code: 'version-missing', says: /"version": 1/ },
    { name: 'a text version', input: { version: '1' }, code: 'version-invalid', says: /must be a number/ },
    { name: 'version 0', input: { version: 0 }, code: 'version-invalid', says: /must be a number/ },
    { name: 'a newer major', input: { version: 2, title: 'x' }, code: 'version-newer', says: /version 2.*newer.*version 1/ },
    {
      name: 'a section that is not a list',
      input: { version: 1, title: 'x', tools: { id: 'a' } },
      code: 'section-not-list',
      says: /"tools" must be a list/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const result = parseFeed(row.input);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.error.code).to.equal(row.code);
      expect(result.error.message).to.match(row.says);
    });
  }

  it('text that is not JSON', () => {
    const result = parseFeedText('{"version": 1, "tools": [');
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.error.code).to.equal('not-json');
      expect(result.error.message).to.match(/not valid JSON/);
    }
  });

  for (const [label, text] of [['empty', ''], ['only spaces and line breaks', ' \n\t '], ['only a byte-order mark', '\ufeff']]) {
    it(`an ${label} body says the feed is empty, in plain words`, () => {
      const result = parseFeedText(text);
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.error.code).to.equal('not-json');
        expect(result.error.message).to.match(/^The feed is empty: the server sent no content/);
        expect(result.error.message).not.to.match(/JSON input/);
      }
    });
  }

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic['tools'] = [cyclic];
    const inputs: unknown[] = [undefined, 0, NaN, true, Symbol('x'), () => 1, new Date(), cyclic, { version: Infinity }];
    for (const input of inputs) expect(() => parseFeed(input)).not.to.throw();
    expect(parseFeed(cyclic).ok).to.equal(true);
  });
});

describe('parseFeed: a bad item is dropped and reported; the rest survives', () => {
  const rows: Array<{
    name: string;
    edit: (feed: Record<string, any>) => void;
    section: keyof Feed;
    kept: string[];
    issue: Partial<Omit<FeedIssue, 'message'>> & { message: RegExp };
  }> = [
    {
      name: 'a tool without a title',
      edit: (f) => delete f['tools'][0]['title'],
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].title', id: 'price-guide', kind: 'invalid', severity: 'error', message: /required/ },
    },
    {
      name: 'a javascript: link',
      edit: (f) => (f['tools'][0]['url'] = 'javascript:alert(1)'),
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].url', id: 'price-guide', message: /https:\/\/ or http:\/\// },
    },
    {
      name: 'a JaVaScRiPt: link with spaces and entities',
      edit: (f) => (f['tools'][0]['url'] = ' JaVaScRiPt:alert(1)//https://x.org'),
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].url', message: /https:\/\// },
    },
    {
      name: 'a data: link',
      edit: (f) => (f['providers'][0]['website'] = 'data:text/html,<script>alert(1)</script>'),
      section: 'providers',
      kept: [],
      issue: { path: 'providers[0].website', id: 'example-centre', message: /https:\/\// },
    },
    {
      name: 'an unknown country',
      edit: (f) => (f['tools'][1]['countries'] = ['XX']),
      section: 'tools',
      kept: ['price-guide'],
      issue: { path: 'tools[1].countries[0]', id: 'gt-only', kind: 'reference', severity: 'error', message: /"XX" is not declared/ },
    },
    {
      name: 'a duplicate id',
      edit: (f) => f['tools'].push({ ...f['tools'][1], title: 'Copia' }),
      section: 'tools',
      kept: ['price-guide', 'gt-only'],
      issue: { path: 'tools[2]', id: 'gt-only', kind: 'duplicate', message: /already uses the id "gt-only"/ },
    },
    {
      name: 'a wrong type of value',
      edit: (f) => (f['tools'][0]['topics'] = 'costs-prices'),
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].topics', message: /Expected a list, found a text/ },
    },
    {
      name: 'a title that is too long',
      edit: (f) => (f['tools'][0]['title'] = 'x'.repeat(301)),
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].title', message: /./ },
    },
    {
      name: 'a bad e-mail on a provider',
      edit: (f) => (f['providers'][0]['email'] = 'not an email'),
      section: 'providers',
      kept: [],
      issue: { path: 'providers[0].email', message: /e-mail/ },
    },
    {
      name: 'an impossible date',
      edit: (f) => (f['tools'][0]['updated'] = '2026-02-30'),
      section: 'tools',
      kept: ['gt-only'],
      issue: { path: 'tools[0].updated', message: /YYYY-MM-DD/ },
    },
    {
      name: 'a cash-flow line with a bad flow',
      edit: (f) => (f['cashflowTemplates'][0]['lines'][1]['flow'] = 'sideways'),
      section: 'cashflowTemplates',
      kept: [],
      issue: { path: 'cashflowTemplates[0].lines[1].flow', id: 'shop', message: /"in".*"out"/ },
    },
    {
      name: 'an amount with three decimals',
      edit: (f) => (f['cashflowTemplates'][0]['lines'][0]['amounts'] = [1.005]),
      section: 'cashflowTemplates',
      kept: [],
      issue: { path: 'cashflowTemplates[0].lines[0].amounts[0]', message: /two decimals/ },
    },
    {
      name: 'plan sections nested too deeply',
      edit: (f) => {
        let section = f['planOutlines'][0]['sections'][0];
        for (let depth = 0; depth < 6; depth++) {
          section.sections = [{ id: `deep${depth}`, title: 'x' }];
          section = section.sections[0];
        }
      },
      section: 'planOutlines',
      kept: [],
      issue: { id: 'short', message: /too deeply/ },
    },
  ];

  for (const row of rows) {
    it(row.name, async () => {
      const { feed, issues } = okFeed(parseFeed(await edited(row.edit)));
      expect((feed[row.section] as Array<{ id: string }>).map((item) => item.id)).to.deep.equal(row.kept);
      const { message, ...fields } = row.issue;
      const match = issues.find(
        (issue) =>
          message.test(issue.message) &&
          Object.entries(fields).every(([key, value]) => issue[key as keyof FeedIssue] === value),
      );
      expect(match, JSON.stringify(issues, null, 1)).to.exist;
      expect(match!.severity).to.equal(row.issue.severity ?? 'error');
    });
  }

  it('reports unknown vocabulary values as warnings and keeps the item', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          f['tools'][0]['type'] = 'podcast-series';
          f['tools'][0]['level'] = 'expert';
          f['providers'][0]['phones'][0]['type'] = 'telegram';
        }),
      ),
    );
    expect(feed.tools[0]!.type).to.equal('other');
    expect(feed.tools[0]!.level).to.equal(undefined);
    expect(feed.providers[0]!.phones[0]!.type).to.equal('voice');
    expect(issues.map((i) => [i.path, i.kind, i.severity])).to.deep.equal([
      ['providers[0].phones[0].type', 'unknown-value', 'warning'],
      ['tools[0].type', 'unknown-value', 'warning'],
      ['tools[0].level', 'unknown-value', 'warning'],
    ]);
  });

  it('drops dangling references inside a kept item, with warnings', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          f['tools'][0]['topics'] = ['costs-prices', 'astrology'];
          f['tools'][0]['providerId'] = 'nobody';
          f['providers'][0]['services'] = ['training', 'teleportation'];
          f['providers'][0]['regions'] = ['SV-SS', 'GT-01'];
          f['planOutlines'][0]['sections'][0]['toolIds'] = ['price-guide', 'missing-tool'];
        }),
      ),
    );
    expect(feed.tools[0]!.topics).to.deep.equal(['costs-prices']);
    expect(feed.tools[0]!.providerId).to.equal(undefined);
    expect(feed.providers[0]!.services).to.deep.equal(['training']);
    expect(feed.providers[0]!.regions).to.deep.equal(['SV-SS']);
    expect(feed.planOutlines[0]!.sections[0]!.toolIds).to.deep.equal(['price-guide']);
    expect(issues.every((issue) => issue.severity === 'warning' && issue.kind === 'reference')).to.equal(true);
    expect(issues.map((i) => i.path)).to.deep.equal([
      'providers[0].services[1]',
      'providers[0].regions[1]',
      'tools[0].topics[1]',
      'tools[0].providerId',
      'planOutlines[0].sections[0].toolIds[1]',
    ]);
  });

  it('leaves out bad entries of a list, keeps the item, and warns', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          f['providers'][0]['phones'].push({ number: 'call me maybe' });
          f['countries'][0]['regions'].push({ code: 'San Salvador', name: 'x' });
          f['tools'][0]['audience'] = ['entrepreneur', 'investor'];
        }),
      ),
    );
    expect(feed.providers.map((p) => p.id)).to.deep.equal(['example-centre']);
    expect(feed.providers[0]!.phones).to.have.length(1);
    expect(feed.countries[0]!.regions.map((r) => r.code)).to.deep.equal(['SV-SS']);
    expect(feed.tools[0]!.audience).to.deep.equal(['entrepreneur']);
    expect(issues.map((i) => [i.path, i.severity, i.message])).to.deep.equal([
      ['countries[0].regions', 'warning', '1 of 2 entries were not valid and were left out.'],
      ['providers[0].phones', 'warning', '1 of 2 entries were not valid and were left out.'],
      ['tools[0].audience', 'warning', '1 of 2 entries were not valid and were left out.'],
    ]);
  });

  it('a provider whose regions are all unknown serves its whole countries', async () => {
    const { feed } = okFeed(parseFeed(await edited((f) => (f['providers'][0]['regions'] = ['SV-XX']))));
    expect(feed.providers[0]!.regions).to.equal(undefined);
  });

  it('an empty countries list is refused (absent means every country)', async () => {
    const { feed, issues } = okFeed(parseFeed(await edited((f) => (f['tools'][1]['countries'] = []))));
    expect(feed.tools.map((t) => t.id)).to.deep.equal(['price-guide']);
    expect(issues[0]!.path).to.equal('tools[1].countries');
  });

  it('an empty sections list at the deepest level is fine', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          let section = f['planOutlines'][0]['sections'][0];
          for (let depth = 0; depth < 3; depth++) {
            section.sections = [{ id: `deep${depth}`, title: 'x' }];
            section = section.sections[0];
          }
          section.sections = [];
        }),
      ),
    );
    expect(issues).to.deep.equal([]);
    expect(feed.planOutlines).to.have.length(1);
  });

  it('ignores a bad top-level field with an error, and keeps the items', async () => {
    const { feed, issues } = okFeed(parseFeed(await edited((f) => (f['updated'] = 'yesterday'))));
    expect(feed.updated).to.equal(undefined);
    expect(feed.tools).to.have.length(2);
    expect(issues[0]).to.include({ path: 'updated', severity: 'error' });
  });
});

describe('parseFeed: hostile keys pollute nothing', () => {
  it('__proto__ and constructor at every level', async () => {
    const text = JSON.stringify(await fixture('minimal-feed.json'))
      .replace('{"version":1', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"c"}},"version":1')
      .replace('{"id":"gt-only"', '{"__proto__":{"polluted":"item"},"constructor":"x","id":"gt-only"');
    const result = parseFeedText(text);
    const { feed, issues } = okFeed(result);
    expect(issues).to.deep.equal([]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.getPrototypeOf(feed)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(feed.tools[1])).to.equal(Object.prototype);
    expect((feed.tools[1] as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.keys(feed.tools[1]!)).not.to.include('constructor');
  });

  it('a __proto__ key inside a localized text is left out', async () => {
    const title = JSON.parse('{"__proto__": {"polluted": true}, "es": "Título"}');
    const { feed, issues } = okFeed(parseFeed(await edited((f) => (f['tools'][0]['title'] = title))));
    expect(issues).to.deep.equal([]);
    expect(feed.tools[0]!.title).to.deep.equal({ es: 'Título' });
    expect(Object.getPrototypeOf(feed.tools[0]!.title)).to.equal(Object.prototype);
    expect((feed.tools[0]!.title as Record<string, unknown>)['polluted']).to.equal(undefined);
  });
});

describe('parseFeed: bounds', () => {
  it('reads at most the limit of a section and says so', () => {
    const tools = Array.from({ length: 50_001 }, (_, i) => ({ id: `t${i}`, title: 't', type: 'guide', url: 'https://x.org' }));
    const { feed, issues } = okFeed(parseFeed({ version: 1, title: 'x', tools }));
    expect(feed.tools).to.have.length(50_000);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ path: 'tools', kind: 'limit' });
  });

  it('drops an item nested absurdly deep instead of recursing', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const { feed, issues } = okFeed(parseFeed(await edited((f) => (f['tools'][0]['keywords'] = deep))));
    expect(feed.tools.map((t) => t.id)).to.deep.equal(['gt-only']);
    expect(issues[0]!.message).to.match(/too deeply/);
  });
});

describe('pickText', () => {
  const rows: Array<{ value: Parameters<typeof pickText>[0]; lang: string; expected: string }> = [
    { value: 'solo', lang: 'en', expected: 'solo' },
    { value: { es: 'hola', en: 'hello' }, lang: 'en', expected: 'hello' },
    { value: { es: 'hola', en: 'hello' }, lang: 'es-SV', expected: 'hola' },
    { value: { es: 'hola', 'es-DO': 'klk' }, lang: 'es-DO', expected: 'klk' },
    { value: { 'es-SV': 'hola', en: 'hello' }, lang: 'es', expected: 'hola' },
    { value: { 'es-SV': 'hola', en: 'hello' }, lang: 'fr', expected: 'hola' },
    { value: { en: 'hello' }, lang: 'es', expected: 'hello' },
    { value: { es: 'hola' }, lang: 'fr', expected: 'hola' },
    { value: { fr: 'salut' }, lang: 'es', expected: 'salut' },
    { value: undefined, lang: 'es', expected: '' },
  ];
  for (const { value, lang, expected } of rows) {
    it(`${JSON.stringify(value)} in ${lang} → ${expected}`, () => expect(pickText(value, lang)).to.equal(expected));
  }
});

describe('summarizeFeed', () => {
  it('counts per section and per country, and errors vs warnings', async () => {
    const result = okFeed(parseFeed(await edited((f) => (f['tools'][0]['type'] = 'zzz'))));
    const summary = summarizeFeed(result.feed, result.issues);
    expect(summary.sections.tools).to.equal(2);
    expect(summary.countries).to.deep.equal([
      { country: 'SV', tools: 1, providers: 1, cashflowTemplates: 1, planOutlines: 1 },
      { country: 'GT', tools: 2, providers: 0, cashflowTemplates: 1, planOutlines: 1 },
    ]);
    expect([summary.errors, summary.warnings]).to.deep.equal([0, 1]);
  });
});
