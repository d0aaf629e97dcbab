// The JSON Schema generated from the zod schema (dist/feed.schema.json) and an
// independent validator (ajv) agree with parseFeed on the test feeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseFeed } from '../../dist/feed/index.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const schema = read('dist/feed.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const minimal = read('tests/fixtures/minimal-feed.json');

/** Issues that mean "the feed breaks the schema" (references are beyond JSON Schema). */
const SCHEMA_KINDS = new Set(['invalid', 'unknown-value', 'limit']);

function parseVerdict(feed) {
  const result = parseFeed(feed);
  return result.ok && !result.issues.some((issue) => SCHEMA_KINDS.has(issue.kind));
}

/** Valid extra pay, tax regimes and season presets (Guatemala's, say). */
const countryData = () => ({
  extraPay: [{ id: 'bono-14', name: 'Bono 14', month: 7, sharePct: 100, note: 'Julio' }],
  taxRegimes: [
    { id: 'iva', name: 'IVA', kind: 'vat', ratePct: 12 },
    { id: 'pequeno', name: 'Pequeño contribuyente', kind: 'gross-sales', ratePct: 5 },
    { id: 'cuota', name: 'Cuota', kind: 'fixed-fee', monthlyFee: 100.5 },
  ],
  seasonPresets: [{ id: 'fin', name: { es: 'Fin de año' }, high: [11, 12], low: [1] }, { id: 'clases', name: 'Clases' }],
});

const edit = (change) => {
  const copy = structuredClone(minimal);
  change(copy);
  return copy;
};

const cases = [
  ['the sample feed', read('demo/feed.json')],
  ['the minimal feed', minimal],
  ['the updated minimal feed', read('tests/fixtures/minimal-feed-updated.json')],
  ['only version and title', { version: 1, title: 'x' }],
  ['a minor version', { version: 1.3, title: { es: 'x', en: 'y' } }],
  ['unknown fields', edit((f) => { f.extra = 1; f.tools[0].rating = 5; })],
  ['not an object', [1, 2]],
  ['null', null],
  ['no version', edit((f) => delete f.version)],
  ['version 2', edit((f) => (f.version = 2))],
  ['version as text', edit((f) => (f.version = '1'))],
  ['no title', edit((f) => delete f.title)],
  ['an empty localized object', edit((f) => (f.title = {}))],
  ['a bad language key', edit((f) => (f.title = { Spanish: 'x' }))],
  ['a tool without a title', edit((f) => delete f.tools[0].title)],
  ['a tool without url', edit((f) => delete f.tools[0].url)],
  ['a javascript: url', edit((f) => (f.tools[0].url = 'javascript:alert(1)'))],
  ['a data: url', edit((f) => (f.providers[0].website = 'data:text/html,x'))],
  ['a relative url', edit((f) => (f.tools[0].url = '/guia.pdf'))],
  ['an http url', edit((f) => (f.tools[0].url = 'http://example.org/x'))],
  ['an unknown tool type', edit((f) => (f.tools[0].type = 'podcast-series'))],
  ['an unknown level', edit((f) => (f.tools[0].level = 'expert'))],
  ['an unknown audience', edit((f) => (f.tools[0].audience = ['investor']))],
  ['a bad id', edit((f) => (f.tools[0].id = 'has space'))],
  ['a lower-case country code', edit((f) => (f.tools[1].countries = ['gt']))],
  ['a bad currency', edit((f) => (f.countries[0].currency = 'usd'))],
  ['a bad region code', edit((f) => (f.countries[0].regions[0].code = 'San Salvador'))],
  ['a latitude out of range', edit((f) => (f.countries[0].regions[0].centre.lat = 123))],
  ['a tax rate over 100', edit((f) => (f.countries[0].salesTax.rate = 130))],
  ['country data for the cash flow', edit((f) => Object.assign(f.countries[1], countryData()))],
  ['extra pay in month 13', edit((f) => Object.assign(f.countries[1], countryData(), { extraPay: [{ id: 'x', name: 'x', month: 13, sharePct: 100 }] }))],
  ['a tax regime of an unknown kind', edit((f) => (f.countries[1].taxRegimes = [{ id: 'x', name: 'x', kind: 'presumptive', ratePct: 1 }]))],
  ['a VAT regime without its rate', edit((f) => (f.countries[1].taxRegimes = [{ id: 'x', name: 'x', kind: 'vat', monthlyFee: 1 }]))],
  ['a fixed-fee regime without its fee', edit((f) => (f.countries[1].taxRegimes = [{ id: 'x', name: 'x', kind: 'fixed-fee', ratePct: 1 }]))],
  ['a negative fee', edit((f) => (f.countries[1].taxRegimes = [{ id: 'x', name: 'x', kind: 'fixed-fee', monthlyFee: -5 }]))],
  ['a season with a month twice', edit((f) => (f.countries[1].seasonPresets = [{ id: 'x', name: 'x', high: [12, 12] }]))],
  ['tax regimes that are not a list', edit((f) => (f.countries[1].taxRegimes = { id: 'x' }))],
  ['a known line kind', edit((f) => (f.cashflowTemplates[0].lines[1].kind = 'wages'))],
  ['an unknown line kind', edit((f) => (f.cashflowTemplates[0].lines[1].kind = 'salary'))],
  ['a bad flow', edit((f) => (f.cashflowTemplates[0].lines[0].flow = 'sideways'))],
  ['an empty template', edit((f) => (f.cashflowTemplates[0].lines = []))],
  ['a provider without countries', edit((f) => delete f.providers[0].countries)],
  ['a bad phone', edit((f) => (f.providers[0].phones[0].number = 'call me'))],
  ['a bad e-mail', edit((f) => (f.providers[0].email = 'x@'))],
  ['a good e-mail', edit((f) => (f.providers[0].email = 'info@example.org'))],
  ['a bad date format', edit((f) => (f.updated = '31/03/2026'))],
  ['a date with time', edit((f) => (f.updated = '2026-03-31T10:00:00Z'))],
  ['a section that is not a list', edit((f) => (f.tools = {}))],
  ['a title too long', edit((f) => (f.tools[0].title = 'x'.repeat(301)))],
  ['too many keywords', edit((f) => (f.tools[0].keywords = Array.from({ length: 41 }, (_, i) => `k${i}`)))],
  ['a string for a list', edit((f) => (f.tools[0].topics = 'costs-prices'))],
  ['a number for a text', edit((f) => (f.tools[0].summary = 5))],
  ['a boolean example flag as text', edit((f) => (f.providers[0].example = 'yes'))],
  ['an outline without sections', edit((f) => (f.planOutlines[0].sections = []))],
  ['a nested section without title', edit((f) => delete f.planOutlines[0].sections[0].sections[0].title)],
  ['a question without text', edit((f) => (f.planOutlines[0].sections[0].questions = [{ id: 'q' }]))],
];

for (const [name, feed] of cases) {
  test(`ajv and parseFeed agree: ${name}`, () => {
    const ajvValid = validate(feed);
    assert.equal(
      ajvValid,
      parseVerdict(feed),
      `ajv says ${ajvValid ? 'valid' : 'invalid'}: ${JSON.stringify(validate.errors?.slice(0, 3))}; parseFeed: ${JSON.stringify(parseFeed(feed))?.slice(0, 600)}`,
    );
  });
}

test('every case above is decided both ways at least once (the table is not one-sided)', () => {
  const verdicts = new Set(cases.map(([, feed]) => validate(feed)));
  assert.deepEqual([...verdicts].sort(), [false, true]);
});

test('references are beyond JSON Schema: ajv accepts them, parseFeed reports them', () => {
  const feed = edit((f) => {
    f.tools[1].countries = ['XX'];
    f.tools[0].providerId = 'nobody';
    f.tools.push({ ...f.tools[0] });
  });
  assert.equal(validate(feed), true);
  const result = parseFeed(feed);
  assert.equal(result.ok, true);
  assert.deepEqual(result.issues.map((issue) => issue.kind).sort(), ['duplicate', 'reference', 'reference']);
});

test('the schema is draft 2020-12, versioned, and describes every section', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema.$id, /infomipyme-widgets@\d+\.\d+\.\d+\/dist\/feed\.schema\.json$/);
  assert.deepEqual(schema.required, ['version', 'title']);
  for (const section of ['countries', 'topics', 'services', 'tools', 'providers', 'cashflowTemplates', 'planOutlines']) {
    assert.equal(schema.properties[section].type, 'array', section);
  }
});
