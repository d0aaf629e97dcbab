/**
 * The browser validator (`validate-feed.ts`, what the widgets run) against zod
 * (`schema.ts` through `validate-zod.ts`, what the CLI runs): for every input,
 * the same result — the same parsed value (same keys in the same order, an
 * own `undefined` key is not a missing one, `-0` is not `0`), the same
 * accept/reject, the same issues with the same paths and messages, item by
 * item and for the whole feed (`parseFeed` / `parseFeedText`: skipped items,
 * warnings, references).
 *
 * Inputs, all deterministic: the fixtures, the sample feed, generated feeds
 * (bench/generate-feed.mjs), every field of a complete item replaced by each of
 * ~90 awkward values, and the fuzzer's mutants (tests/security/fuzz.ts, fixed
 * seeds) of the minimal fixture and of the sample feed; then some again in Spanish.
 */
import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText, type ParseFeedResult } from '../../src/feed/parse.js';
import { FEED_SECTION_NAMES, feedMetaFields, feedSections, type FeedSectionName } from '../../src/feed/schema.js';
import { feedValidators, type FeedMetaName } from '../../src/feed/validate-feed.js';
import { zodFeedValidators } from '../../src/feed/validate-zod.js';
import type { Validation } from '../../src/feed/validate.js';
import { initLocalization } from '../../src/shared/locale.js';
import { loaderText, mutant, mutantPlan, type Mutant } from '../security/fuzz.js';

const META: readonly FeedMetaName[] = ['title', 'updated', 'publisher', 'languages'];
const FIXTURES = ['minimal-feed.json', 'minimal-feed-updated.json'];

const counts = { items: 0, meta: 0, feeds: 0, texts: 0 };

// ---------------------------------------------------------------- comparing

/**
 * Where two values first differ, strictly (`undefined` when they are the same): `Object.is`
 * for primitives, the same prototype, the same own keys in the same order. Iterative.
 */
function firstDifference(a: unknown, b: unknown): string | undefined {
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return path || '(root)';
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path} (prototype)`;
    const kx = Reflect.ownKeys(x);
    const ky = Reflect.ownKeys(y);
    if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return `${path} (keys)`;
    for (const k of kx) {
      stack.push([(x as Record<PropertyKey, unknown>)[k], (y as Record<PropertyKey, unknown>)[k], `${path}/${String(k)}`]);
    }
  }
  return undefined;
}

const show = (value: unknown): string => {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 600);
  } catch {
    return String(value);
  }
};

function expectSame(zod: unknown, browser: unknown, name: string): void {
  const at = firstDifference(zod, browser);
  if (at !== undefined) expect.fail(`${name}: differs at ${at}\n  zod:     ${show(zod)}\n  browser: ${show(browser)}`);
}

/** Runs a validator; an exception is a result too (neither may throw). */
function attempt(run: () => Validation | ParseFeedResult): unknown {
  try {
    return run();
  } catch (error) {
    return { threw: String(error) };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One item of `section`, through both. */
function sameItem(section: FeedSectionName, item: unknown, name: string): void {
  counts.items++;
  expectSame(
    attempt(() => zodFeedValidators.sections[section](item)),
    attempt(() => feedValidators.sections[section](item)),
    `${name} ${section}`,
  );
}

function sameMeta(key: FeedMetaName, value: unknown, name: string): void {
  counts.meta++;
  expectSame(attempt(() => zodFeedValidators.meta[key](value)), attempt(() => feedValidators.meta[key](value)), `${name} ${key}`);
}

/** Every item and top-level field of a feed-like value, through both. */
function sameParts(json: unknown, name: string, perSection = Infinity): void {
  if (!isObject(json)) return;
  for (const key of META) sameMeta(key, json[key], name);
  for (const section of FEED_SECTION_NAMES) {
    const items = json[section];
    if (!Array.isArray(items)) continue;
    const picked = items.length <= perSection ? items : [...items.slice(0, perSection / 2), ...items.slice(-perSection / 2)];
    picked.forEach((item, i) => sameItem(section, item, `${name} ${section}[${i}]`));
  }
}

/** The whole feed (a value), through both parsers (zod first: neither changes its input), then its parts. */
function sameFeed(json: unknown, name: string, perSection = Infinity): void {
  counts.feeds++;
  expectSame(attempt(() => parseFeed(json, zodFeedValidators)), attempt(() => parseFeed(json, feedValidators)), name);
  sameParts(json, name, perSection);
}

/** Feed text, as a server sends it, through both; then its parts when it is JSON. */
function sameText(text: string, name: string, perSection = Infinity): void {
  counts.texts++;
  expectSame(
    attempt(() => parseFeedText(text, zodFeedValidators)),
    attempt(() => parseFeedText(text, feedValidators)),
    name,
  );
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return;
  }
  sameParts(json, name, perSection);
}

function sameMutant(m: Mutant, perSection = Infinity): void {
  if (m.channel === 'value') sameFeed(m.value, m.name, perSection);
  else sameText(m.channel === 'text' ? m.text! : loaderText(m), m.name, perSection);
}

// ---------------------------------------------------------------- inputs

async function fetchJson(path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(path)).json()) as Record<string, unknown>;
}

/** A value that puts a check to the test, for any field. */
const AWKWARD: readonly unknown[] = [
  undefined, null, true, false, 0, -0, 1, -1, 1.5, 0.001, 12.345, 1e12, 1e12 + 1, 1e21, 2 ** 53, -(2 ** 53), 1e308, 5e-324, NaN, Infinity, -Infinity,
  '', ' ', '\t\n', '  x  ', 'x', 'x'.repeat(21), 'x'.repeat(81), 'x'.repeat(301), ' '.repeat(400) + 'x',
  '😀'.repeat(80), '😀'.repeat(81), '😀'.repeat(151), '\uD800'.repeat(50), 'a\uDC00\uD800', 'ab\uD83D',
  'GT', 'gt', 'ZZ', 'SV-SS', 'GT-01', 'sv-ss', 'es', 'ES', 'es-SV', 'es_SV', 'USD', 'usd', 'in', 'out', 'IN',
  'guide', 'other', 'voice', 'basic', 'free', 'toString', '__proto__', 'constructor', 'hasOwnProperty',
  'vat', 'fixed-fee', 'wages', 'drawings', 12, 13, 200, 201, [1, 1], [12, 1], [13],
  'https://x.org', 'HTTPS://X.ORG/a b', 'http://', 'https://user@x.org', 'javascript:alert(1)', 'https://[::1', `https://x.org/${'a'.repeat(2100)}`,
  '2026-02-28', '2026-02-30', '2026-03-31T25:00', '2026-03-31T10:00:00.123456789-06:00', '+275760-09-13',
  'a@b.co', 'a@b', '+503 2200 0000', '(503) 2200', '+', '1'.repeat(31),
  [], [''], ['x'], ['GT'], ['GT', 'ZZ'], ['SV-SS'], ['es'], ['entrepreneur', 'investor'], [1], [null], [undefined], [[]], [{}],
  Array(31).fill('x'), Array(37).fill(1), Array(41).fill('k'), Array(51).fill('GT'), Array(61).fill('a'), Array(401).fill('SV-SS'),
  {}, { es: '' }, { es: ' ' }, { es: 'x' }, { ES: 'x' }, { es: 5 }, { es: 'x', en: '' }, { es: 'x', EN: 'y' }, { 'es-SV': 'x', es: 'y' }, { 12: 'x' },
  { length: 0 }, { length: 5 }, { length: 'abc' }, { length: null }, { length: 1e9 }, { length: 2 },
  JSON.parse('{"__proto__": {"polluted": 1}, "es": "y"}'), JSON.parse('{"__proto__": {"polluted": 1}}'),
  { constructor: 'x', es: 'y' }, { constructor: { prototype: {} } }, { prototype: { polluted: 1 } },
  { lat: 1, lng: 2 }, { lat: 91, lng: 2 }, { lat: '1', lng: 2 }, { name: 'x', rate: 5 }, { number: '2200-0000' }, { number: 'x', type: 'fax' },
  { id: 'a', name: 'b', kind: 'vat' }, { id: 'a', name: 'b', kind: 'fixed-fee', monthlyFee: 1 }, { id: 'a', name: 'b', kind: 'vat', monthlyFee: 1 },
  { id: 'a', name: 'b', kind: 'fixed-fee', ratePct: 101 }, { id: 'a', name: 'b', month: 7, sharePct: 100 }, { id: 'a', name: 'b', high: [1, 1] },
  { code: 'SV-SS', name: 'x' }, { id: 'a', title: 'b' }, { id: 'a', text: 'b' },
  new Date(0), Object.create(null), Object.assign(Object.create(null), { es: 'x' }),
];

/** One item per section with every field the contract has, nested ones too. */
const COMPLETE: Record<FeedSectionName, Record<string, unknown>> = {
  countries: {
    code: 'SV',
    name: { es: 'El Salvador', en: 'El Salvador' },
    currency: 'USD',
    locale: 'es-SV',
    regions: [
      { code: 'SV-SS', name: 'San Salvador', centre: { lat: 13.69, lng: -89.19 } },
      { code: 'SV-LI', name: { es: 'La Libertad' } },
    ],
    salesTax: { name: 'IVA', rate: 13 },
    extraPay: [
      { id: 'aguinaldo', name: { es: 'Aguinaldo', en: 'Year-end bonus' }, month: 12, sharePct: 50, note: 'Hasta el 20 de diciembre' },
      { id: 'bono', name: 'Bono', month: 7, sharePct: 100 },
    ],
    taxRegimes: [
      { id: 'iva', name: 'IVA', kind: 'vat', ratePct: 13, note: { es: 'Tasa general' } },
      { id: 'pequeno', name: 'Pequeño', kind: 'gross-sales', ratePct: 5 },
      { id: 'cuota', name: 'Cuota fija', kind: 'fixed-fee', monthlyFee: 250.5, note: 'Ejemplo' },
    ],
    seasonPresets: [
      { id: 'fin-de-ano', name: 'Fin de año', high: [11, 12], low: [1], note: 'Diciembre' },
      { id: 'clases', name: { es: 'Clases' }, high: [1, 2] },
    ],
  },
  topics: { id: 'costs', name: 'Costos', description: { es: 'Costos y precios' } },
  services: { id: 'training', name: { es: 'Capacitación' }, description: 'Cursos' },
  publishers: { id: 'red', name: { es: 'Red MIPYME', en: 'MSME Network' }, url: 'https://example.org/red', email: 'red@example.org' },
  tools: {
    id: 'guide',
    title: { es: 'Guía', en: 'Guide' },
    summary: 'Resumen',
    type: 'guide',
    topics: ['costs'],
    audience: ['entrepreneur', 'advisor'],
    level: 'basic',
    countries: ['SV', 'GT'],
    languages: ['es', 'en'],
    url: 'https://example.org/guia',
    format: 'pdf',
    updated: '2026-05-04T10:00:00Z',
    providerId: 'centre',
    keywords: ['precio', 'costo'],
    licence: 'CC BY 4.0',
    durationMinutes: 90,
    publisher: 'red',
    verified: '2026-06-30',
  },
  providers: {
    id: 'centre',
    name: 'Centro',
    alternateName: 'CDMYPE',
    kind: 'training',
    description: { es: 'Descripción' },
    services: ['training'],
    sectors: ['comercio'],
    countries: ['SV'],
    regions: ['SV-SS'],
    cost: 'free',
    website: 'https://example.org',
    email: 'info@example.org',
    phones: [
      { number: '+503 2200 0000', type: 'whatsapp', description: 'Oficina' },
      { number: '2200-0001' },
    ],
    locations: [
      {
        name: 'Sede',
        address: { address1: 'Calle 1', city: 'San Salvador', region: 'SV-SS', postalCode: '1101', country: 'SV' },
        lat: 13.7,
        lng: -89.2,
      },
    ],
    hours: 'Lunes a viernes',
    languages: ['es'],
    example: true,
    verified: '2026-01-02',
    publisher: 'red',
  },
  cashflowTemplates: {
    id: 'shop',
    name: 'Tienda',
    description: 'Una tienda',
    sector: 'comercio',
    countries: ['SV'],
    currency: 'USD',
    months: 12,
    firstMonth: 3,
    lines: [
      { id: 'sales', label: 'Ventas', flow: 'in', group: 'operations', kind: 'sales', hint: 'Ventas al contado', amounts: [1250.5, -0, 0.1], preStart: 100 },
      { id: 'wages', label: 'Sueldos', flow: 'out', kind: 'wages', amounts: [300] },
      { id: 'loan', label: { es: 'Préstamo' }, flow: 'in', group: 'financing', preStart: 5000.25 },
    ],
    publisher: 'red',
  },
  planOutlines: {
    id: 'plan',
    name: 'Plan',
    description: 'Un plan',
    kind: 'lean',
    countries: ['SV'],
    sections: [
      {
        id: 'idea',
        title: 'Idea',
        guidance: 'Piense',
        questions: [{ id: 'q', text: '¿Qué?', hint: 'Pista', example: 'Ejemplo' }],
        toolIds: ['guide'],
        sections: [{ id: 'clients', title: 'Clientes', sections: [{ id: 'deep', title: 'Más', sections: [] }] }],
      },
    ],
    publisher: 'red',
  },
};

const COMPLETE_META: Record<FeedMetaName, unknown> = {
  title: { es: 'Feed', en: 'Feed' },
  updated: '2026-11-01',
  publisher: { name: 'Red', url: 'https://example.org', email: 'feed@example.org' },
  languages: ['es', 'en'],
};

type Path = Array<string | number>;

/** Every place inside `value` (keys of objects, indexes of lists). */
function placesIn(value: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const step = Array.isArray(node) ? Number(key) : key;
      out.push([...path, step]);
      stack.push([(node as Record<string, unknown>)[key], [...path, step]]);
    }
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced (or deleted). */
function replaced(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

// ---------------------------------------------------------------- the tests

describe('the browser validator gives what zod gives', () => {
  let sample: Record<string, unknown>;
  let sampleText: string;
  let minimal: Record<string, unknown>;

  before(async () => {
    sampleText = await (await fetch('/demo/feed.json')).text();
    sample = JSON.parse(sampleText) as Record<string, unknown>;
    minimal = await fetchJson(new URL('../fixtures/minimal-feed.json', import.meta.url).href);
  });

  after(() => console.log(`validator parity: ${JSON.stringify(counts)}`));

  it('both describe the same sections and top-level fields', () => {
    expect(FEED_SECTION_NAMES).to.deep.equal(Object.keys(feedSections));
    expect(Object.keys(feedValidators.sections)).to.deep.equal(FEED_SECTION_NAMES);
    expect(Object.keys(zodFeedValidators.sections)).to.deep.equal(FEED_SECTION_NAMES);
    expect(Object.keys(feedValidators.meta)).to.deep.equal(META);
    for (const key of META) expect(feedMetaFields).to.have.property(key);
  });

  it('the comparison sees any difference (its own test)', () => {
    const rows: Array<[unknown, unknown, string | undefined]> = [
      [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, undefined],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }, ' (keys)'],
      [{ a: undefined }, {}, ' (keys)'],
      [[1, 2], [1, 2, 3], ' (keys)'],
      [{ a: 0 }, { a: -0 }, '/a'],
      [{ a: NaN }, { a: NaN }, undefined],
      [{ a: [] }, { a: {} }, '/a (prototype)'],
      [{}, Object.create(null), ' (prototype)'],
      ['1', 1, '(root)'],
    ];
    for (const [a, b, expected] of rows) expect(firstDifference(a, b), show([a, b])).to.equal(expected);
  });

  it('every fixture, and the sample feed as text and as a value', async () => {
    for (const name of FIXTURES) {
      const text = await (await fetch(new URL(`../fixtures/${name}`, import.meta.url))).text();
      sameText(text, name);
      sameFeed(JSON.parse(text), name);
    }
    sameText(sampleText, 'demo/feed.json');
    sameFeed(sample, 'demo/feed.json');
  });

  it('generated feeds (bench/generate-feed.mjs, three seeds)', async () => {
    const path = '../../bench/generate-feed.mjs';
    const { generateFeed } = (await import(path)) as {
      generateFeed: (options: { tools: number; providers: number; seed: number }) => unknown;
    };
    for (const seed of [1, 2, 3]) sameFeed(generateFeed({ tools: 1500, providers: 300, seed }), `generated feed, seed ${seed}`);
  });

  for (const section of FEED_SECTION_NAMES) {
    it(`every field of a complete ${section} item, replaced by each of ${AWKWARD.length} awkward values or left out`, () => {
      const item = COMPLETE[section];
      sameItem(section, item, `complete ${section}`);
      const places = placesIn(item);
      // Fields the item does not have yet, and the item itself replaced.
      const shape = (feedSections[section] as unknown as { shape: Record<string, unknown> }).shape;
      for (const key of Object.keys(shape)) if (!(key in item)) places.push([key]);
      for (const value of AWKWARD) sameItem(section, value, `${section} item = ${show(value)}`);
      for (const place of places) {
        const at = place.join('.');
        sameItem(section, replaced(item, place, undefined, true), `${section} without ${at}`);
        for (const value of AWKWARD) sameItem(section, replaced(item, place, value), `${section} ${at} = ${show(value)}`);
      }
    });
  }

  it(`every top-level field, and every place in a complete one, replaced by each awkward value`, () => {
    for (const key of META) {
      sameMeta(key, COMPLETE_META[key], `complete ${key}`);
      for (const value of AWKWARD) sameMeta(key, value, `${key} = ${show(value)}`);
      for (const place of placesIn(COMPLETE_META[key])) {
        const at = `${key}.${place.join('.')}`;
        sameMeta(key, replaced(COMPLETE_META[key], place, undefined, true), `without ${at}`);
        for (const value of AWKWARD) sameMeta(key, replaced(COMPLETE_META[key], place, value), `${at} = ${show(value)}`);
      }
    }
  });

  // The fuzzer's mutants (tests/security/fuzz.ts), fixed seeds. Huge arrays (50,000 items, about a
  // second each) only once per kind; fuzz-parse.test.ts covers them all for safety.
  const runs = [
    { sample: 'the minimal fixture', seed: 0x9a1d, count: 4000, block: 250 },
    { sample: 'demo/feed.json', seed: 0x5eed, count: 600, block: 25 },
  ];
  for (const run of runs) {
    const heavyKinds = new Set<string>();
    const heavy: number[] = [];
    for (let i = 0; i < run.count; i++) {
      const plan = mutantPlan(run.seed, i);
      if (plan.heavy && !heavyKinds.has(plan.hugeVariant!)) {
        heavyKinds.add(plan.hugeVariant!);
        heavy.push(i);
      }
    }
    const source = () => (run.sample === 'demo/feed.json' ? sample : minimal);
    for (let from = 0; from < run.count; from += run.block) {
      const to = Math.min(from + run.block, run.count) - 1;
      it(`${run.sample}, seed 0x${run.seed.toString(16)}: mutants #${from}–#${to}`, () => {
        for (let i = from; i <= to; i++) if (!mutantPlan(run.seed, i).heavy) sameMutant(mutant(source(), run.seed, i));
      });
    }
    for (const i of heavy) {
      it(`${run.sample}, seed 0x${run.seed.toString(16)}: huge-array mutant #${i} (${mutantPlan(run.seed, i).hugeVariant})`, () => {
        sameMutant(mutant(source(), run.seed, i), 400);
      });
    }
  }

  describe('in Spanish (messages follow the page language in both)', () => {
    before(() => initLocalization('es'));
    after(() => initLocalization('en'));

    it('the fixtures, complete items with awkward values, and 300 mutants', () => {
      for (const section of FEED_SECTION_NAMES) {
        for (const value of AWKWARD) sameItem(section, value, `es: ${section} item = ${show(value)}`);
        for (const place of placesIn(COMPLETE[section]).slice(0, 12)) {
          for (const value of AWKWARD) sameItem(section, replaced(COMPLETE[section], place, value), `es: ${section} ${place.join('.')}`);
        }
      }
      sameFeed(minimal, 'es: minimal');
      for (let i = 0; i < 300; i++) if (!mutantPlan(0x9a1d, i).heavy) sameMutant(mutant(minimal, 0x9a1d, i));
      const spanish = feedValidators.sections.tools({ id: 'x' });
      expect(spanish.ok).to.equal(false);
      if (!spanish.ok) expect(spanish.issues[0]!.message).to.equal('Este campo es obligatorio.');
    });
  });
});
