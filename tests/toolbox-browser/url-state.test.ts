import { expect } from '@open-wc/testing';
import { EMPTY_QUERY, emptyFilters, type FacetName, type SortOrder, type ToolQuery } from '../../src/toolbox-browser/catalogue.js';
import { hashToQuery, queryToHash } from '../../src/toolbox-browser/url-state.js';

function query(text = '', filters: Partial<Record<FacetName, readonly string[]>> = {}, sort: SortOrder = 'relevance'): ToolQuery {
  return { text, filters: { ...emptyFilters(), ...filters }, sort };
}

describe('queryToHash', () => {
  const rows: Array<{ input: { query: ToolQuery; saved?: boolean; hash?: string }; expected: string }> = [
    { input: { query: EMPTY_QUERY }, expected: '' },
    { input: { query: EMPTY_QUERY, hash: '#' }, expected: '' },
    { input: { query: EMPTY_QUERY, hash: '#section-2' }, expected: '#section-2' },
    { input: { query: EMPTY_QUERY, hash: '#mt-q=old&mt-sort=title' }, expected: '' },
    { input: { query: query('   ') }, expected: '' },
    { input: { query: query('credito') }, expected: '#mt-q=credito' },
    { input: { query: query('flujo de caja') }, expected: '#mt-q=flujo+de+caja' },
    { input: { query: query('crédito') }, expected: '#mt-q=cr%C3%A9dito' },
    { input: { query: query('a&b=c#d+e%,f') }, expected: '#mt-q=a%26b%3Dc%23d%2Be%25%2Cf' },
    {
      input: { query: query('credito', { topic: ['finance-credit', 'marketing'] }) },
      expected: '#mt-q=credito&mt-topic=finance-credit,marketing',
    },
    {
      input: {
        query: query('', { language: ['es'], format: ['pdf'], level: ['basic'], audience: ['advisor'], type: ['guide', 'template'], topic: ['export'] }, 'newest'),
        saved: true,
      },
      expected: '#mt-topic=export&mt-type=guide,template&mt-audience=advisor&mt-level=basic&mt-format=pdf&mt-language=es&mt-sort=newest&mt-saved=1',
    },
    { input: { query: query('', { type: ['guide', 'guide'] }) }, expected: '#mt-type=guide' },
    { input: { query: EMPTY_QUERY, saved: true }, expected: '#mt-saved=1' },
    { input: { query: query('', {}, 'title') }, expected: '#mt-sort=title' },
    // The host's own hash content stays, in place; ours is replaced.
    { input: { query: query('nuevo'), hash: '#foo=1&mt-q=viejo&bar' }, expected: '#foo=1&bar&mt-q=nuevo' },
    { input: { query: query('nuevo'), hash: 'foo=1' }, expected: '#foo=1&mt-q=nuevo' },
    { input: { query: query('nuevo'), hash: '#/route?x=1' }, expected: '#/route?x=1&mt-q=nuevo' },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input.query.text)} ${JSON.stringify(input.hash ?? '')} → ${expected}`, () => {
      expect(queryToHash(input.query, input.saved ?? false, input.hash ?? '')).to.equal(expected);
    });
  }
});

describe('hashToQuery', () => {
  const rows: Array<{ input: string; expected: { query: ToolQuery; savedOnly: boolean } }> = [
    { input: '', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#section-2', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#mt-q=credito', expected: { query: query('credito'), savedOnly: false } },
    { input: 'mt-q=credito', expected: { query: query('credito'), savedOnly: false } },
    { input: '#mt-q=cr%C3%A9dito', expected: { query: query('crédito'), savedOnly: false } },
    { input: '#mt-q=flujo+de+caja', expected: { query: query('flujo de caja'), savedOnly: false } },
    { input: '#mt-q=flujo%20de%20caja', expected: { query: query('flujo de caja'), savedOnly: false } },
    { input: '#foo=1&mt-topic=finance-credit&bar', expected: { query: query('', { topic: ['finance-credit'] }), savedOnly: false } },
    {
      input: '#mt-type=guide,bogus,template,guide&mt-level=expert&mt-audience=advisor,ADVISOR',
      expected: { query: query('', { type: ['guide', 'template'], audience: ['advisor'] }), savedOnly: false },
    },
    { input: '#mt-format=pdf,spreadsheet', expected: { query: query('', { format: ['pdf', 'spreadsheet'] }), savedOnly: false } },
    { input: '#mt-language=es,EN,xx_yy,es-SV', expected: { query: query('', { language: ['es', 'es-SV'] }), savedOnly: false } },
    { input: '#mt-topic=%3Cscript%3E,ok.id', expected: { query: query('', { topic: ['ok.id'] }), savedOnly: false } },
    { input: '#mt-topic=a&mt-topic=b', expected: { query: query('', { topic: ['a', 'b'] }), savedOnly: false } },
    { input: '#mt-sort=newest', expected: { query: query('', {}, 'newest'), savedOnly: false } },
    { input: '#mt-sort=random', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#mt-saved=1', expected: { query: EMPTY_QUERY, savedOnly: true } },
    { input: '#mt-saved=0', expected: { query: EMPTY_QUERY, savedOnly: false } },
    // Garbage: ignored, never thrown.
    { input: '#mt-q=%E0%A4%A', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#mt-q=ok&mt-q=%ZZ', expected: { query: query('ok'), savedOnly: false } },
    { input: '#&&==&mt-=&=x&mt-q&mt-unknown=1&MT-Q=x', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#mt-type=,,,', expected: { query: EMPTY_QUERY, savedOnly: false } },
    { input: '#mt-q=' + 'a'.repeat(1000), expected: { query: query('a'.repeat(200)), savedOnly: false } },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input.slice(0, 60))}`, () => {
      expect(hashToQuery(input)).to.deep.equal(expected);
    });
  }

  it('never throws, whatever the hash', () => {
    const inputs = ['%', '#%%%', '#mt-topic=%', '#mt-q=\uD800', '#' + 'mt-topic=a,'.repeat(10_000), '#mt-type=' + 'guide,'.repeat(1000)];
    for (const input of inputs) expect(() => hashToQuery(input)).not.to.throw();
    expect(hashToQuery('#mt-topic=' + Array.from({ length: 500 }, (_, i) => `t${i}`).join(',')).query.filters.topic.length).to.equal(50);
  });
});

describe('url state round trip', () => {
  const rows: Array<{ input: { query: ToolQuery; saved: boolean; host: string } }> = [
    { input: { query: EMPTY_QUERY, saved: false, host: '' } },
    { input: { query: EMPTY_QUERY, saved: true, host: '#intro' } },
    { input: { query: query('cómo calcular el precio de mi producto'), saved: false, host: '' } },
    { input: { query: query('  cred'), saved: false, host: '' } },
    { input: { query: query('100% & más, ¿sí? #1 + a=b'), saved: false, host: '#a=1&b' } },
    { input: { query: query('plan', { topic: ['business-plan', 'cash-flow'], level: ['basic'] }, 'title'), saved: true, host: '' } },
    {
      input: {
        query: query('credito', { type: ['guide'], audience: ['entrepreneur', 'advisor'], format: ['online-course'], language: ['es', 'en'] }, 'newest'),
        saved: false,
        host: '#/page?x=1',
      },
    },
  ];
  for (const { input } of rows) {
    it(`${JSON.stringify(input.query.text)} ${input.host}`, () => {
      const hash = queryToHash(input.query, input.saved, input.host);
      expect(hashToQuery(hash)).to.deep.equal({ query: input.query, savedOnly: input.saved });
      // Writing the same state again changes nothing (no history entry for a no-op).
      expect(queryToHash(input.query, input.saved, hash)).to.equal(hash);
      // The host's part survives.
      if (input.host !== '') expect(hash.startsWith(input.host)).to.equal(true);
    });
  }
});
