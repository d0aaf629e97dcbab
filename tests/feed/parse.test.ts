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

  it('an unknown cash-flow line kind is left out, with a warning; a known one is kept', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          f['cashflowTemplates'][0]['lines'][0]['kind'] = 'sales';
          f['cashflowTemplates'][0]['lines'][1]['kind'] = 'salary';
        }),
      ),
    );
    const [sales, rent] = feed.cashflowTemplates[0]!.lines;
    expect(sales!.kind).to.equal('sales');
    expect(rent!.kind).to.equal(undefined);
    expect(issues.map((i) => [i.path, i.kind, i.severity, i.message])).to.deep.equal([
      ['cashflowTemplates[0].lines[1].kind', 'unknown-value', 'warning', '"salary" is not a known value here; it was read as not given.'],
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

/** Guatemala's extra pay, tax regimes and a season preset, all valid. */
const COUNTRY_DATA = {
  extraPay: [
    { id: 'bono-14', name: 'Bono 14', month: 7, sharePct: 100 },
    { id: 'aguinaldo', name: { es: 'Aguinaldo', en: 'Year-end bonus' }, month: 12, sharePct: 100, note: 'En diciembre.' },
  ],
  taxRegimes: [
    { id: 'iva', name: 'IVA', kind: 'vat', ratePct: 12 },
    { id: 'pequeno', name: 'Pequeño contribuyente', kind: 'gross-sales', ratePct: 5, note: 'Sin crédito fiscal.' },
  ],
  seasonPresets: [{ id: 'fin-de-ano', name: 'Fin de año', high: [11, 12], low: [1] }],
};

describe("parseFeed: a country's extra pay, tax regimes and season presets (#11)", () => {
  it('reads them as given: amounts in minor units, months absent as none, absent lists stay absent', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          Object.assign(f['countries'][1], structuredClone(COUNTRY_DATA));
          f['countries'][1]['taxRegimes'].push({ id: 'cuota', name: 'Cuota fija', kind: 'fixed-fee', monthlyFee: 1250.5 });
          f['countries'][1]['seasonPresets'].push({ id: 'clases', name: 'Clases', high: [1, 2] });
        }),
      ),
    );
    expect(issues).to.deep.equal([]);
    const [sv, gt] = feed.countries;
    expect(sv).not.to.have.any.keys('extraPay', 'taxRegimes', 'seasonPresets');
    expect(gt!.extraPay).to.deep.equal(COUNTRY_DATA.extraPay);
    expect(gt!.taxRegimes!.map((r) => [r.id, r.kind, r.ratePct, r.monthlyFee])).to.deep.equal([
      ['iva', 'vat', 12, undefined],
      ['pequeno', 'gross-sales', 5, undefined],
      ['cuota', 'fixed-fee', undefined, 125050],
    ]);
    expect(gt!.seasonPresets).to.deep.equal([
      { id: 'fin-de-ano', name: 'Fin de año', high: [11, 12], low: [1] },
      { id: 'clases', name: 'Clases', high: [1, 2], low: [] },
    ]);
  });

  // Each row: one bad entry added to a valid list; it is left out, the country and the other entries kept.
  const bad: Array<[string, keyof typeof COUNTRY_DATA, unknown]> = [
    ['extra pay in month 13', 'extraPay', { id: 'x', name: 'x', month: 13, sharePct: 100 }],
    ['extra pay in month 6.5', 'extraPay', { id: 'x', name: 'x', month: 6.5, sharePct: 100 }],
    ['extra pay over 200 %', 'extraPay', { id: 'x', name: 'x', month: 6, sharePct: 250 }],
    ['extra pay without a share', 'extraPay', { id: 'x', name: 'x', month: 6 }],
    ['extra pay without a name', 'extraPay', { id: 'x', month: 6, sharePct: 100 }],
    ['a tax regime of an unknown kind (not guessed)', 'taxRegimes', { id: 'x', name: 'x', kind: 'presumptive', ratePct: 1 }],
    ['a tax regime without a kind', 'taxRegimes', { id: 'x', name: 'x', ratePct: 1 }],
    ['a VAT regime without its rate', 'taxRegimes', { id: 'x', name: 'x', kind: 'vat' }],
    ['a gross-sales regime with only a fee', 'taxRegimes', { id: 'x', name: 'x', kind: 'gross-sales', monthlyFee: 10 }],
    ['a fixed-fee regime without its fee', 'taxRegimes', { id: 'x', name: 'x', kind: 'fixed-fee', ratePct: 5 }],
    ['a negative fee', 'taxRegimes', { id: 'x', name: 'x', kind: 'fixed-fee', monthlyFee: -1 }],
    ['a fee with three decimals', 'taxRegimes', { id: 'x', name: 'x', kind: 'fixed-fee', monthlyFee: 1.005 }],
    ['a rate over 100', 'taxRegimes', { id: 'x', name: 'x', kind: 'vat', ratePct: 101 }],
    ['a season with a month twice', 'seasonPresets', { id: 'x', name: 'x', high: [12, 12] }],
    ['a season with month 0', 'seasonPresets', { id: 'x', name: 'x', low: [0] }],
    ['a season with 13 months', 'seasonPresets', { id: 'x', name: 'x', high: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1] }],
    ['a season with months as text', 'seasonPresets', { id: 'x', name: 'x', high: 'diciembre' }],
  ];
  for (const [name, list, entry] of bad) {
    it(`${name}: left out, with a warning; the country is kept`, async () => {
      const { feed, issues } = okFeed(
        parseFeed(await edited((f) => Object.assign(f['countries'][1], structuredClone(COUNTRY_DATA), { [list]: [...COUNTRY_DATA[list], entry] }))),
      );
      expect(feed.countries.map((c) => c.code)).to.deep.equal(['SV', 'GT']);
      expect((feed.countries[1]![list] as Array<{ id: string }>).map((e) => e.id)).to.deep.equal(COUNTRY_DATA[list].map((e) => e.id));
      const total = COUNTRY_DATA[list].length + 1;
      expect(issues.map((i) => [i.path, i.id, i.kind, i.severity, i.message])).to.deep.equal([
        [`countries[1].${list}`, 'GT', 'invalid', 'warning', `1 of ${total} entries were not valid and were left out.`],
      ]);
    });
  }

  // Like `regions`: a lenient list must still be a list, within its limit, or the country is dropped.
  const wrong: Array<[string, string, unknown, RegExp]> = [
    ['not a list', 'taxRegimes', { id: 'iva', name: 'IVA', kind: 'vat', ratePct: 12 }, /Expected a list, found an object/],
    ['over the limit', 'extraPay', Array.from({ length: 11 }, (_, i) => ({ id: `p${i}`, name: 'x', month: 1, sharePct: 1 })), /at most 10/],
    ['over the limit', 'seasonPresets', Array.from({ length: 21 }, (_, i) => ({ id: `s${i}`, name: 'x' })), /at most 20/],
  ];
  for (const [name, list, value, message] of wrong) {
    it(`${list} ${name}: the country is dropped, with an error`, async () => {
      const { feed, issues } = okFeed(parseFeed(await edited((f) => (f['countries'][1][list] = value))));
      expect(feed.countries.map((c) => c.code)).to.deep.equal(['SV']);
      const issue = issues.find((i) => i.path === `countries[1].${list}`);
      expect(issue, JSON.stringify(issues)).to.include({ id: 'GT', kind: 'invalid', severity: 'error' });
      expect(issue!.message).to.match(message);
    });
  }

  it('the sample feed carries extra pay, tax regimes and season presets for all five countries', async () => {
    const { feed, issues } = okFeed(parseFeedText(await (await fetch('/demo/feed.json')).text()));
    expect(issues).to.deep.equal([]);
    const byCode = new Map(feed.countries.map((c) => [c.code, c]));
    const extraPay = (code: string) => byCode.get(code)!.extraPay!.map((p) => [p.id, p.month, p.sharePct]);
    expect(extraPay('SV')).to.deep.equal([['aguinaldo', 12, 50]]);
    expect(extraPay('GT')).to.deep.equal([['bono-14', 7, 100], ['aguinaldo', 12, 100]]);
    expect(extraPay('HN')).to.deep.equal([['decimo-cuarto', 6, 100], ['decimo-tercero', 12, 100]]);
    expect(extraPay('NI')).to.deep.equal([['decimo-tercero', 12, 100]]);
    expect(extraPay('DO')).to.deep.equal([['salario-navidad', 12, 100]]);
    for (const country of feed.countries) {
      // The standard regime comes first and agrees with `salesTax`.
      const [standard] = country.taxRegimes!;
      expect([standard!.kind, standard!.ratePct], country.code).to.deep.equal(['vat', country.salesTax!.rate]);
      expect(country.seasonPresets!.length, country.code).to.be.at.least(2);
      for (const entry of [...country.extraPay!, ...country.taxRegimes!, ...country.seasonPresets!]) {
        expect(entry.name, `${country.code} ${entry.id}`).to.have.keys('es', 'en');
      }
    }
    const regimes = (code: string) => byCode.get(code)!.taxRegimes!.slice(1).map((r) => [r.id, r.kind, r.ratePct ?? r.monthlyFee]);
    expect(regimes('GT')).to.deep.equal([['pequeno-contribuyente', 'gross-sales', 5]]);
    expect(regimes('NI')).to.deep.equal([['cuota-fija', 'fixed-fee', 50000]]);
    expect(regimes('DO')).to.deep.equal([['rst', 'gross-sales', 2]]);
    // Amounts REGION.md does not give are examples, and say so.
    for (const [code, id] of [['NI', 'cuota-fija'], ['DO', 'rst']] as const) {
      const note = byCode.get(code)!.taxRegimes!.find((r) => r.id === id)!.note as Record<string, string>;
      expect(note['es'], code).to.match(/de ejemplo/);
      expect(note['en'], code).to.match(/Example/);
    }
  });

  for (const list of ['extraPay', 'taxRegimes', 'seasonPresets'] as const) {
    it(`${list}: a second entry with the same id is left out, with a warning (the calculator makes lines from these ids)`, async () => {
      const twice = { ...COUNTRY_DATA[list][0]!, name: 'Otra vez' };
      const { feed, issues } = okFeed(
        parseFeed(await edited((f) => Object.assign(f['countries'][1], structuredClone(COUNTRY_DATA), { [list]: [...COUNTRY_DATA[list], twice] }))),
      );
      const kept = feed.countries[1]![list] as Array<{ id: string; name: unknown }>;
      expect(kept.map((e) => e.id)).to.deep.equal(COUNTRY_DATA[list].map((e) => e.id));
      expect(kept[0]!.name).not.to.equal('Otra vez');
      const at = COUNTRY_DATA[list].length;
      expect(issues.map((i) => [i.path, i.id, i.kind, i.severity])).to.deep.equal([[`countries[1].${list}[${at}].id`, 'GT', 'duplicate', 'warning']]);
      expect(issues[0]!.message).to.contain(`"${COUNTRY_DATA[list][0]!.id}"`);
    });
  }

  it('a template line with the id of an earlier line is left out, with a warning (a projection needs unique line ids)', async () => {
    const { feed, issues } = okFeed(
      parseFeed(await edited((f) => f['cashflowTemplates'][0]['lines'].push({ id: 'rent', label: 'Alquiler otra vez', flow: 'out', amounts: [1] }))),
    );
    expect(feed.cashflowTemplates[0]!.lines.map((l) => l.id)).to.deep.equal(['sales', 'rent']);
    expect(issues.map((i) => [i.path, i.id, i.kind, i.severity])).to.deep.equal([['cashflowTemplates[0].lines[2].id', 'shop', 'duplicate', 'warning']]);
  });

  it("the sample templates mark staff wages and the owner's draw", async () => {
    const { feed } = okFeed(parseFeedText(await (await fetch('/demo/feed.json')).text()));
    for (const template of feed.cashflowTemplates) {
      const kinds = template.lines.filter((line) => line.kind !== undefined).map((line) => [line.id, line.kind]);
      expect(kinds.filter(([, kind]) => kind === 'drawings'), template.id).to.have.length(1);
      // A template that pays an aguinaldo has staff wages to work it out from.
      if (template.lines.some((line) => line.id === 'aguinaldo')) {
        expect(kinds.filter(([, kind]) => kind === 'wages'), template.id).to.have.length(1);
      }
    }
  });
});

describe('parseFeed: links between tools, templates, outlines and services (#12)', () => {
  it('keeps every link whose target is in the feed', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          Object.assign(f['tools'][0], { cashflowTemplateIds: ['shop'], planOutlineIds: ['short'], serviceIds: ['training'] });
          f['cashflowTemplates'][0]['serviceIds'] = ['training'];
          f['planOutlines'][0]['sections'][0]['serviceIds'] = ['training'];
          f['planOutlines'][0]['sections'][0]['sections'][0]['serviceIds'] = ['training'];
        }),
      ),
    );
    expect(issues).to.deep.equal([]);
    const tool = feed.tools[0]!;
    expect([tool.cashflowTemplateIds, tool.planOutlineIds, tool.serviceIds]).to.deep.equal([['shop'], ['short'], ['training']]);
    expect(feed.cashflowTemplates[0]!.serviceIds).to.deep.equal(['training']);
    const section = feed.planOutlines[0]!.sections[0]!;
    expect([section.serviceIds, section.sections![0]!.serviceIds]).to.deep.equal([['training'], ['training']]);
    // Absent stays absent.
    expect(feed.tools[1]).not.to.have.any.keys('cashflowTemplateIds', 'planOutlineIds', 'serviceIds');
  });

  it('reports every dangling link and drops it, keeping the item and its other links', async () => {
    const { feed, issues } = okFeed(
      parseFeed(
        await edited((f) => {
          Object.assign(f['tools'][0], { cashflowTemplateIds: ['shop', 'bakery'], planOutlineIds: ['long', 'short'], serviceIds: ['credit', 'training'] });
          f['cashflowTemplates'][0]['serviceIds'] = ['credit'];
          f['planOutlines'][0]['sections'][0]['sections'][0]['serviceIds'] = ['training', 'legal'];
        }),
      ),
    );
    expect(feed.tools[0]!.cashflowTemplateIds).to.deep.equal(['shop']);
    expect(feed.tools[0]!.planOutlineIds).to.deep.equal(['short']);
    expect(feed.tools[0]!.serviceIds).to.deep.equal(['training']);
    expect(feed.cashflowTemplates[0]!.serviceIds).to.deep.equal([]);
    expect(feed.planOutlines[0]!.sections[0]!.sections![0]!.serviceIds).to.deep.equal(['training']);
    expect(issues.map((i) => [i.path, i.id, i.kind, i.severity]).sort()).to.deep.equal(
      [
        ['tools[0].serviceIds[0]', 'price-guide', 'reference', 'warning'],
        ['cashflowTemplates[0].serviceIds[0]', 'shop', 'reference', 'warning'],
        ['planOutlines[0].sections[0].sections[0].serviceIds[1]', 'short', 'reference', 'warning'],
        ['tools[0].cashflowTemplateIds[1]', 'price-guide', 'reference', 'warning'],
        ['tools[0].planOutlineIds[0]', 'price-guide', 'reference', 'warning'],
      ].sort(),
    );
    const messages = issues.map((i) => i.message).join(' | ');
    expect(messages).to.contain('"bakery"');
    expect(messages).to.contain('"long"');
    expect(messages).to.contain('"credit"');
  });

  it('the sample feed links tools, templates and plan sections to services, with no dangling link', async () => {
    const { feed, issues } = okFeed(parseFeedText(await (await fetch('/demo/feed.json')).text()));
    expect(issues).to.deep.equal([]);
    expect(feed.tools.filter((t) => (t.serviceIds?.length ?? 0) > 0).length).to.be.at.least(10);
    expect(feed.tools.filter((t) => (t.cashflowTemplateIds?.length ?? 0) > 0).length).to.be.at.least(3);
    expect(feed.tools.filter((t) => (t.planOutlineIds?.length ?? 0) > 0).length).to.be.at.least(3);
    for (const template of feed.cashflowTemplates) expect(template.serviceIds, template.id).to.include('finance');
    for (const outline of feed.planOutlines) {
      expect(outline.sections.some((section) => (section.serviceIds?.length ?? 0) > 0), outline.id).to.equal(true);
    }
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
      { country: 'SV', tools: 1, providers: 1, cashflowTemplates: 1, planOutlines: 1, extraPay: 0, taxRegimes: 0, seasonPresets: 0 },
      { country: 'GT', tools: 2, providers: 0, cashflowTemplates: 1, planOutlines: 1, extraPay: 0, taxRegimes: 0, seasonPresets: 0 },
    ]);
    expect([summary.errors, summary.warnings]).to.deep.equal([0, 1]);
  });

  it("counts the entries kept in each country's own data", async () => {
    const result = okFeed(parseFeed(await edited((f) => Object.assign(f['countries'][1], COUNTRY_DATA))));
    const [sv, gt] = summarizeFeed(result.feed, result.issues).countries;
    expect([sv!.extraPay, sv!.taxRegimes, sv!.seasonPresets]).to.deep.equal([0, 0, 0]);
    expect([gt!.extraPay, gt!.taxRegimes, gt!.seasonPresets]).to.deep.equal([2, 2, 1]);
  });
});
